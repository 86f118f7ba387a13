"""Lesson 04 (shapes and parameters): 24 parameters by hand and by the library; a 2-layer stack."""
from conftest import assert_runs_clean, html_tables

LESSON = "04-shapes-and-parameters.ipynb"


def test_lesson_04_runs_and_its_three_checks_pass(run_lesson):
    assert_runs_clean(run_lesson(LESSON), checks=3)


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
