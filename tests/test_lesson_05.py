"""Lesson 05 runs top to bottom and runs each architecture, showing the shapes of its input and output."""
from conftest import assert_runs_clean, table_rows as rows, bare_cells


def test_lesson_05_runs_without_error(run_lesson):
    assert_runs_clean(run_lesson("05-architectures.ipynb"), checks=3)


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
    for ok in ("✔ the many-to-one output is right.", "✔ the context is right.", "✔ y_3 of the generator is right."):
        assert ok in text, ok
    assert text.count("✔") == 3
