/**
 * How good is a model? The metrics of lesson 11, one static method each in {@link org.rnncourse.metrics.Metrics}:
 * accuracy, precision, recall, F1 and the confusion matrix for classification; MAE, RMSE and MAPE
 * for forecasts; perplexity for a language model.
 */
package org.rnncourse.metrics;
