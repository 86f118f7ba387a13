"""Lesson 11 (practice): the generator's samples improve over training, the metrics printed equal
the library's values (and the model's own evaluate), and bucketing is measurably faster."""
import math
import re

import pytest

from conftest import MODELS, assert_runs_clean, html_tables

LESSON = "11-practice.ipynb"


@pytest.fixture(autouse=True, scope="module")
def lesson_08_runs_first(run_lesson):
    """Lesson 11 loads the model lesson 08 saves: lesson 08 runs first (once per session), also
    when only lesson 11's tests are selected."""
    run_lesson("08-imdb-sentiment.ipynb")


REPORT = re.compile(r"iteration +(\d+) \| loss +(\S+) +\| val perplexity +([0-9.]+) \| the (.*)")


def test_lesson_11_runs_and_its_four_checks_pass(run_lesson):
    assert_runs_clean(run_lesson(LESSON), checks=4)


def test_lesson_11_generator_samples_change_and_perplexity_falls(run_lesson):
    reports = REPORT.findall(run_lesson(LESSON).text())
    assert len(reports) >= 5, reports
    iterations = [int(r[0]) for r in reports]
    assert iterations[0] == 0 and iterations == sorted(iterations), iterations
    perplexities = [float(r[2]) for r in reports]
    assert perplexities[-1] < perplexities[0] - 10, perplexities       # 30 (uniform) → about 6
    assert abs(perplexities[0] - 30) < 0.5, "the untrained model guesses uniformly over 30 characters"
    losses = [float(r[1]) for r in reports[1:]]
    assert losses[-1] < losses[0], losses
    samples = [r[3] for r in reports]
    assert len(set(samples)) == len(samples), "every printed sample should differ"
    # The last sample is made of words of the text: most of its words are real words of the text.
    words = open(run_lesson(LESSON).path.parent.parent / "data" / "generator-text.txt").read().split()
    known = set(w.strip(".,") for w in words)
    last = [w.strip(".,") for w in samples[-1].split()[:-1]]
    first = [w.strip(".,") for w in samples[0].split()[:-1]]
    share = lambda ws: sum(w in known for w in ws) / max(1, len(ws))
    assert share(last) > share(first), (samples[0], samples[-1])


def test_lesson_11_bucketing_speed_up_above_one(run_lesson):
    run = run_lesson(LESSON)
    m = re.search(r"speed-up ([0-9.]+)×", run.text())
    assert m and float(m.group(1)) > 1.5, m and m.group(0)
    assert html_tables(run, "Padding to the maximum vs bucketing"), "no bucketing table"


def test_lesson_11_metrics_equal_the_models_own_values(run_lesson):
    text = run_lesson(LESSON).text()
    evaluate = re.search(r"Keras-style evaluate: \{loss=[0-9.eE-]+, accuracy=([0-9.eE-]+)\}", text)
    report = re.search(r"Metrics: +accuracy ([0-9.]+), precision ([0-9.]+), recall ([0-9.]+), F1 ([0-9.]+)", text)
    assert evaluate and report, text[:2000]
    # Both printed to 4 decimals now (evaluate's map by the course's number rule): at most one unit apart.
    assert abs(float(evaluate.group(1)) - float(report.group(1))) < 1.5e-4
    p, r, f1 = (float(report.group(i)) for i in (2, 3, 4))
    assert abs(f1 - 2 * p * r / (p + r)) < 2e-4
    mae_eval = re.search(r"Keras-style evaluate: \{loss=[0-9.eE-]+, mae=([0-9.eE-]+)\}", text)
    mae = re.search(r"Metrics: +MAE ([0-9.]+), RMSE ([0-9.]+), MAPE ([0-9.]+)%", text)
    assert mae_eval and mae
    assert abs(float(mae_eval.group(1)) - float(mae.group(1))) < 1.5e-4
    assert float(mae.group(2)) >= float(mae.group(1))                  # RMSE ≥ MAE always
    naive = re.search(r"naive forecast: +MAE ([0-9.]+)", text)
    assert naive and float(naive.group(1)) > float(mae.group(1)), "the RNN should beat the naive forecast"
    ppl = re.search(r"held-out cross-entropy ([0-9.]+) nats per character → perplexity ([0-9.]+)", text)
    assert ppl and abs(math.exp(float(ppl.group(1))) - float(ppl.group(2))) < 1e-3


def test_lesson_11_confusion_matrix_matches_the_accuracy(run_lesson):
    run = run_lesson(LESSON)
    tables = html_tables(run, "Confusion matrix")
    assert tables, "no confusion matrix"
    counts = [int(x) for x in re.findall(r"<td[^>]*>\s*(\d+)\s*</td>", tables[0])]
    assert len(counts) == 4, counts
    tn, fp, fn, tp = counts
    acc = float(re.search(r"Metrics: +accuracy ([0-9.]+)", run.text()).group(1))
    assert abs((tp + tn) / sum(counts) - acc) < 1e-4


def test_lesson_11_loads_the_model_lesson_08_saved_instead_of_training(run_lesson):
    saved = MODELS / "imdb-simple-rnn.keras"
    assert saved.is_file(), "lesson 08 did not save its model"
    text = run_lesson(LESSON).text()
    assert f"Loaded the saved model from {saved} (no training needed)." in text, text[-1500:]
    assert "training one now" not in text
    m = re.search(r'P\(positive\) = ([0-9.]+) for "A moving story', text)
    assert m and float(m.group(1)) > 0.5, "lesson 08's model calls the glowing review positive"
