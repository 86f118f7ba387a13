"""Lesson 10 (LSTM and GRU): parameter counts checked against the formulas, the comparison table of
SimpleRNN, LSTM and GRU with measured accuracy and seconds per epoch on the IMDB subset, and
bidirectional layers."""
import re

from conftest import assert_runs_clean, html_tables, bare_cells
from svg_outputs import diagram, value_cells

LESSON = "10-lstm-gru.ipynb"
TABLE = "RNN vs LSTM vs GRU, measured on the IMDB subset"


def cells_of_row(table_html, label):
    m = re.search(r"<tr>\s*<td[^>]*>" + re.escape(label) + r"</td>(.*?)</tr>", table_html, re.S)
    assert m, f"no row '{label}' in the table"
    return re.findall(r"<td[^>]*>(.*?)</td>", m.group(1), re.S)


def test_lesson_10_runs_and_its_two_checks_pass(run_lesson):
    # exercise 1: the LSTM step from its weights, exercise 2: the GRU step (reset_after)
    assert_runs_clean(run_lesson(LESSON), checks=2)
    text = run_lesson(LESSON).text()
    assert "✔ lstmStep is right." in text and "✔ gruStep is right." in text


def test_lesson_10_exercises_state_the_numbers_the_lesson_printed(run_lesson):
    """The expected outputs written in the exercises are the ones cell.step and gruCell.step printed,
    and the learner's functions (the solutions) print them again."""
    run = run_lesson(LESSON)
    text = run.text()
    statements = "\n".join(c.source for c in run.nb.cells if c.cell_type == "markdown"
                           and c.metadata.get("nbgrader", {}).get("grade_id", "").startswith("exercise-"))
    for printed, mine in (("c_t (new cell state)", "c_t with lstmStep"), ("h_t (new hidden state)", "h_t with lstmStep"),
                          ("h_t (new state)", "h_t with gruStep")):
        want = [v for v, _ in printed_row(text, printed)]
        assert [v for v, _ in printed_row(text, mine)] == want, (printed, mine)
        stated = ", ".join(f"{v:.4f}" for v in want)
        assert f"= ({stated})" in statements, (printed, stated)


def test_lesson_10_walks_through_the_gates(run_lesson):
    text = run_lesson(LESSON).text()
    for gate in ("f_t (forget gate)", "i_t (input gate)", "cTilde_t (candidate)", "o_t (output gate)", "c_t (new cell state)",
                 "z_t (update gate)", "r_t (reset gate)", "hTilde_t (candidate)"):
        assert gate in text, gate
    by_hand = re.search(r"by hand: c_t\[0\] = (-?[0-9.]+), h_t\[0\] = (-?[0-9.]+)", text)
    cell = re.search(r"cell:    c_t\[0\] = (-?[0-9.]+), h_t\[0\] = (-?[0-9.]+)", text)
    assert by_hand and cell and by_hand.groups() == cell.groups(), (by_hand, cell)
    assert "final states: h (1, 2), c (1, 2)" in text


def test_lesson_10_parameter_counts_match_the_formulas(run_lesson):
    text = run_lesson(LESSON).text()
    d, u = 128, 64
    simple = u * (d + u) + u
    expected = {"SimpleRNN": simple, "LSTM": 4 * simple, "GRU": 3 * (u * (d + u) + 2 * u)}
    assert expected["LSTM"] == 49408 and expected["GRU"] == 37248
    for name, want in expected.items():
        m = re.search(re.escape(name) + r"\s+formula\s+([0-9,]+) \| countParams\(\)\s+([0-9,]+) \| ([0-9.]+)× SimpleRNN", text)
        assert m, f"no formula line for {name}"
        assert int(m.group(1).replace(",", "")) == want and int(m.group(2).replace(",", "")) == want, m.group(0)
    assert "4.00× SimpleRNN" in text
    assert re.search(r"lstm \(LSTM\)\s+│ \(None, 64\)\s+│\s+49,408 │", text)
    assert re.search(r"gru \(GRU\)\s+│ \(None, 64\)\s+│\s+37,248 │", text)


def test_lesson_10_shows_the_gradient_reaching_early_steps_only_through_open_gates(run_lesson):
    tables = html_tables(run_lesson(LESSON), "Gradient reaching x_(T−k)")
    assert tables, "no gradient-flow table"
    row = [float(x) for x in cells_of_row(tables[0], "99")]
    simple, lstm_start, lstm_open, gru_keep = row
    assert simple < 1e-6, row
    assert lstm_open > 1e-2 and gru_keep > 1e-2, row
    assert lstm_open > 1e4 * simple, row


def test_lesson_10_comparison_table_is_measured(run_lesson):
    run = run_lesson(LESSON)
    tables = html_tables(run, TABLE)
    assert tables, "no comparison table"
    t = tables[0]
    for layer in ("SimpleRNN", "LSTM", "GRU"):
        assert f"<th>{layer}</th>" in bare_cells(t), layer
    params = [int(x.replace(",", "")) for x in cells_of_row(t, "parameters (recurrent layer)")]
    assert params == [32 * 64 + 32, 4 * (32 * 64 + 32), 3 * (32 * 64 + 64)], params
    seconds = [float(x) for x in cells_of_row(t, "seconds per epoch (speed)")]
    assert len(seconds) == 3 and all(s > 0 for s in seconds), seconds
    assert seconds[1] > seconds[0], f"an LSTM epoch should take longer than a SimpleRNN's: {seconds}"
    accuracy = [float(x) for x in cells_of_row(t, "test accuracy")]
    assert len(accuracy) == 3 and all(a > 0.5 for a in accuracy), f"all above chance on the subset: {accuracy}"
    for row in ("complexity (gates)", "memory: state carried per step", "gradient problem"):
        assert len(cells_of_row(t, row)) == 3, row
    text = run.text()
    assert "subset: 10000 training reviews" in text and "5000 test reviews" in text and "100 words each" in text


def test_lesson_10_bidirectional_summary_and_run(run_lesson):
    text = run_lesson(LESSON).text()
    assert re.search(r"bidirectional \(Bidirectional\)\s+│ \(None, 128\)\s+│\s+24,704 │", text)
    m = re.search(r"Bidirectional\(SimpleRNN\): ([0-9,]+) parameters, ([0-9.]+) s per epoch, test accuracy ([0-9.]+)", text)
    assert m, "no bidirectional run"
    assert int(m.group(1).replace(",", "")) == 2 * (32 * 64 + 32)
    assert float(m.group(3)) > 0.5


def printed_row(text, label):
    """The two numbers printed under `label`, each with the half-unit of its last printed decimal."""
    m = re.search(re.escape(label) + r" \(1×2\)\n\s*(-?[0-9.]+)\s+(-?[0-9.]+)", text)
    assert m, label
    return [(float(v), 0.5 * 10 ** -len(v.split(".")[1]) if "." in v else 0.5) for v in m.groups()]


def cell_labels(svg):
    return [float(v) for v in re.findall(r"<text [^>]*font-size=\"[0-9.]+\" fill=\"#[0-9a-f]{6}\">(-?[0-9.]+)</text>", svg)]


def test_lesson_10_draws_the_lstm_and_gru_cells_gate_by_gate_with_the_printed_values(run_lesson):
    run = run_lesson(LESSON)
    text = run.text()
    lstm = diagram(run, "LSTM cell, gate by gate: n_x = 3, n_a = 2")
    for gate in ("forget fₜ", "input iₜ", "candidate c̃ₜ", "output oₜ", "cell state", "W (3, 8), U (2, 8), b (1, 8): 48 weights"):
        assert gate in lstm, gate
    valued = diagram(run, "LSTM cell with the values of one step: n_x = 3, n_a = 2")
    labels = cell_labels(valued)
    for label in ("f_t (forget gate)", "i_t (input gate)", "cTilde_t (candidate)", "o_t (output gate)", "c_t (new cell state)", "h_t (new hidden state)"):
        for v, half in printed_row(text, label):
            assert any(abs(v - x) <= half + 5e-4 for x in labels), f"{label} value {v} is not drawn"
    assert value_cells(valued) == 4 * 2 + 4 * 2 + 3, "two cells per gate and state, three for x_t"
    gru = diagram(run, "GRU cell, gate by gate: n_x = 3, n_a = 2")
    assert "update zₜ" in gru and "reset rₜ" in gru and "candidate h̃ₜ" in gru
    gru_valued = diagram(run, "GRU cell with the values of one step: n_x = 3, n_a = 2")
    labels = cell_labels(gru_valued)
    for label in ("z_t (update gate)", "r_t (reset gate)", "hTilde_t (candidate)", "h_t (new state)"):
        for v, half in printed_row(text, label):
            assert any(abs(v - x) <= half + 5e-4 for x in labels), f"{label} value {v} is not drawn"


def test_lesson_10_draws_the_bidirectional_layer_it_builds(run_lesson):
    svg = diagram(run_lesson(LESSON), "Bidirectional(SimpleRNN(64)) over 200 steps")
    for part in ("x₂₀₀", "→h₁", "←h₁", "[→h₂₀₀ ; ←h₁]", "128 numbers", "12,352 weights each", "backward_simple_rnn"):
        assert part in svg, part
