"""The Vietnamese edition executes like the English one (issue 18): every lesson of notebooks-vi/
runs top to bottom on a fresh JJava kernel, its checks pass as many times as the English lesson's,
the library speaks Vietnamese in it (the language its set-up cell chose) and English stays the
English edition's language."""
import re

import pytest

from conftest import NOTEBOOKS_VI, assert_runs_clean, lessons

# What a check confirmation looks like in each language (messages*.properties, key check.pass).
PASS = {"en": re.compile(r"✔ .+ is right\."), "vi": re.compile(r"✔ .+ đúng\.")}


@pytest.mark.parametrize("lesson", [p.name for p in lessons()])
def test_the_vietnamese_lesson_runs_and_its_checks_pass_in_vietnamese(run_lesson, lesson):
    assert (NOTEBOOKS_VI / lesson).is_file(), f"notebooks-vi/{lesson} is missing (tools/editions.py new {lesson})"
    english, vietnamese = run_lesson(lesson), run_lesson(lesson, edition="vi")
    checks = english.text().count("✔")
    assert_runs_clean(vietnamese, checks=checks)
    en_text, vi_text = english.text(), vietnamese.text()
    assert len(PASS["en"].findall(en_text)) == checks, "the English edition confirms its checks in English"
    assert len(PASS["vi"].findall(vi_text)) == checks, "the Vietnamese edition confirms its checks in Vietnamese"
    assert not PASS["en"].search(vi_text), PASS["en"].search(vi_text).group(0)
    # The same code gives the same outputs, cell for cell: whatever printed or drew in English does so in Vietnamese.
    shown = [bool(c.get("outputs")) for c in english.code_cells()]
    assert [bool(c.get("outputs")) for c in vietnamese.code_cells()] == shown
