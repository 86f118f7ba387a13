"""Writes lib/src/test/resources/org/rnncourse/nn/saving/keras-made.keras and keras-made.json: a small
model with every layer kind of the library, saved by Keras 3 itself, and its predictions, for the
Java test that loads a file Keras wrote (KerasFileTest). Run with a Python that has keras and jax:
KERAS_BACKEND=jax python tests/keras_interop/make_keras_fixture.py
"""
import json
import os
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "jax")
import keras  # noqa: E402
import numpy as np  # noqa: E402

out = Path(__file__).resolve().parents[2] / "lib" / "src" / "test" / "resources" / "org" / "rnncourse" / "nn" / "saving"
keras.utils.set_random_seed(3)
model = keras.Sequential([
    keras.Input((9,), dtype="int32"), keras.layers.Embedding(25, 4),
    keras.layers.SimpleRNN(3, return_sequences=True),
    keras.layers.Bidirectional(keras.layers.LSTM(3, return_sequences=True)),
    keras.layers.GRU(2), keras.layers.Dropout(0.25), keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer=keras.optimizers.Adam(0.01), loss="binary_crossentropy", metrics=["accuracy"])
rng = np.random.default_rng(3)
x = rng.integers(0, 25, (16, 9))
y = (x[:, 0] > 12).astype("float32")
model.fit(x, y, epochs=2, batch_size=8, verbose=0)
model.save(out / "keras-made.keras")
(out / "keras-made.json").write_text(json.dumps({
    "keras_version": keras.__version__, "x": x.tolist(),
    "predictions": model.predict(x, verbose=0).ravel().astype(float).tolist(),
    "iterations": int(model.optimizer.iterations.numpy())}))
