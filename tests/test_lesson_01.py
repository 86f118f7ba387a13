"""Lesson 01 runs top to bottom and shows the glossary, read from data/, as a table."""
import csv

from conftest import ROOT, assert_runs_clean, bare_cells


def test_lesson_01_runs_without_error(run_lesson):
    assert_runs_clean(run_lesson("01-terminology.ipynb"), checks=2)


def test_lesson_01_shows_the_whole_glossary_as_an_html_table(run_lesson):
    rows = list(csv.DictReader(open(ROOT / "data" / "glossary.csv", encoding="utf-8")))
    html = [bare_cells(h) for h in run_lesson("01-terminology.ipynb").html_outputs()]
    full = [h for h in html if "<th>term</th><th>vietnamese</th><th>explanation</th>" in h and h.count("<tr>") == len(rows) + 1]
    assert full, "no HTML table with every glossary row"
    for row in rows:
        assert row["vietnamese"] in full[0], row


def test_lesson_01_checks_pass_on_the_solutions(run_lesson):
    text = run_lesson("01-terminology.ipynb").text()
    assert "✔ the Vietnamese term for hidden state (Trạng thái ẩn) is right." in text


def test_lesson_01_glossary_has_the_notes_own_vietnamese_terms(run_lesson):
    """Issue 15: tiêu biến đạo hàm (note 003), tầng nhúng, hồi tiếp beside hồi quy, and bộ nhớ dài-ngắn hạn explained."""
    html = "\n".join(run_lesson("01-terminology.ipynb").html_outputs())
    for term in ("tiêu biến đạo hàm", "Tầng nhúng", "hồi quy / hồi tiếp", "Bộ nhớ dài-ngắn hạn", "regression"):
        assert term in html, term
    assert "✔ the sentence about the Vietnamese terms is right." in run_lesson("01-terminology.ipynb").text()
