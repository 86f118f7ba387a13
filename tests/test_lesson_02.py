"""Lesson 02 runs top to bottom and shows, side by side, that only the RNN tells two word orders apart."""
import re

from conftest import assert_runs_clean, table_rows as rows, bare_cells


def test_lesson_02_runs_without_error(run_lesson):
    assert_runs_clean(run_lesson("02-why-sequences.ipynb"), checks=2)


def test_lesson_02_feed_forward_is_blind_to_order_and_the_rnn_is_not(run_lesson):
    html = [bare_cells(h) for h in run_lesson("02-why-sequences.ipynb").html_outputs()]
    tables = [h for h in html if "<th>(1) Tôi yêu Việt Nam</th><th>(2) Việt Nam yêu tôi</th><th>tells them apart?</th>" in h]
    assert tables, "no side-by-side table of the two sentences"
    by_model = {r[0]: r[1:] for r in rows(tables[0])}
    ff = by_model["feed-forward: y (average of the words)"]
    assert ff[0] == ff[1] and ff[2] == "no", ff
    for model in ("RNN: final hidden state h_T", "RNN: output y_T"):
        out = by_model[model]
        assert out[0] != out[1] and out[2] == "yes", (model, out)


def test_lesson_02_shows_the_equal_averages_and_the_step_by_step_states(run_lesson):
    run = run_lesson("02-why-sequences.ipynb")
    text = run.text()
    averages = re.findall(r"average of the word vectors, sentence \d \(1×3\)\n(.*)\n", text)
    assert len(averages) == 2 and averages[0] == averages[1], averages
    steps = [h for h in map(bare_cells, run.html_outputs()) if "<th>word (1)</th>" in h]
    assert steps and len(rows(steps[0])) == 4


def test_lesson_02_checks_pass_on_the_solutions(run_lesson):
    text = run_lesson("02-why-sequences.ipynb").text()
    assert "✔ the average is right." in text
    assert "✔ finalState is right." in text
    assert text.count("✔") == 2


def test_lesson_02_draws_the_feed_forward_network_beside_the_rnn(run_lesson):
    from diagrams import diagram, tooltips
    svg = diagram(run_lesson("02-why-sequences.ipynb"), "feed-forward network beside a recurrent one")
    ff = tooltips(svg, "y")            # the feed-forward output, sentence 1 then sentence 2
    rnn = tooltips(svg, "y_T")         # the RNN's output after the last word
    assert len(ff) == 4 and len(rnn) == 4
    assert ff[:2] == ff[2:], "the average forgets the order: the same output for both sentences"
    assert rnn[:2] != rnn[2:], "the RNN's output depends on the order"
    for word in ("tôi", "yêu", "việt", "nam"):
        assert f">{word}</text>" in svg
