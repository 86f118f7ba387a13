"""Loads a model saved by the course library in Keras and compares its predictions.

Usage: python check_in_keras.py OUT_DIR  (the folder SaveForKeras.java wrote). Prints one JSON line:
the largest difference between the library's and Keras's predictions, for load_model and for
load_weights into the same architecture, and the optimizer's step counter as Keras read it.
"""
import json
import os
import sys
import warnings

os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import keras  # noqa: E402
import numpy as np  # noqa: E402

out = sys.argv[1]
x = np.array(json.load(open(os.path.join(out, "inputs.json"))), dtype="int32")
ours = np.array(json.load(open(os.path.join(out, "predictions.json"))))

model = keras.saving.load_model(os.path.join(out, "model.keras"))
theirs = model.predict(x, verbose=0).reshape(-1)

# The same architecture, built in Keras, then only the weights file loaded into it.
clone = keras.Sequential.from_config(model.get_config())  # uncompiled: no optimizer to fill
clone.load_weights(os.path.join(out, "model.weights.h5"))
from_weights = clone.predict(x, verbose=0).reshape(-1)

# Every optimizer's saved state loads into Keras's optimizer of the same name, with no warning
# (Keras warns and skips the state when the number of arrays does not match).
optimizers = {}
for name in ("rmsprop", "sgd_momentum", "sgd"):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        other = keras.saving.load_model(os.path.join(out, f"opt-{name}.keras"))
    optimizers[name] = {"class": type(other.optimizer).__name__, "iterations": int(other.optimizer.iterations.numpy()),
                        "variables": len(other.optimizer.variables),
                        "warnings": [str(w.message) for w in caught]}

print(json.dumps({
    "optimizers": optimizers,
    "max_diff_load_model": float(np.max(np.abs(theirs - ours))),
    "max_diff_load_weights": float(np.max(np.abs(from_weights - ours))),
    "iterations": int(model.optimizer.iterations.numpy()),
    "layers": [layer.__class__.__name__ for layer in model.layers],
}))
