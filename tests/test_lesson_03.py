"""Lesson 03 (the RNN cell): the worked example's shapes at each step and its unrolled table."""
import re

from conftest import assert_runs_clean, html_tables, table_rows as rows

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


def test_lesson_03_draws_the_cell_with_the_shapes_of_its_matrices(run_lesson):
    from diagrams import diagram
    svg = diagram(run_lesson(LESSON), "RNN cell with its matrices")
    for shape in ("(4×3)", "(4×4)", "(2×4)", "(3×1)", "(4×1)", "(2×1)"):
        assert shape in svg, shape
    # One square per weight: W_xh has 12, W_hh 16, W_hy 8.
    assert svg.count("<title>W_xh[") == 12 and svg.count("<title>W_hh[") == 16 and svg.count("<title>W_hy[") == 8


def test_lesson_03_draws_the_unrolled_cell_with_the_tables_h_t_values(run_lesson):
    from diagrams import diagram, tooltips
    run = run_lesson(LESSON)
    svg = diagram(run, "unrolled over 3 steps")
    table = rows(html_tables(run, "unrolled over 3 steps")[0])
    for t in (1, 2, 3):
        drawn = tooltips(svg, f"h_{t}")
        printed = [float(v) for v in table[t - 1][2:6]]
        assert len(drawn) == 4
        assert all(abs(a - b) < 1e-3 for a, b in zip(drawn, printed)), (t, drawn, printed)
    # The shared weights are marked on each of the three copies.
    assert svg.count(">W_hh</text>") == 3 and svg.count(">W_xh</text>") == 3 and svg.count(">W_hy</text>") == 3


def printed_matrix(text, name):
    """The numbers of a matrix the lesson printed with Matrices.print (its rows, flattened)."""
    m = re.search(rf"{re.escape(name)} \((\d+)×(\d+)\)\n((?:.+\n){{1,8}})", text)
    assert m, f"{name} was not printed"
    rows = int(m.group(1))
    return [float(v) for line in m.group(3).splitlines()[:rows] for v in line.replace("[", " ").replace("]", " ").split()]


def test_lesson_03_shows_that_note_002s_one_matrix_is_the_two_matrix_cell(run_lesson):
    text = run_lesson(LESSON).text()
    assert "W (note 002's one matrix) (4×7)" in text
    concat = printed_matrix(text, "tanh(W·[h_1, x_2] + b)")
    two = printed_matrix(text, "cell.stepColumn(x_2, h_1)")
    assert len(concat) == 4 and all(abs(a - b) < 1e-9 for a, b in zip(concat, two)), (concat, two)


def test_lesson_03_bridges_the_notations_of_the_notes_deeplearning_ai_and_keras(run_lesson):
    import nbformat
    from conftest import NOTEBOOKS
    md = "\n".join(c.source for c in nbformat.read(NOTEBOOKS / LESSON, as_version=4).cells if c.cell_type == "markdown")
    for name in ("W_x", "W_h", "`Wax`", "`Waa`", "`Wya`", "`kernel`", "`recurrent_kernel`", "`bias`", "no** $W_{hy}$"):
        assert name in md, name


def test_lesson_03_forward_pass_exercise_prints_the_unrolled_tables_last_step(run_lesson):
    run = run_lesson(LESSON)
    text = run.text()
    h3 = printed_matrix(text, "h_3")
    table = rows(html_tables(run, "unrolled over 3 steps")[0])
    assert len(h3) == 4 and all(abs(a - float(b)) < 1e-3 for a, b in zip(h3, table[2][2:6])), (h3, table[2])
    batch = printed_matrix(text, "A (the batch step)")
    h1 = printed_matrix(text, "h_1")
    assert len(h1) == 4 and all(abs(a - b) < 1e-3 for a, b in zip(batch[:4], h1)), "row 1 of the batch step is h_1 of x_1"
