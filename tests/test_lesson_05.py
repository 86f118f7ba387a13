"""Lesson 05 runs top to bottom and runs each architecture, showing the shapes of its input and output."""
from conftest import assert_runs_clean, table_rows as rows, bare_cells


def test_lesson_05_runs_without_error(run_lesson):
    assert_runs_clean(run_lesson("05-architectures.ipynb"), checks=2)


def test_lesson_05_shows_the_input_and_output_shapes_of_each_architecture(run_lesson):
    html = [bare_cells(h) for h in run_lesson("05-architectures.ipynb").html_outputs()]
    tables = [h for h in html if "<th>architecture</th><th>application</th><th>input</th><th>output</th>" in h]
    assert tables, "no table of the architectures' shapes"
    shapes = {r[0]: r[1:] for r in rows(tables[0])}
    expected = {
        "one-to-one": ("image classification", "1 × (1×3)", "1 × (1×2)"),
        "one-to-many": ("captioning", "1 × (1×3)", "3 × (1×3)"),
        "many-to-one": ("sentiment", "5 × (1×3)", "1 × (1×2)"),
        "many-to-many (aligned)": ("tagging", "5 × (1×3)", "5 × (1×2)"),
        "many-to-many (encoder–decoder)": ("translation", "5 × (1×3)", "3 × (1×2)"),
    }
    assert set(shapes) == set(expected), shapes
    for name, (application, inp, out) in expected.items():
        assert application in shapes[name][0], (name, shapes[name])
        assert shapes[name][1:3] == [inp, out], (name, shapes[name])


def test_lesson_05_runs_each_architecture_in_its_own_cell(run_lesson):
    text = run_lesson("05-architectures.ipynb").text()
    for line in ("one-to-one: in 1 × (1×3) → out 1 × (1×2)",
                 "one-to-many: in 1 × (1×3) → out 3 × (1×3)",
                 "many-to-one: in 5 × (1×3) → out 1 × (1×2)",
                 "many-to-many (aligned): in 5 × (1×3) → out 5 × (1×2)",
                 "many-to-many (encoder–decoder): in 5 × (1×3) → out 3 × (1×2)",
                 "context = the encoder's h_5 (1×4)"):
        assert line in text, line


def test_lesson_05_checks_pass_on_the_solutions(run_lesson):
    text = run_lesson("05-architectures.ipynb").text()
    for ok in ("✔ generate is right.", "✔ encoderDecoder is right."):
        assert ok in text, ok
    assert text.count("✔") == 2


def test_lesson_05_learners_generator_and_decoder_write_the_tables_rows(run_lesson):
    """The exercises' expected output: the same rows as the one-to-many and encoder–decoder tables."""
    import re
    run = run_lesson("05-architectures.ipynb")
    text = run.text()
    html = [bare_cells(h) for h in run.html_outputs()]

    def table_of(title):
        t = [h for h in html if "<table" in h and title in h and "<th>architecture</th>" not in h]
        assert t, title
        return [[float(v) for v in r if re.fullmatch(r"-?\d+\.\d+", v)] for r in rows(t[0])]

    for title, label, n in (("one-to-many", "y_{t} (yours)", 3), ("encoder–decoder", "decoder's y_{t} (yours)", 2)):
        table = table_of(title)
        assert len(table) == 3, (title, table)
        for t in (1, 2, 3):
            m = re.search(re.escape(label.format(t=t)) + r" \(1×\d\)\n(.+)\n", text)
            assert m, label.format(t=t)
            mine = [float(v) for v in m.group(1).split()]
            assert len(mine) == n and all(abs(a - b) < 1e-3 for a, b in zip(mine, table[t - 1][-n:])), (title, t, mine, table)


def test_lesson_05_draws_the_five_architectures_side_by_side(run_lesson):
    from diagrams import diagram
    svg = diagram(run_lesson("05-architectures.ipynb"), "side by side")
    for name in ("one-to-one", "one-to-many", "many-to-one", "many-to-many (aligned)", "many-to-many (encoder–decoder)"):
        assert f">{name}</text>" in svg, name
    # From the runs: inputs read 1 + 1 + 5 + 5 + 5, outputs written 1 + 3 + 1 + 5 + 3.
    assert svg.count('class="input"') == 17 and svg.count('class="output"') == 13
    assert ">context h_T</text>" in svg
