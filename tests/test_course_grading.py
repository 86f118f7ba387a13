"""tools/course_grading.py: formulas become MathML, code stays code, bad notebooks are named."""
import re
import sys

import nbformat

from conftest import NOTEBOOKS, ROOT

sys.path.insert(0, str(ROOT / "tools"))
import course_grading  # noqa: E402


def test_inline_and_display_formulas_become_mathml():
    out = course_grading.markdown_with_mathml("The state $h_t$ is\n\n$$h_t = \\tanh(W_{hh} h_{t-1})$$\n")
    assert out.count("<math") == 2
    assert 'display="inline"' in out and 'display="block"' in out
    assert "$" not in out and "_" not in out, "no TeX or markdown syntax is left for markdown to misread"


def test_code_and_escaped_dollars_are_left_alone():
    text = "Run `echo $HOME $PATH` and\n```java\ndouble d = 2; // $x$\n```\nit costs \\$5."
    assert course_grading.markdown_with_mathml(text) == text


def test_every_formula_of_every_lesson_converts():
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "markdown":
                out = course_grading.markdown_with_mathml(cell.source)
                prose = re.sub(r"`[^`]*`", "", re.sub(r"```.*?```", "", out, flags=re.S))
                assert "$" not in prose, f"{path.name}: a formula was not converted:\n{cell.source[:300]}"


def test_a_file_that_is_not_a_notebook_is_named_as_such(tmp_path):
    bad = tmp_path / "03-rnn-cell.ipynb"
    bad.write_text("my answers are in the e-mail\n")
    assert course_grading.notebook_problem(str(bad)).startswith("not a valid notebook (")
    assert course_grading.notebook_problem(str(NOTEBOOKS / "03-rnn-cell.ipynb")) is None
