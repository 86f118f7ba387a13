"""Saved models are real HDF5 in Keras 3's layout, as the reference HDF5 library (h5py) reads them.

This runs everywhere (h5py is in requirements.txt); tests/test_keras_interop.py goes further and
loads the same files in Keras where Keras is installed. A small model with every layer kind is
trained and saved by tests/keras_interop/SaveForKeras.java (a single-file Java program run against
the jar).
"""
import io
import json
import shutil
import subprocess
import zipfile

import h5py
import numpy as np
import pytest

from conftest import JAR, ROOT

# Keras 3.15's paths for this architecture (see README "The file format").
EXPECTED = {
    "layers/embedding/vars/0": (30, 6),
    "layers/simple_rnn/cell/vars/0": (6, 5), "layers/simple_rnn/cell/vars/1": (5, 5),
    "layers/simple_rnn/cell/vars/2": (5,),
    "layers/bidirectional/forward_layer/cell/vars/0": (5, 16),
    "layers/bidirectional/forward_layer/cell/vars/1": (4, 16),
    "layers/bidirectional/forward_layer/cell/vars/2": (16,),
    "layers/bidirectional/backward_layer/cell/vars/0": (5, 16),
    "layers/bidirectional/backward_layer/cell/vars/1": (4, 16),
    "layers/bidirectional/backward_layer/cell/vars/2": (16,),
    "layers/bidirectional_1/forward_layer/cell/vars/0": (8, 9),
    "layers/bidirectional_1/forward_layer/cell/vars/1": (3, 9),
    "layers/bidirectional_1/forward_layer/cell/vars/2": (2, 9),
    "layers/bidirectional_1/backward_layer/cell/vars/0": (8, 9),
    "layers/bidirectional_1/backward_layer/cell/vars/1": (3, 9),
    "layers/bidirectional_1/backward_layer/cell/vars/2": (2, 9),
    "layers/dense/vars/0": (6, 4), "layers/dense/vars/1": (4,),
    "layers/dense_1/vars/0": (4, 1), "layers/dense_1/vars/1": (1,),
}


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    if not JAR.is_file():
        pytest.fail(f"{JAR} is missing: run ./course build")
    out = tmp_path_factory.mktemp("saved")
    subprocess.run([shutil.which("java"), "--add-modules", "jdk.incubator.vector", "-cp", str(JAR),
                    str(ROOT / "tests" / "keras_interop" / "SaveForKeras.java"), str(out)],
                   check=True, capture_output=True, timeout=300)
    return out


def datasets(f):
    found = {}
    f.visititems(lambda name, obj: found.__setitem__(name, obj) if isinstance(obj, h5py.Dataset) else None)
    return found


def test_the_keras_file_holds_keras_entries_and_hdf5_in_keras_layout(saved):
    with zipfile.ZipFile(saved / "model.keras") as z:
        assert z.namelist() == ["metadata.json", "config.json", "model.weights.h5", "rnn-course.json"]
        assert z.testzip() is None, "an entry fails its CRC"
        config = json.loads(z.read("config.json"))
        manifest = json.loads(z.read("rnn-course.json"))
        h5 = h5py.File(io.BytesIO(z.read("model.weights.h5")), "r")
    assert [layer["class_name"] for layer in config["config"]["layers"]] == [
        "InputLayer", "Embedding", "SimpleRNN", "Bidirectional", "Bidirectional", "Dropout", "Dense", "Dense"]
    assert manifest["format_version"] == 1
    found = datasets(h5)
    layers = {k: v.shape for k, v in found.items() if k.startswith("layers/")}
    assert layers == EXPECTED
    # optimizer/vars: the step count, the learning rate, then Adam's momentum and velocity per weight
    opt = {k: v for k, v in found.items() if k.startswith("optimizer/")}
    assert len(opt) == 2 + 2 * len(EXPECTED)
    assert int(found["optimizer/vars/0"][()]) == int((saved / "iterations.txt").read_text())
    assert abs(float(found["optimizer/vars/1"][()]) - 0.01) < 1e-12
    assert found["optimizer/vars/2"].shape == (30, 6) and found["optimizer/vars/3"].shape == (30, 6)
    for name, d in found.items():
        assert np.all(np.isfinite(d[()])), name


def test_the_weights_file_holds_the_same_numbers_and_a_checksum(saved):
    with zipfile.ZipFile(saved / "model.keras") as z:
        whole = datasets(h5py.File(io.BytesIO(z.read("model.weights.h5")), "r"))
        whole = {k: v[()] for k, v in whole.items()}
    with h5py.File(saved / "model.weights.h5", "r") as f:
        alone = {k: v[()] for k, v in datasets(f).items()}
        attrs = dict(f.attrs)
    assert set(alone) == set(EXPECTED), "weights alone: no optimizer"
    for k in EXPECTED:
        assert alone[k].dtype == np.float64
        assert np.array_equal(alone[k], whole[k]), k
    assert str(attrs["rnn_course_format"].decode() if isinstance(attrs["rnn_course_format"], bytes)
               else attrs["rnn_course_format"]) == "1"
    assert len(attrs["rnn_course_sha256"]) == 64
