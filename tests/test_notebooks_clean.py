"""Committed lessons are stored clean, valid, on the `java` kernel, and numbered as the course map."""
import re

import nbformat
import pytest

from conftest import NOTEBOOKS, lessons

NAME = re.compile(r"^(\d\d)-[a-z0-9]+(-[a-z0-9]+)*\.ipynb$")


def test_lessons_exist_and_are_numbered_in_order():
    names = [p.name for p in lessons()]
    assert names, f"no lessons in {NOTEBOOKS}"
    assert names[0].startswith("00-"), names
    numbers = [int(n[:2]) for n in names]
    assert numbers == list(range(len(numbers))), f"lessons must be numbered 00, 01, … with no gap: {names}"
    stray = [p.name for p in NOTEBOOKS.glob("*.ipynb") if not NAME.match(p.name)]
    assert not stray, f"notebooks not named NN-short-name.ipynb: {stray}"


@pytest.mark.parametrize("path", lessons(), ids=lambda p: p.name)
def test_lesson_is_stored_clean(path):
    nb = nbformat.read(path, as_version=nbformat.NO_CONVERT)
    assert nb.nbformat == 4, f"{path.name}: nbformat {nb.nbformat}, expected 4"
    nbformat.validate(nb)
    spec = nb.metadata.get("kernelspec", {})
    assert spec.get("name") == "java", f"{path.name}: kernelspec {spec}, expected name 'java'"
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        assert not cell.outputs, f"{path.name}: code cell {i} has stored outputs"
        assert cell.execution_count is None, f"{path.name}: code cell {i} has execution_count {cell.execution_count}"


@pytest.mark.parametrize("path", lessons(), ids=lambda p: p.name)
def test_lesson_opens_with_the_loading_cell_and_keeps_imports_on_top(path):
    nb = nbformat.read(path, as_version=4)
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    assert code and code[0].startswith("%classpath ../lib/target/rnn-course.jar"), \
        f"{path.name}: the first code cell must load the library with %classpath"
    assert "run ./course" in code[0] and "Class.forName(\"org.rnncourse.Course\")" in code[0], f"{path.name}: the loading cell must tell a learner how to build the library"
    # Imports after the first cells can reset earlier variables to null on Java kernels.
    late = [i for i, src in enumerate(code[2:], start=2) if re.search(r"^\s*import\s", src, re.M)]
    assert not late, f"{path.name}: code cells {late} import; keep every import in the first two code cells"
    for i, src in enumerate(code):
        assert not re.search(r"\bdisplay\([^;]*\);\s*$", src), \
            f"{path.name}: code cell {i} ends with display(...); which prints a stray display id"


def test_links_in_the_lessons_lead_to_files_that_jupyterlab_can_open():
    """In JupyterLab a lesson's links stay `.ipynb` links (the site's build rewrites them): each must exist."""
    missing = []
    for path in lessons():
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type != "markdown":
                continue
            for link in re.findall(r"\]\(\s*<?([^)\s>]+)", cell.source) + re.findall(r"href=[\"']([^\"']+)", cell.source):
                target = link.split("#")[0]
                if not target or re.match(r"[a-z]+:", target):
                    continue
                if not (NOTEBOOKS / target).exists():
                    missing.append(f"{path.name}: {link}")
    assert not missing, missing
