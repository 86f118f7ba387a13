"""One source of code for the two editions (issue 18): the Vietnamese lessons (notebooks-vi/) have
the English lessons' cells one to one, byte-identical code but for the language setting, and a
translation of every markdown cell that is up to date; tools/editions.py finds every kind of drift
and repairs what it can without losing a translation."""
import copy
import json
import shutil
import subprocess
import sys

import pytest

from conftest import NOTEBOOKS, ROOT, lessons

sys.path.insert(0, str(ROOT / "tools"))
import editions  # noqa: E402

VIETNAMESE = ROOT / "notebooks-vi"
LESSON = "03-rnn-cell.ipynb"


def test_every_lesson_has_its_vietnamese_edition_aligned_and_translated():
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "editions.py"), "check"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert sorted(p.name for p in VIETNAMESE.glob("[0-9][0-9]-*.ipynb")) == [p.name for p in lessons()]


def test_the_editions_differ_only_in_markdown_and_the_language_setting():
    for path in lessons():
        assert (VIETNAMESE / path.name).is_file(), f"notebooks-vi/{path.name} is missing"
        en, vi = editions.read(path), editions.read(VIETNAMESE / path.name)
        assert len(en["cells"]) == len(vi["cells"]), path.name
        settings = 0
        for e, v in zip(en["cells"], vi["cells"]):
            assert e["cell_type"] == v["cell_type"], path.name
            if e["cell_type"] == "code":
                es, vs = editions.source(e), editions.source(v)
                if es != vs:
                    assert es.replace('Course.setLanguage("en")', 'Course.setLanguage("vi")') == vs, path.name
                    settings += 1
            else:
                assert editions.source(e) != editions.source(v) or not editions.source(e).strip(), \
                    f"{path.name}: a markdown cell is still the English text"
        assert settings == 1, f"{path.name}: the language setting should be the one code difference"


@pytest.fixture
def editions_in(tmp_path, monkeypatch):
    """A copy of one lesson in both editions, with the tool pointed at it."""
    en_dir, vi_dir = tmp_path / "notebooks", tmp_path / "notebooks-vi"
    en_dir.mkdir()
    vi_dir.mkdir()
    shutil.copy(NOTEBOOKS / LESSON, en_dir / LESSON)
    monkeypatch.setattr(editions, "ENGLISH", en_dir)
    monkeypatch.setattr(editions, "VIETNAMESE", vi_dir)
    assert editions.main(["new", LESSON]) == 0
    vi = editions.read(vi_dir / LESSON)
    for cell in vi["cells"]:
        if cell["cell_type"] == "markdown":
            cell["source"] = "Bản dịch: " + editions.source(cell)
    editions.write(vi_dir / LESSON, vi)
    assert editions.main(["translated", LESSON]) == 0
    assert editions.problems(LESSON) == []
    return en_dir / LESSON, vi_dir / LESSON


def edit(path, change):
    nb = editions.read(path)
    change(nb)
    editions.write(path, nb)


def first(nb, kind, after=0):
    return next(i for i, c in enumerate(nb["cells"]) if c["cell_type"] == kind and i > after)


def test_a_code_change_in_one_edition_is_drift_and_sync_repairs_it(editions_in):
    en_path, vi_path = editions_in
    nb = editions.read(vi_path)
    i = first(nb, "code", after=3)
    edit(vi_path, lambda nb: nb["cells"][i].update(source="int edited = 1;\n"))
    found = editions.problems(LESSON)
    assert any(f"cell {i}: code differs" in p for p in found), found
    assert editions.main(["check", LESSON]) == 1
    editions.main(["sync", LESSON])
    assert editions.problems(LESSON) == []
    assert editions.source(editions.read(vi_path)["cells"][i]) == editions.source(editions.read(en_path)["cells"][i])


def test_a_missing_cell_is_named_and_sync_restores_it_keeping_the_translations(editions_in):
    en_path, vi_path = editions_in
    translations = [editions.source(c) for c in editions.read(vi_path)["cells"] if c["cell_type"] == "markdown"]
    i = first(editions.read(vi_path), "code", after=3)
    edit(vi_path, lambda nb: nb["cells"].pop(i))
    assert any("cells in English" in p for p in editions.problems(LESSON))
    editions.main(["sync", LESSON])
    assert editions.problems(LESSON) == []
    vi = editions.read(vi_path)
    assert [editions.source(c) for c in vi["cells"] if c["cell_type"] == "markdown"] == translations


def test_an_english_text_change_makes_its_translation_stale_until_it_is_updated(editions_in):
    en_path, vi_path = editions_in
    i = first(editions.read(en_path), "markdown", after=2)
    edit(en_path, lambda nb: nb["cells"][i].update(source=editions.source(nb["cells"][i]) + "\nOne more sentence."))
    found = editions.problems(LESSON)
    assert any(f"cell {i}: stale translation" in p for p in found), found
    editions.main(["sync", LESSON])
    assert any("stale translation" in p for p in editions.problems(LESSON)), "sync must not hide a stale text"
    edit(vi_path, lambda nb: nb["cells"][i].update(source=editions.source(nb["cells"][i]) + "\nThêm một câu."))
    editions.main(["translated", LESSON, "--cells", str(i)])
    assert editions.problems(LESSON) == []


def test_a_new_english_cell_arrives_untranslated_and_is_reported(editions_in):
    en_path, vi_path = editions_in
    new = {"cell_type": "markdown", "metadata": {}, "source": "A new paragraph."}
    edit(en_path, lambda nb: nb["cells"].insert(5, copy.deepcopy(new)))
    editions.main(["sync", LESSON])
    found = editions.problems(LESSON)
    assert found == [f"{LESSON} cell 5: not translated yet ('A new paragraph.')"], found


def test_a_lost_language_setting_or_a_missing_edition_is_named(editions_in):
    en_path, vi_path = editions_in
    edit(vi_path, lambda nb: [c.update(source=editions.source(c).replace('Course.setLanguage("vi")', ""))
                              for c in nb["cells"] if c["cell_type"] == "code"])
    assert any('should set its language once, with Course.setLanguage("vi")' in p for p in editions.problems(LESSON))
    vi_path.unlink()
    assert editions.problems(LESSON) == [f"{LESSON}: the Vietnamese edition has no notebooks-vi/{LESSON} "
                                         f"(make it with: tools/editions.py new {LESSON})"]


def test_the_tool_writes_whole_notebooks_that_jupyter_reads(editions_in):
    import nbformat
    _, vi_path = editions_in
    nbformat.validate(nbformat.read(vi_path, as_version=4))
    assert not list(vi_path.parent.glob("*.tmp"))
    json.loads(vi_path.read_text(encoding="utf-8"))


def test_cell_ids_follow_the_english_cells_even_when_sync_moves_a_translation(editions_in):
    en_path, vi_path = editions_in
    vi = editions.read(vi_path)
    i = first(vi, "markdown", after=2)
    edit(vi_path, lambda nb: nb["cells"][i].update(id="stray-id"))
    assert any(f"cell {i}: cell id 'stray-id'" in p for p in editions.problems(LESSON))
    # An English markdown cell moved two places down: its translation follows it, with the English id.
    def move(nb):
        nb["cells"].insert(i + 2, nb["cells"].pop(i))
    edit(en_path, move)
    editions.main(["sync", LESSON])
    en, vi = editions.read(en_path), editions.read(vi_path)
    assert [c.get("id") for c in vi["cells"]] == [c.get("id") for c in en["cells"]]
    assert len({c.get("id") for c in vi["cells"]}) == len(vi["cells"])
