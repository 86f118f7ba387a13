"""Lesson 03 (the RNN cell): the worked example's shapes at each step and its unrolled table."""
import re

from conftest import assert_runs_clean, html_tables

LESSON = "03-rnn-cell.ipynb"


def test_lesson_03_runs_and_its_three_checks_pass(run_lesson):
    assert_runs_clean(run_lesson(LESSON), checks=3)


def test_lesson_03_prints_the_shapes_at_each_of_three_steps(run_lesson):
    text = run_lesson(LESSON).text()
    for t in (1, 2, 3):
        assert f"t = {t}: x_t (3×1), h_t-1 (4×1)  →  h_t (4×1), y_t (2×1)" in text
    assert "W_xh (4×3)" in text and "W_hh (4×4)" in text and "W_hy (2×4)" in text


def test_lesson_03_shows_the_unrolled_computation_as_a_table_of_h_t(run_lesson):
    tables = html_tables(run_lesson(LESSON), "unrolled over 3 steps")
    assert len(tables) == 1
    body = tables[0].split("<tbody>")[1]
    assert body.count("<tr>") == 3, "one row per time step"


def test_lesson_03_row_and_column_forms_print_the_same_h_1(run_lesson):
    text = run_lesson(LESSON).text()
    row = re.search(r"A_1 \(row form\) \(1×4\)\n(.+)\n", text).group(1).split()
    col = re.search(r"h_1 transposed \(column form\) \(1×4\)\n(.+)\n", text).group(1).split()
    assert row == col and len(row) == 4
