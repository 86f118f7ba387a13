"""Lesson 04 (shapes and parameters): 24 parameters by hand and by the library; a 2-layer stack."""
from conftest import assert_runs_clean, html_tables

LESSON = "04-shapes-and-parameters.ipynb"


def test_lesson_04_runs_and_its_two_checks_pass(run_lesson):
    assert_runs_clean(run_lesson(LESSON), checks=2)


def test_lesson_04_counts_24_parameters_by_hand_and_with_the_library(run_lesson):
    text = run_lesson(LESSON).text()
    assert "by hand:             24" in text
    assert "Parameters.rnnLayer: 24" in text
    assert "cell.parameterCount: 24" in text


def test_lesson_04_shows_the_batch_step_shapes(run_lesson):
    text = run_lesson(LESSON).text()
    assert "X_1 (2×4) · W_ax (4×3)  →  (2×3)" in text
    assert "A_0 (2×3) · W_aa (3×3)  →  (2×3)" in text


def test_lesson_04_shows_the_shapes_of_a_two_layer_stack(run_lesson):
    run = run_lesson(LESSON)
    assert html_tables(run, "Shapes in a two-layer stack"), "no table of the stack's shapes"
    text = run.text()
    assert "layer 1 returns 4 states H_t, each (2×3)" in text
    assert "layer 2 reads them and returns 4 states K_t, each (2×2)" in text


def test_lesson_04_draws_the_batch_step_with_the_shape_of_every_product(run_lesson):
    from diagrams import diagram
    svg = diagram(run_lesson("04-shapes-and-parameters.ipynb"), "batch step")
    for product in ("(2×4)·(4×3) → (2×3)", "(2×3)·(3×3) → (2×3)", "(2×3)·(3×1) → (2×1)"):
        assert product in svg, product
    # One square per number: X_t 2×4, W_ax 4×3, A_t-1 2×3, W_aa 3×3, b_a 1×3, A_t 2×3.
    for name, n in (("X_t", 8), ("W_ax", 12), ("A_t-1", 6), ("W_aa", 9), ("b_a", 3), ("W_ay", 3), ("Y_t", 2)):
        assert svg.count(f"<title>{name}[") == n, name


def test_lesson_04_draws_the_stack_with_layer_1_returning_its_sequence(run_lesson):
    from diagrams import diagram
    svg = diagram(run_lesson("04-shapes-and-parameters.ipynb"), "two-layer RNN stack")
    for t in (1, 2, 3, 4):
        assert f">H_{t}</text>" in svg and f">K_{t}</text>" in svg and f">X_{t}</text>" in svg
    # Every H_t goes up into layer 2: one upward (blue) arrow per step.
    assert svg.count('class="head-forward"') == 4
    assert "(2×3)" in svg and "(2×2)" in svg


def test_lesson_04_stack_exercise_gives_the_librarys_k_4(run_lesson):
    import re
    text = run_lesson(LESSON).text()
    assert "4 states K_t, each (2×2)" in text

    def block(title):
        m = re.search(rf"{re.escape(title)} \(2×2\)\n((?:[ \d.-]+\n){{2}})", text)
        assert m, title
        return m.group(1).split()
    assert block("K_4 (yours)") == block("K_4 (the library's stack)")


def test_lesson_04_names_the_row_form_matrices_as_lesson_03_does(run_lesson):
    """One name per matrix across the course: the (D_x × D_h) matrix is W_ax, never W_xh."""
    run = run_lesson(LESSON)
    table = [h for h in run.html_outputs() if "<table" in h and "W_kk (layer 2)" in h]
    assert table and "W_ax (layer 1)" in table[0] and "W_xh" not in table[0]
