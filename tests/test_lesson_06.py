"""Lesson 06 (BPTT): analytic and numerical gradients side by side, relative error below 1e-7."""
import re

from conftest import assert_runs_clean, html_tables

LESSON = "06-bptt.ipynb"


def test_lesson_06_runs_and_its_three_checks_pass(run_lesson):
    assert_runs_clean(run_lesson(LESSON), checks=3)


def test_lesson_06_shows_analytic_and_numerical_gradients_side_by_side(run_lesson):
    tables = html_tables(run_lesson(LESSON), "analytic vs numerical")
    assert tables, "no side-by-side table"
    assert "numerical" in tables[0] and "analytic" in tables[0]


def test_lesson_06_relative_errors_are_below_1e_7(run_lesson):
    run = run_lesson(LESSON)
    m = re.search(r"relative error of dW_aa: ([0-9.e+-]+)", run.text())
    assert m and float(m.group(1)) < 1e-7, m and m.group(0)
    checks = html_tables(run, "Gradient check")
    assert checks, "no gradient-check table"
    errors = [float(x) for t in checks for x in re.findall(r">([0-9.]+e-\d+)</td>", t)]
    assert errors, "no relative errors in the gradient-check tables"
    assert max(errors) < 1e-7, errors
