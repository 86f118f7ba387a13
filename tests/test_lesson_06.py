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


def test_lesson_06_draws_bptt_with_arrows_as_thick_as_the_printed_gradient_norms(run_lesson):
    from diagrams import diagram
    run = run_lesson(LESSON)
    svg = diagram(run, "Backpropagation through time")
    printed = {int(t): float(v) for t, v in re.findall(r"t = (\d): ‖dA_t‖ = ([0-9.]+)", run.text())}
    assert sorted(printed) == [1, 2, 3, 4]
    drawn = {int(t): float(v) for t, v in re.findall(r"‖dA_(\d)‖ = ([0-9.e+-]+)</text>", svg)}
    drawn.update({int(t): float(v) for t, v in
                  re.findall(r">‖dA_(\d)‖</text>\s*<text[^>]*>([0-9.e+-]+)</text>", svg)})
    for t in (1, 2, 3, 4):
        assert abs(drawn[t] - printed[t]) < 1e-3 * max(1, printed[t]), (t, drawn, printed)
    # Arrow widths follow the norms: the thickest arrow carries the largest one.
    widths = [float(w) for w in re.findall(r'class="back" [^>]*stroke-width="([0-9.]+)"', svg)]
    assert len(widths) == 5
    order = sorted(range(1, 5), key=lambda t: printed[t])
    by_t = {4: widths[0], 3: widths[1], 2: widths[2], 1: widths[3]}
    assert [by_t[t] for t in order] == sorted(by_t.values())


def test_lesson_06_text_reads_the_printed_norms_the_gradient_drops_then_grows(run_lesson):
    """The prose says: much smaller at A_3 than at A_4, about level at A_2, larger again at A_1."""
    printed = {int(t): float(v) for t, v in re.findall(r"t = (\d): ‖dA_t‖ = ([0-9.]+)", run_lesson(LESSON).text())}
    assert printed[3] < printed[4] / 3, printed
    assert 0.8 < printed[2] / printed[3] < 1.25, printed
    assert printed[1] > printed[2], printed


def test_lesson_06_learners_backward_pass_agrees_with_the_library_and_the_numerical_gradient(run_lesson):
    text = run_lesson(LESSON).text()
    for name in ("dW_aa", "dW_ax"):
        m = re.search(rf"your {name} against the numerical gradient: relative error ([0-9.e+-]+)", text)
        assert m and float(m.group(1)) < 1e-7, m and m.group(0)

    def block(title):
        m = re.search(rf"{re.escape(title)} \(\d+×\d+\)\n((?:[ \d.-]+\n)+)", text)
        assert m, title
        return m.group(1).split()
    assert block("dW_aa from step 4 (yours)") == block("dW_aa from step 4")
    assert block("dA_3 (yours)") == block("dA_3 (passed back to step 3)")
    assert "dA_0 (1×4)" in text
