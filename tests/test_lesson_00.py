"""Lesson 00 runs top to bottom and shows what the course map asks: the library, a table, a plot."""
import re

from conftest import lessons


def test_every_lesson_file_is_executed_by_some_test():
    # Each lesson has its own test module that executes it (tests/test_lesson_NN.py).
    from conftest import ROOT
    for path in lessons():
        assert (ROOT / "tests" / f"test_lesson_{path.name[:2]}.py").is_file(), f"no test executes {path.name}"


def test_lesson_00_runs_without_error(run_lesson):
    run = run_lesson("00-setup.ipynb")
    assert run.error is None, f"lesson 00 failed: {run.error}"
    errors = [o for o in run.outputs() if o.get("output_type") == "error"]
    assert not errors, errors
    stderr = [o["text"] for o in run.outputs() if o.get("output_type") == "stream" and o.get("name") == "stderr"]
    assert not stderr, f"lesson 00 wrote to stderr: {stderr}"


def test_lesson_00_loads_the_library_and_prints_its_version(run_lesson):
    text = run_lesson("00-setup.ipynb").text()
    assert re.search(r"RNN course library \d+\.\d+\.\d+ loaded", text), text


def test_lesson_00_shows_an_html_table_and_a_plot(run_lesson):
    html = run_lesson("00-setup.ipynb").html_outputs()
    tables = [h for h in html if "<table" in h and "<th>sin(t)</th>" in h]
    assert tables, "no HTML table of the sine values"
    plots = [h for h in html if "Plotly.newPlot" in h]
    assert plots, "no plot"
    # plotly.js travels with the notebook exactly once, so the plot works offline.
    assert sum(h.count("plotly.js (cartesian - minified) v1.54.1") for h in html) == 1


def test_lesson_00_prints_no_object_addresses(run_lesson):
    text = run_lesson("00-setup.ipynb").text()
    assert not re.search(r"\b[\w.$]+@[0-9a-f]{5,}\b", text), f"a stray object address in: {text}"


def test_lesson_00_exercise_check_passes_on_the_solution(run_lesson):
    assert "✔" in run_lesson("00-setup.ipynb").text()
