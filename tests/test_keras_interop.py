"""A model trained by the course library, saved as .keras, gives the same predictions in Keras 3.

The library writes Keras 3's own format (a zip of config.json, metadata.json and model.weights.h5,
HDF5 written with jHDF). This test trains a small model with every layer kind
(tests/keras_interop/SaveForKeras.java, run as a single-file Java program against the jar), then
loads it in Keras with load_model, and its weights file with load_weights into the same
architecture, and compares the predictions.

Keras is not part of the course's test environment (it pulls in JAX, a large download). The test
uses the Python named by RNN_COURSE_KERAS_PYTHON, or this one if it can import keras, and is
skipped, saying so, otherwise. To run it: python3 -m venv /tmp/kv && /tmp/kv/bin/pip install
keras==3.15.1 jax h5py, then RNN_COURSE_KERAS_PYTHON=/tmp/kv/bin/python.
"""
import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import JAR, ROOT

HERE = ROOT / "tests" / "keras_interop"


# Keras 3 picks TensorFlow unless told; the check runs on JAX (on the CPU).
ENV = {**os.environ, "KERAS_BACKEND": os.environ.get("KERAS_BACKEND", "jax"), "JAX_PLATFORMS": "cpu"}


def keras_python():
    named = os.environ.get("RNN_COURSE_KERAS_PYTHON", "").strip()
    candidates = [named] if named else [sys.executable]
    for py in candidates:
        ok = subprocess.run([py, "-c", "import keras, h5py"], capture_output=True, env=ENV).returncode == 0
        if ok:
            return py
    return None


def test_a_model_saved_here_predicts_the_same_in_keras(tmp_path):
    py = keras_python()
    if py is None:
        pytest.skip("Keras is not importable (set RNN_COURSE_KERAS_PYTHON to a Python with keras, jax and "
                    "h5py to run this check)")
    if not JAR.is_file():
        pytest.fail(f"{JAR} is missing: run ./course build")
    java = shutil.which("java")
    subprocess.run([java, "--add-modules", "jdk.incubator.vector", "-cp", str(JAR),
                    str(HERE / "SaveForKeras.java"), str(tmp_path)], check=True, capture_output=True, timeout=300)
    done = subprocess.run([py, str(HERE / "check_in_keras.py"), str(tmp_path)], capture_output=True, text=True,
                          timeout=600, env=ENV)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    # Keras computes in float32, the library in double (and float on its fast path): agreement to 1e-5.
    assert result["max_diff_load_model"] < 1e-5, result
    assert result["max_diff_load_weights"] < 1e-5, result
    assert result["iterations"] == int((tmp_path / "iterations.txt").read_text()), result
    # Embedding + LSTM + Dense: 6 weights; RMSprop and SGD with momentum keep one array per weight,
    # plain SGD none; each file also holds the step count and the learning rate.
    expected = {"rmsprop": ("RMSprop", 2 + 6), "sgd_momentum": ("SGD", 2 + 6), "sgd": ("SGD", 2)}
    for name, (cls, variables) in expected.items():
        got = result["optimizers"][name]
        assert (got["class"], got["variables"], got["iterations"], got["warnings"]) == (cls, variables, 4, []), got
    assert result["layers"] == ["Embedding", "SimpleRNN", "Bidirectional", "Bidirectional", "Dropout", "Dense",
                                "Dense"], result
