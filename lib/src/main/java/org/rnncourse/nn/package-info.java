/**
 * A small Keras in Java: the same model, names and numbers as the Keras code of the course notes,
 * written so a learner can open any class and read how it works. The packages follow Keras's:
 * {@code nn} ({@link org.rnncourse.nn.Sequential}, the container), {@code nn.layers},
 * {@code nn.optimizers}, {@code nn.losses}, {@code nn.metrics}, {@code nn.callbacks},
 * {@code nn.trainers} (the training loop), {@code nn.saving}, {@code nn.backend} (tensors and the
 * float fast path) and {@code nn.utils}.
 *
 * <h2>Lesson 07: a stacked SimpleRNN and a sine forecast</h2>
 * <pre>{@code
 * import org.rnncourse.nn.*;             // Sequential
 * import org.rnncourse.nn.layers.*;      // Input, SimpleRNN, Dense, Embedding, LSTM…
 * import org.rnncourse.nn.callbacks.*;   // History, EarlyStopping, ModelCheckpoint
 * import org.rnncourse.nn.trainers.*;    // FitOptions
 * import org.rnncourse.nn.utils.*;       // RandomSeed
 *
 * Sequential model = new Sequential(
 *         new Input(10, 32),                                  // (time steps, features)
 *         SimpleRNN.builder(64).returnSequences(true).build(),
 *         new SimpleRNN(32),
 *         new Dense(10, "softmax"));
 * model.summary();                                            // 6,208 / 3,104 / 330, total 9,642
 *
 * RandomSeed.set(42);
 * Sequential sine = new Sequential(new Input(10, 1), new SimpleRNN(50), new Dense(1));
 * sine.compile("adam", "mse", "mae");
 * History h = sine.fit(xWindows, yNext, new FitOptions().epochs(20).batchSize(32).validationSplit(0.2));
 * double[] forecast = sine.predict(xWindows).toArray();
 * }</pre>
 *
 * <h2>Lesson 08: IMDB sentiment</h2>
 * <pre>{@code
 * Sequential model = new Sequential(
 *         new Input(200),
 *         new Embedding(10000, 128),
 *         new SimpleRNN(64),
 *         new Dropout(0.5),
 *         new Dense(1, "sigmoid"));
 * model.compile(new Adam(), "binary_crossentropy", "accuracy");
 * History history = model.fit(xTrain, yTrain, new FitOptions()
 *         .epochs(5).batchSize(128).validationSplit(0.2)
 *         .callbacks(new EarlyStopping("val_loss", 2)));
 * Map<String, Double> test = model.evaluate(xTest, yTest);    // {loss=…, accuracy=…}
 * }</pre>
 *
 * <h2>Lesson 10: LSTM, GRU and Bidirectional</h2>
 * <pre>{@code
 * new Sequential(new Input(200), new Embedding(10000, 128), new LSTM(64), new Dense(1, "sigmoid"));  // lstm: 49,408
 * new Sequential(new Input(200), new Embedding(10000, 128), new GRU(64), new Dense(1, "sigmoid"));   // gru: 37,248
 * new Sequential(new Input(200), new Embedding(10000, 128),
 *         new Bidirectional(new SimpleRNN(64)), new Dense(1, "sigmoid"));                           // bidirectional: 24,704
 * LSTM lstm = LSTM.builder(32).returnSequences(true).returnState(true).build();
 * Tensor h = lstm.forward(x, false);                            // (batch, time, 32)
 * List<Tensor> hc = lstm.states();                              // h_T and c_T
 * }</pre>
 * {@link org.rnncourse.nn.layers.LSTM} and {@link org.rnncourse.nn.layers.GRU} follow Keras 3's formulas, gate
 * order (i, f, c, o; z, r, h), initializers and GRU's default {@code reset_after}; a
 * {@link org.rnncourse.nn.layers.Bidirectional} concatenates a forward and a backward copy of its layer.
 * {@link org.rnncourse.lessons.LayerComparison} trains one task with several layers and measures them.
 *
 * <h2>How the pieces fit</h2>
 * <ul>
 *   <li>Data is a {@link org.rnncourse.nn.backend.Tensor}: a flat row-major array with a shape whose first
 *       axis is the batch; {@code fit}, {@code evaluate} and {@code predict} also take plain Java
 *       arrays ({@code double[][][]} sequences, {@code int[][]} token ids, {@code double[]} or
 *       {@code int[]} labels).</li>
 *   <li>Every {@link org.rnncourse.nn.layers.Layer} infers its output shape, creates its weights
 *       ({@link org.rnncourse.nn.layers.Parameter}s) once the input shape is known, and has a forward pass
 *       (with a training flag, for dropout) and a backward pass that fills the gradients.</li>
 *   <li>{@link org.rnncourse.nn.Sequential#fit} runs mini-batches: forward, {@link org.rnncourse.nn.losses.Loss},
 *       backward, {@link org.rnncourse.nn.optimizers.Optimizer} step (after optional clipping), then reports
 *       through {@link org.rnncourse.nn.callbacks.Callback}s: the given ones, then the
 *       {@link org.rnncourse.nn.callbacks.History}, then the {@link org.rnncourse.nn.callbacks.ProgressBar}
 *       (one observer mechanism, as Keras's). The loop is the model's {@link org.rnncourse.nn.trainers.Trainer}.</li>
 *   <li>{@code forward} and {@code backward} run the layers' own code in double: the reference path
 *       the gradient checks validate. {@code fit}, {@code evaluate} and {@code predict} run a model
 *       that starts with an optional Embedding and a recurrent layer with a fused float step
 *       (SimpleRNN with tanh, LSTM and GRU with Keras's activations: each layer's {@code FloatCell})
 *       on a float path instead ({@code FastFront}, on the {@link org.rnncourse.fast.Fast} kernels, on
 *       two cores): the same numbers to float rounding, ~30× faster on lesson 08 (≈ 1.5–2 s per IMDB
 *       epoch on 2 cores). {@link org.rnncourse.nn.backend.Backend#setFloatx Backend.setFloatx("float64")}
 *       (as Keras's {@code keras.config.set_floatx}) puts every model on the double reference path;
 *       {@code model.fastPath(false)} does it for one model.</li>
 *   <li>Saving, with Keras's names: {@link org.rnncourse.nn.Sequential#save(String)} writes a Keras 3
 *       {@code .keras} file (architecture, weights, optimizer state) that
 *       {@link org.rnncourse.nn.Sequential#loadModel(String)} and Keras's {@code load_model} read;
 *       {@code saveWeights}/{@code loadWeights} for the weights alone;
 *       {@link org.rnncourse.nn.callbacks.ModelCheckpoint} saves during fit. {@code ModelFile} (the zip, checksums),
 *       {@code KerasConfig} (config.json), {@code KerasWeights} (the HDF5 layout) and {@code AtomicFile}
 *       (temporary file, then rename) do the work; a bad file is a {@link org.rnncourse.nn.saving.ModelFileException}.</li>
 * </ul>
 */
package org.rnncourse.nn;
