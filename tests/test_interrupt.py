"""Pressing Interrupt during fit stops training at once and leaves a kernel that works.

A real `java` kernel (the course's kernelspec) is driven through jupyter_client, without a
notebook: a cell trains lesson 08's kind of model (Embedding + SimpleRNN on the fast path, whose
batches are split between threads) for many epochs; once a few epochs have finished, the test
sends an interrupt, then checks that the cell stops within seconds, that the kernel answers the
next request, that no training thread is left running, and that model.history() holds exactly
the epochs that finished.
"""
import queue
import re
import time

import pytest
from jupyter_client.manager import start_new_kernel

from conftest import JAR

SETUP = r"""
import org.rnncourse.nn.*;
import org.rnncourse.nn.callbacks.*;
import org.rnncourse.nn.layers.*;
import org.rnncourse.nn.trainers.*;
import java.util.*;
"""

MODEL = r"""
Random rng = new Random(1);
int[][] x = new int[4096][80];
double[] y = new double[4096];
for (int i = 0; i < x.length; i++) {
    for (int t = 0; t < 80; t++) x[i][t] = rng.nextInt(2000);
    y[i] = x[i][0] % 2;
}
Sequential model = new Sequential(3, new Input(80), new Embedding(2000, 32), new SimpleRNN(32), new Dense(1, "sigmoid"));
model.compile("adam", "binary_crossentropy", "accuracy");
// A progress bar runs after the History (Keras's order): what it announces is in History.
ConsoleProgress announce = new ConsoleProgress(System.out, 2) {
    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        System.out.println("finished epoch " + (epoch + 1));
        System.out.flush();
    }
};
"""

FIT = "model.fit(x, y, new FitOptions().epochs(10000).batchSize(256).callbacks(announce));"

THREADS = r"""
Thread.getAllStackTraces().keySet().stream()
    .filter(t -> t.getName().startsWith("rnn-course"))
    .map(t -> t.getName() + "=" + t.getState())
    .sorted().reduce("", (a, b) -> a + b + ";")
"""


def run(kc, code, timeout=120):
    """Executes code, returns (status, text of stdout + results + errors) when the reply arrives."""
    msg_id = kc.execute(code)
    return collect(kc, msg_id, timeout)


def collect(kc, msg_id, timeout, on_output=None):
    text, status, deadline = [], None, time.time() + timeout
    while time.time() < deadline:
        try:
            msg = kc.get_iopub_msg(timeout=1)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind, content = msg["msg_type"], msg["content"]
        if kind == "stream":
            text.append(content["text"])
            if on_output:
                on_output("".join(text))
        elif kind in ("execute_result", "display_data"):
            text.append(content["data"].get("text/plain", ""))
        elif kind == "error":
            status = "error"
            text.append(content["ename"] + ": " + content["evalue"])
        elif kind == "status" and content["execution_state"] == "idle":
            while True:  # the shell reply to this request (not an earlier one's)
                reply = kc.get_shell_msg(timeout=10)
                if reply["parent_header"].get("msg_id") == msg_id:
                    return reply["content"].get("status", status), "".join(text)
    raise AssertionError(f"no answer within {timeout} s; output so far: {''.join(text)[-500:]}")


@pytest.fixture
def kernel():
    if not JAR.is_file():
        pytest.fail(f"{JAR} is missing: run ./course build")
    km, kc = start_new_kernel(kernel_name="java", startup_timeout=120)
    try:
        yield km, kc
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_an_interrupt_during_fit_stops_training_and_keeps_the_kernel_and_history(kernel):
    km, kc = kernel
    assert run(kc, f"%classpath {JAR}")[0] == "ok"
    assert run(kc, SETUP)[0] == "ok"
    status, text = run(kc, MODEL)
    assert status == "ok", text

    msg_id = kc.execute(FIT)
    # Wait for the third finished epoch, then press Interrupt.
    deadline = time.time() + 300
    seen = ""
    while "finished epoch 3" not in seen:
        assert time.time() < deadline, "training did not reach epoch 3 in 300 s: " + seen[-300:]
        try:
            msg = kc.get_iopub_msg(timeout=1)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
            seen += msg["content"]["text"]
    pressed = time.time()
    km.interrupt_kernel()
    status, rest = collect(kc, msg_id, timeout=30)
    stopped_after = time.time() - pressed
    printed = seen + rest
    assert status != "ok", "fit went on to the end of 10000 epochs?"
    assert stopped_after < 5, f"the cell stopped {stopped_after:.1f} s after the interrupt"
    finished = max(int(n) for n in re.findall(r"finished epoch (\d+)", printed))

    # The kernel answers at once, and History holds the epochs that finished, no more, no fewer.
    t0 = time.time()
    status, text = run(kc, "model.history().epochs()", timeout=30)
    answered_after = time.time() - t0
    assert status == "ok", text
    assert answered_after < 5, f"the kernel took {answered_after:.1f} s to answer"
    assert text.strip() == str(finished), (text, printed[-200:])

    # No training thread is left running: the fast path's helpers are parked, and nothing changes
    # the weights any more.
    status, before = run(kc, "Arrays.toString(model.getWeights().get(1))")
    time.sleep(1.5)
    status, threads = run(kc, THREADS)
    assert status == "ok", threads
    assert "RUNNABLE" not in threads, threads
    status, after = run(kc, "Arrays.toString(model.getWeights().get(1))")
    assert before == after, "the weights still change after the interrupt: training goes on somewhere"
    assert run(kc, "model.history().epochs()")[1].strip() == str(finished)

    # And the model still trains and predicts in the same kernel.
    status, text = run(kc, "model.fit(x, y, new FitOptions().epochs(1).batchSize(256).verbose(0)).epochs()")
    assert status == "ok" and text.strip() == "1", text
    print(f"interrupt: stopped after {stopped_after:.2f} s, next answer after {answered_after:.2f} s, "
          f"{finished} epochs in History, threads: {threads.strip()}")
