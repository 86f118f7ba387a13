#!/usr/bin/env bash
# Times training lesson 08's model (IMDB, Embedding -> SimpleRNN(64) -> Dropout -> Dense) with the
# course library, and with Keras on JAX in the same run when the course's Python can import both.
#
#   tools/benchmark.sh [--epochs N] [--batch N] [--data imdb|synthetic|both] [--python PATH] [--no-keras]
#       [--layer simple_rnn|lstm|gru|bidirectional|all]
#
# Needs the library jar (./course build). The IMDB archive is found as the lessons find it
# (IMDB_ARCHIVE, the course's data/ folder or the user cache); Keras comes from
# `.venv/bin/pip install keras==3.15.1 jax` (or pass --python for another interpreter).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/lib/target/rnn-course.jar"
[[ -f "$JAR" ]] || { echo "[benchmark] $JAR is missing: run ./course build first" >&2; exit 1; }
PY="${KERAS_PYTHON:-}"
if [[ -z "$PY" ]]; then
    if [[ -x "$ROOT/.venv/bin/python" ]]; then PY="$ROOT/.venv/bin/python"; else PY="python3"; fi
fi
cd "$ROOT"
# -Xmn96m: a small young generation, so each batch's short-lived arrays are collected before the heap
# grows (the default lets it reach a gigabyte of garbage, and the peak resident memory with it).
exec java --add-modules jdk.incubator.vector -Xmx3g -Xmn96m -XX:+UseParallelGC -Drnncourse.root="$ROOT" \
    -cp "$JAR" org.rnncourse.bench.ImdbBenchmark --python "$PY" "$@" 2> >(grep -v 'WARNING: Using incubator modules' >&2)
