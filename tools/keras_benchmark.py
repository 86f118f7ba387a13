"""Train lesson 08's model in Keras on JAX and print one line per epoch, for ImdbBenchmark.

    KERAS_BACKEND=jax python tools/keras_benchmark.py --x x.npy --y y.npy [--epochs 3] [--batch 32]
        [--layer simple_rnn|lstm|gru|bidirectional]

x.npy holds (n, 200) int32 token ids, y.npy (n,) int32 labels, both written by
org.rnncourse.bench.ImdbBenchmark. The model, optimizer, loss and validation split are those of the
Java run: Embedding(10000, 128) -> SimpleRNN(64) (or LSTM(64), GRU(64), Bidirectional(LSTM(64))) -> Dropout(0.5) -> Dense(1, sigmoid), Adam,
binary cross-entropy, validation_split=0.2. Output lines, read by the Java side:

    INFO <text>
    EPOCH <n> <seconds> loss=<..> accuracy=<..> val_loss=<..> val_accuracy=<..>
    PEAK <peak resident memory of this process>

An epoch's seconds include its validation pass, as Keras's own "s/epoch" does and as on the Java side.
"""
import argparse
import os
import time

os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import keras  # noqa: E402
from keras import layers  # noqa: E402


# Keras's defaults for each (tanh, sigmoid gates, GRU with reset_after), as the Java side's layers.
RECURRENT = {"simple_rnn": layers.SimpleRNN, "lstm": layers.LSTM, "gru": layers.GRU,
             "bidirectional": lambda units: layers.Bidirectional(layers.LSTM(units))}


class EpochTimer(keras.callbacks.Callback):
    def on_epoch_begin(self, epoch, logs=None):
        self.start = time.perf_counter()

    def on_epoch_end(self, epoch, logs=None):
        seconds = time.perf_counter() - self.start
        values = " ".join(f"{k}={v:.4f}" for k, v in sorted((logs or {}).items()))
        print(f"EPOCH {epoch + 1} {seconds:.3f} {values}", flush=True)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--x", required=True)
    p.add_argument("--y", required=True)
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--layer", choices=sorted(RECURRENT), default="simple_rnn")
    a = p.parse_args()
    x = np.load(a.x)
    y = np.load(a.y).astype("float32")
    import jax
    print(f"INFO Keras {keras.__version__} on {keras.backend.backend()} (jax {jax.__version__}, "
          f"{jax.devices()[0].platform}), {a.layer}, batch {a.batch}, x {x.shape}", flush=True)
    keras.utils.set_random_seed(42)
    model = keras.Sequential([
        keras.Input(shape=(x.shape[1],), dtype="int32"),
        layers.Embedding(10000, 128),
        RECURRENT[a.layer](64),
        layers.Dropout(0.5),
        layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    model.fit(x, y, epochs=a.epochs, batch_size=a.batch, validation_split=0.2, verbose=0,
              callbacks=[EpochTimer()])
    import resource
    print(f"PEAK resident {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB (ru_maxrss)", flush=True)


if __name__ == "__main__":
    main()
