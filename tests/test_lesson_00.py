"""Lesson 00 runs top to bottom and shows what the course map asks: the library, a table, a plot."""
import re
from pathlib import Path

from conftest import assert_runs_clean, lessons, bare_cells


def test_every_lesson_file_is_executed_by_some_test():
    # Each lesson has its own test module that executes it (tests/test_lesson_NN.py).
    from conftest import ROOT
    for path in lessons():
        assert (ROOT / "tests" / f"test_lesson_{path.name[:2]}.py").is_file(), f"no test executes {path.name}"


def test_lesson_00_runs_without_error(run_lesson):
    assert_runs_clean(run_lesson("00-setup.ipynb"), checks=1)


def test_lesson_00_loads_the_library_and_prints_its_version(run_lesson):
    text = run_lesson("00-setup.ipynb").text()
    assert re.search(r"RNN course library \d+\.\d+\.\d+ loaded", text), text


def test_lesson_00_shows_an_html_table_and_a_plot(run_lesson):
    html = [bare_cells(h) for h in run_lesson("00-setup.ipynb").html_outputs()]
    tables = [h for h in html if "<table" in h and "<th>sin(t)</th>" in h]
    assert tables, "no HTML table of the sine values"
    plots = [h for h in html if "Plotly.newPlot" in h]
    assert plots, "no plot"
    # plotly.js travels with the notebook exactly once, so the plot works offline.
    assert sum(h.count("plotly.js (cartesian - minified) v1.54.1") for h in html) == 1


def test_loading_cell_says_in_one_line_to_run_the_setup_when_the_library_is_missing(tmp_path):
    """A kernel that cannot find the jar (not built, notebook elsewhere) gets one sentence, not compiler errors."""
    import json
    import os
    import shutil
    import subprocess
    import sys

    import nbformat
    from conftest import NOTEBOOKS

    lesson = nbformat.read(NOTEBOOKS / "00-setup.ipynb", as_version=4)
    code = [c for c in lesson.cells if c.cell_type == "code"]
    nb = nbformat.v4.new_notebook(metadata=lesson.metadata)
    nb.cells = [nbformat.v4.new_code_cell(code[0].source), nbformat.v4.new_code_cell(code[1].source)]
    (tmp_path / "lesson.ipynb").write_text(nbformat.writes(nb))
    # The course's kernelspec, minus the JJAVA_CLASSPATH that the set-up adds: a bare kernel.
    spec_dir = tmp_path / "jupyter" / "kernels" / "java"
    shutil.copytree(Path(sys.prefix) / "share" / "jupyter" / "kernels" / "java", spec_dir)
    spec = json.loads((spec_dir / "kernel.json").read_text())
    spec["env"] = {}
    (spec_dir / "kernel.json").write_text(json.dumps(spec))
    env = dict(os.environ, JUPYTER_PATH=str(tmp_path / "jupyter"))
    env.pop("JJAVA_CLASSPATH", None)
    subprocess.run([sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute", "--allow-errors",
                    "--output", "out.ipynb", str(tmp_path / "lesson.ipynb")],
                   cwd=tmp_path, env=env, check=True, capture_output=True, timeout=300)
    out = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    errors = [o for c in out.cells for o in c.outputs if o.output_type == "error"]
    assert errors, "the loading cell should stop when the library is missing"
    first = errors[0]
    assert "The course library is not built: run ./course" in first.evalue
    assert len([line for line in first.traceback if "IllegalStateException" in line]) == 1
    assert "CompilationException" not in first.ename
