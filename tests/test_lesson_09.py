"""Lesson 09 (vanishing and exploding gradients): the three-curve log plot, the measured per-step
gradient norms of a real RNN, the clipped vectors, and a run that diverges without clipping and
trains with it."""
import re

from conftest import assert_runs_clean, html_tables, table_rows
from svg_outputs import diagram, value_cells

LESSON = "09-vanishing-exploding.ipynb"


def test_lesson_09_runs_and_its_three_checks_pass(run_lesson):
    assert_runs_clean(run_lesson(LESSON), checks=3)


def test_lesson_09_shows_the_three_curves_on_a_log_axis(run_lesson):
    run = run_lesson(LESSON)
    plots = [h for h in run.html_outputs() if "Gradient flow: a factor per time step" in h]
    assert plots, "no three-curve plot"
    assert re.search(r"type:\s*'log'|\"type\"\s*:\s*\"log\"", plots[0]), "the y axis is not logarithmic"
    for name in ("vanishing (0.9)", "stable (1.0)", "exploding (1.1)"):
        assert name in plots[0], name
    # 0.9^50, 1, 1.1^50 in the summary table and in the printed line.
    table = html_tables(run, "Gradient after k steps")
    assert table and "5.15e-03" in table[0] and "1.00e+00" in table[0] and "1.17e+02" in table[0]
    m = re.search(r"0\.9\^50 = ([0-9.e+-]+), 1\.0\^50 = ([0-9.]+), 1\.1\^50 = ([0-9.]+)", run.text())
    assert m, "the 50-step values are not printed"
    assert abs(float(m.group(1)) - 5.2e-3) < 1e-4
    assert float(m.group(2)) == 1.0
    assert abs(float(m.group(3)) - 117.4) < 0.1


def test_lesson_09_shows_measured_per_step_norms(run_lesson):
    run = run_lesson(LESSON)
    ratios = dict(re.findall(r"W_aa scale ([0-9.]+): T = 100, .*?ratio ([0-9.e+-]+)", run.text()))
    assert set(ratios) == {"0.5", "3.0"}, ratios
    assert float(ratios["0.5"]) < 1e-20, "small recurrent weights: the gradient should vanish"
    assert float(ratios["3.0"]) > 1e5, "large recurrent weights: the gradient should explode"
    table = html_tables(run, "Measured gradient norm per time step")
    assert table, "no table of measured norms"
    assert table[0].count("<tr") >= 11, "expected a row every ten steps"
    assert any("‖∂L/∂h_t‖ in a real RNN" in h for h in run.html_outputs()), "no plot of the measured norms"


def test_lesson_09_shows_the_clipped_vectors_and_their_norms(run_lesson):
    text = run_lesson(LESSON).text()
    # Printed by the course's one number rule: at most 4 decimals, the same for the whole vector.
    assert re.search(r"original\s+\[3, -4, 12\], norm 13\.0000", text)
    assert re.search(r"clipnorm = 1\.0\s+\[0\.2308, -0\.3077, 0\.9231\], norm 1\.0000", text)
    assert re.search(r"clipvalue = 0\.5\s+\[0\.5, -0\.5, 0\.5\], norm 0\.8660", text)
    table = html_tables(run_lesson(LESSON), "One gradient, three ways to clip it")
    assert table, "no clipping table"
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", table[0])
    assert "clipnorm=1.0" in cells and "globalClipnorm=1.0" in cells and "clipvalue=0.5" in cells
    assert "1.4142" in cells and "0.8660" in cells, cells  # one rule down a column: 0.8660 beside 1.4142
    assert cells.count("yes") == 2 and cells.count("no") == 2, cells


def test_lesson_09_diverges_without_clipping_and_trains_with_it(run_lesson):
    run = run_lesson(LESSON)
    text = run.text()
    assert re.search(r"fit stopped at epoch \d+, batch \d+:", text), "the unclipped fit did not diverge"
    assert "trained without trouble" not in text
    m = re.search(r"SGD\(0\.5\): \d+ epochs, first loss [0-9.e+-]+, last finite loss [0-9.e+-]+, diverged at epoch (\d+)", text)
    assert m, "the plain SGD run did not diverge"
    for label in ("clipnorm=1.0", "globalClipnorm=1.0"):
        c = re.search(r"SGD\(0\.5\), " + label + r": 30 epochs, first loss ([0-9.e+-]+), last finite loss ([0-9.e+-]+), final loss",
                      text)
        assert c, label + " run missing or diverged"
        first, last = float(c.group(1)), float(c.group(2))
        assert last < first, (label, first, last)
    assert any("Training loss with and without gradient clipping" in h for h in run.html_outputs()), "no loss plot"
    tables = html_tables(run, "Training loss per epoch")
    assert tables, "no loss table"
    # The prose reads the summary line, which reads the table: check the line against the table.
    plain = [float(r[1]) for r in table_rows(tables[0]) if re.fullmatch(r"[0-9.]+e[+-]\d+", r[1])]
    assert len(plain) >= 2 and plain[0] > 1e5, plain
    factors = [b / a for a, b in zip(plain, plain[1:])]
    assert min(factors) > 1e3, f"the unclipped loss should grow by orders of magnitude per epoch: {factors}"
    s = re.search(r"SGD\(0\.5\): first loss ([0-9.e+-]+), then ×([0-9.e+-]+) to ×([0-9.e+-]+) per epoch, diverged at epoch (\d+)\. "
                  r"Lowest final loss of the clipped runs: (SGD\(0\.5\), \w+=1\.0) \(([0-9.]+)\)\.", text)
    assert s, "no summary line under the table"
    # The table shows 4 digits, the line 2: they agree to within the line's rounding.
    def near(said, exact):
        return abs(float(said) / exact - 1) < 0.06
    assert near(s.group(1), plain[0]) and near(s.group(2), min(factors)) and near(s.group(3), max(factors)), (s.group(0), factors)
    assert int(s.group(4)) == int(m.group(1))
    finals = {label: float(v) for label, v in re.findall(r"(SGD\(0\.5\), \w+=1\.0): 30 epochs, .*?final loss ([0-9.]+)", text)}
    assert len(finals) == 2 and s.group(5) == min(finals, key=finals.get), (s.group(0), finals)


def test_lesson_09_clipping_options_combine_as_in_keras_3(run_lesson):
    text = run_lesson(LESSON).text()
    assert "refused: Only one of clipnorm and globalClipnorm can be set" in text
    assert "accepted: clipnorm with clipvalue" in text


def test_lesson_09_exercises_print_the_lessons_numbers_and_clip_the_real_gradient(run_lesson):
    run = run_lesson(LESSON)
    text = run.text()
    # The expected outputs the exercises state are the lesson's clipped vectors, printed again by the solutions.
    assert "clipByValue(g, 0.5) = [0.5, -0.5, 0.5]" in text
    assert "clipByNorm(g, 1.0) = [0.2308, -0.3077, 0.9231]" in text
    assert "clipByGlobalNorm([dW, db], 1.0) = [0.2308, -0.3077] and [0.9231]" in text
    tables = html_tables(run, "The first gradient of the exploding run, clipped two ways")
    assert tables, "no table of the real gradient's norms"
    rows = table_rows(tables[0])
    assert [r[0] for r in rows] == ["simple_rnn/kernel", "simple_rnn/recurrent_kernel", "simple_rnn/bias", "dense/kernel",
                                    "dense/bias", "all together (joint norm)"], rows
    computed, each, joint = ([float(r[k]) for r in rows] for k in (1, 2, 3))
    assert computed[-1] > 1e3, "the exploding run's first gradient is far above the threshold"
    # Per weight: a gradient above 1 comes out with norm 1, one below is kept; the whole is longer than 1.
    assert all(abs(e - min(c, 1)) < 1e-3 for c, e in zip(computed[:-1], each[:-1])), (computed, each)
    assert each[-1] > 1, each
    # The prose: the Dense layer's gradients are the small ones, the recurrent kernel's the huge one.
    assert max(computed[3:5]) < computed[1] / 100, computed
    assert abs(joint[-1] - 1) < 1e-3, joint
    # Globally clipped, every weight keeps its share of the gradient.
    for c, j in zip(computed[:-1], joint[:-1]):
        assert abs(j / joint[-1] - c / computed[-1]) < 1e-3, (c, j)


def test_lesson_09_draws_the_measured_norms_as_strips_under_the_chain(run_lesson):
    run = run_lesson(LESSON)
    svg = diagram(run, "‖∂L/∂h_t‖ per step under the unrolled chain, T = 100")
    assert value_cells(svg) == 2 * 100, "one coloured cell per step for each of the two measurements"
    assert svg.count('class="hidden"') >= 100, "the unrolled chain has one box per step"
    # The strips are drawn from the printed measurements: the norm at t = 1 of each is a cell's value.
    firsts = re.findall(r"W_aa scale [0-9.]+: T = 100, ‖∂L/∂h_T‖ = \S+, ‖∂L/∂h_1‖ = ([0-9.e+-]+),", run.text())
    assert len(firsts) == 2, firsts
    for value in firsts:
        assert f"t = 1: ‖∂L/∂h_t‖ = {value} " in svg, value
    # Small weights lose orders of magnitude (blue), large ones gain them (red).
    assert float(firsts[0]) < 1e-20 < 1e5 < float(firsts[1])
