"""Lesson 07 (SimpleRNN, Keras style): both summaries with Keras's rows, and the sine forecast plot."""
import re

from conftest import assert_runs_clean
from diagrams import svgs

LESSON = "07-simplernn-keras-style.ipynb"


def test_lesson_07_runs_and_its_three_checks_pass(run_lesson):
    assert_runs_clean(run_lesson(LESSON), checks=3)


def test_lesson_07_stacked_summary_has_the_keras_rows(run_lesson):
    text = run_lesson(LESSON).text()
    assert re.search(r"simple_rnn \(SimpleRNN\)\s+│ \(None, 10, 64\)\s+│\s+6,208 │", text)
    assert re.search(r"simple_rnn_1 \(SimpleRNN\)\s+│ \(None, 32\)\s+│\s+3,104 │", text)
    assert re.search(r"dense \(Dense\)\s+│ \(None, 10\)\s+│\s+330 │", text)
    assert "Total params: 9,642 (37.66 KB)" in text


def test_lesson_07_imdb_summary_has_the_keras_rows(run_lesson):
    text = run_lesson(LESSON).text()
    assert re.search(r"embedding \(Embedding\)\s+│ \(None, 200, 128\)\s+│\s+1,280,000 │", text)
    assert re.search(r"simple_rnn \(SimpleRNN\)\s+│ \(None, 64\)\s+│\s+12,352 │", text)
    assert re.search(r"dropout \(Dropout\)\s+│ \(None, 64\)\s+│\s+0 │", text)
    assert re.search(r"dense \(Dense\)\s+│ \(None, 1\)\s+│\s+65 │", text)
    assert "Total params: 1,292,417 (4.93 MB)" in text


def test_lesson_07_trains_the_forecaster_and_plots_it_against_the_truth(run_lesson):
    run = run_lesson(LESSON)
    html = run.html_outputs()
    progress = [h for h in html if h.startswith("<pre") and "Epoch 20/20" in h]
    assert progress, "the live progress display should end at epoch 20/20"
    assert [h for h in html if "Plotly.newPlot" in h and "val_loss" in h], "no live training curves"
    forecast = [h for h in html if "Plotly.newPlot" in h and "SimpleRNN forecast" in h and "truth (next value)" in h]
    assert forecast, "no forecast-vs-truth plot"
    m = re.search(r"test MSE = ([0-9.]+), test MAE = ([0-9.]+)", run.text())
    assert m, "the test scores are printed"
    # The noise alone has an MAE of about 0.08: a trained model lands near it, an untrained one far above.
    assert float(m.group(2)) < 0.15, m.group(0)


def test_lesson_07_exercise_3_prints_the_mae_evaluate_printed(run_lesson):
    """The exercise's prose says the learner's mae(truth, forecast) is evaluate's test MAE to 4 decimals."""
    text = run_lesson(LESSON).text()
    evaluated = re.search(r"test MAE = ([0-9.]+)", text)
    mine = re.search(r"your MAE of the test forecast: ([0-9.]+)", text)
    assert evaluated and mine, "both MAEs are printed"
    assert mine.group(1) == evaluated.group(1), (mine.group(0), evaluated.group(0))


def test_lesson_07_draws_both_models_as_plot_model_does(run_lesson):
    run = run_lesson(LESSON)
    models = [svg for title, svg in svgs(run) if title.startswith('Model diagram of "sequential" (plot_model, show_shapes=True)')]
    assert len(models) == 2, "the stacked model and the IMDB model"
    stacked = [svg for svg in models if "simple_rnn_1 (SimpleRNN)" in svg][0]
    # Keras's plot_model boxes: name (Type), input and output shape with None for the batch; the summary's counts beside.
    for part in ("simple_rnn (SimpleRNN)", "simple_rnn_1 (SimpleRNN)", "dense (Dense)",
                 "Input shape: (None, 10, 32)", "Output shape: (None, 10, 64)", "Input shape: (None, 10, 64)",
                 "Output shape: (None, 32)", "Output shape: (None, 10)", "6,208 params", "3,104 params", "330 params"):
        assert part in stacked, part
    imdb = [svg for svg in models if "embedding (Embedding)" in svg]
    assert len(imdb) == 1
    for part in ("Output shape: (None, 200, 128)", "1,280,000 params", "12,352 params", "dropout (Dropout)", "1,292,417 params"):
        assert part in imdb[0], part


def test_lesson_07_bridges_keras_names_to_the_course_matrices(run_lesson):
    """Keras's weights, put into the course's step-by-step Rnn, forecast what the model forecasts, and
    the learner's own SimpleRNN forward (the solution) prints the same number."""
    text = run_lesson(LESSON).text()
    for line in ("simple_rnn/kernel (1, 50)", "simple_rnn/recurrent_kernel (50, 50)", "simple_rnn/bias (50,)",
                 "dense/kernel (50, 1)", "dense/bias (1,)"):
        assert line in text, line
    course = re.search(r"the course's Rnn with Keras's weights: (-?[0-9.]+)", text)
    model = re.search(r"forecaster\.predict on the same window: (-?[0-9.]+) \(difference ([0-9.e+-]+)\)", text)
    mine = re.search(r"your SimpleRNN, then the Dense:\s+(-?[0-9.]+)", text)
    assert course and model and mine, "the bridge lines are not printed"
    assert abs(float(course.group(1)) - float(model.group(1))) < 1e-5, (course.group(0), model.group(0))
    assert float(model.group(2)) < 1e-5, model.group(0)
    assert mine.group(1) == course.group(1), (mine.group(0), course.group(0))
    assert "✔ simpleRnnForward is right." in text
