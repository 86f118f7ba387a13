/**
 * Data sets and data helpers for the course's notebooks.
 *
 * <ul>
 *   <li>{@link org.rnncourse.data.Imdb} &mdash; the IMDB review sentiment data with the semantics of
 *       Keras's {@code imdb.load_data}, built from the official {@code aclImdb_v1.tar.gz} (found,
 *       downloaded and cached by {@link org.rnncourse.data.ImdbLoader});</li>
 *   <li>{@link org.rnncourse.data.Sequences#padSequences} &mdash; Keras's {@code pad_sequences};</li>
 *   <li>{@link org.rnncourse.data.Tokenizer} &mdash; the documented word tokenizer behind the IMDB data;</li>
 *   <li>{@link org.rnncourse.data.SineWindows} &mdash; a noisy sine series cut into windows for
 *       next-value regression.</li>
 * </ul>
 */
package org.rnncourse.data;
