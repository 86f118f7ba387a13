"""Lesson 11 (practice): the generator's samples improve over training, the metrics printed equal
the library's values (and the model's own evaluate), and bucketing is measurably faster."""
import math
import re

import pytest

from conftest import MODELS, assert_runs_clean, html_tables
from svg_outputs import diagram, value_cells

LESSON = "11-practice.ipynb"


@pytest.fixture(autouse=True, scope="module")
def lesson_08_runs_first(run_lesson):
    """Lesson 11 loads the model lesson 08 saves: lesson 08 runs first (once per session), also
    when only lesson 11's tests are selected."""
    run_lesson("08-imdb-sentiment.ipynb")


REPORT = re.compile(r"iteration +(\d+) \| loss +(\S+) +\| val perplexity +([0-9.]+)\n"
                    r" +τ = 0\.5: the (.*)\n +τ = 1\.0: the (.*)")
# The most frequent words of the IMDB training reviews: a sample made of words reads as review text.
COMMON = set("""the a and of to is in it i this that was as with for movie but film on not you are his have he be one
all at by an they who so from like her or just about it's out has if some there what good more when very up no time
she even my would which only story really see their had can were me well than we much been bad get great will also
do people other first because how him most don't made its then way make them too could any movies after think
characters watch two films character seen many being life plot acting never love little best over where did show
know off ever does better your end still man here these say scene while why scenes go such something through
should back real those watching now though doesn't years old thing actors work funny before another nothing
director new same lot look going few find again part world cast every us quite want things pretty down young
seems around horror got however fact take big enough long thought series both between give may original action
own right must""".split())


def reports(run):
    found = REPORT.findall(run.text())
    assert len(found) >= 5, run.text()[-3000:]
    return found


def test_lesson_11_runs_and_its_three_checks_pass(run_lesson):
    assert_runs_clean(run_lesson(LESSON), checks=3)


def test_lesson_11_generator_reads_imdb_reviews(run_lesson):
    text = run_lesson(LESSON).text()
    m = re.search(r"(\d+) characters of (\d+) reviews\. They begin:", text)
    assert m and int(m.group(1)) >= 100_000 and int(m.group(2)) > 50, m and m.group(0)
    assert "CharRnn(V = 29 characters, n_a = 64" in text
    assert 'vocabulary: "⏎ \'abcdefghijklmnopqrstuvwxyz"' in text


def test_lesson_11_generator_samples_improve_and_perplexity_falls(run_lesson):
    found = reports(run_lesson(LESSON))
    iterations = [int(r[0]) for r in found]
    assert iterations[0] == 0 and iterations == sorted(iterations), iterations
    perplexities = [float(r[2]) for r in found]
    assert abs(perplexities[0] - 29) < 0.5, "the untrained model guesses uniformly over 29 characters"
    assert perplexities[-1] < 29 / 4, f"the text says: less than a quarter of the vocabulary size: {perplexities}"
    losses = [float(r[1]) for r in found[1:]]
    assert losses[-1] < losses[0], losses
    for column in (3, 4):  # τ = 0.5 and τ = 1.0
        samples = [r[column] for r in found]
        assert len(set(samples)) == len(samples), "every printed sample should differ"

    def share(sample):
        words = [w for line in sample.split("/") for w in line.split()][:-1]
        return sum(w in COMMON for w in words) / max(1, len(words))
    first, last = found[0], found[-1]
    for column in (3, 4):
        assert share(last[column]) > share(first[column]), (first[column], last[column])
    # The safer temperature writes more of the common words than the bolder one.
    assert share(last[3]) >= 0.3 and share(last[3]) > share(last[4]), (last[3], last[4])


def test_lesson_11_text_and_model_agree_on_the_clipping(run_lesson):
    run = run_lesson(LESSON)
    assert "global_clipnorm 5.0" in run.text()
    prose = "".join(c.source for c in run.nb.cells if c.cell_type == "markdown")
    assert "`global_clipnorm` 5.0" in prose and "clipnorm 5" not in prose.replace("global_clipnorm", "")


def test_lesson_11_exercise_outputs_match_what_the_statements_say(run_lesson):
    text = run_lesson(LESSON).text()
    assert "τ = 0.5: [0.8638, 0.1169, 0.0193]" in text and "τ = 2.0: [0.5017, 0.3043, 0.1940]" in text
    yours = re.search(r"yours: +the (.*)", text)
    library = re.search(r"gen\.sample: the (.*)", text)
    assert yours and library and yours.group(1) == library.group(1)
    first = re.search(r"first step: loss ([0-9.]+) \(ln V = ([0-9.]+)\)", text)
    after = re.search(r"after 50 more steps on the same window: loss ([0-9.]+)", text)
    assert first and after
    assert abs(float(first.group(1)) - float(first.group(2))) < 0.05, first.group(0)
    assert float(after.group(1)) < float(first.group(1)) / 2, after.group(0)


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


def test_lesson_11_colours_the_generators_hidden_units_over_its_text(run_lesson):
    run = run_lesson(LESSON)
    svg = diagram(run, "Hidden units of the character model over 240 characters")
    m = re.search(r"HiddenActivations\(240 characters × 64 units\); the three most varying units: \[(\d+), (\d+), (\d+)\]", run.text())
    assert m, "the lesson prints which units it draws"
    for unit in m.groups():
        assert f"unit {unit}: from " in svg, unit
    assert value_cells(svg) == 3 * 240, "one coloured cell per character and unit"


def test_lesson_11_shows_which_words_move_the_loaded_imdb_models_prediction(run_lesson):
    run = run_lesson(LESSON)
    text = run.text()
    m = re.search(r"Occlusion\(P\(positive\) = ([0-9.]+), (\d+) words; strongest: \[(\w+) \(([+-][0-9.]+)\)", text)
    assert m, "the occlusion result is printed"
    svg = diagram(run, f"Which words move the prediction: P(positive) = {m.group(1)}")
    assert value_cells(svg) == int(m.group(2)) == 19, "one cell per word of the review"
    assert f">{m.group(3)}<" in svg
    assert abs(float(m.group(4))) > 0.01, "the strongest word moves P by more than a hundredth"
