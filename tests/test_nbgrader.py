"""Instructors' workflow with nbgrader: student versions, autograding, feedback-safe submissions.

Runs on lesson 01 in a grading folder of its own (COURSE_GRADING_ROOT), never on notebooks/.
"""
import hashlib
import os
import subprocess

import nbformat
import pytest

from conftest import NOTEBOOKS, ROOT

LESSON = "01-terminology"


def nbgrader(grading, *args, check=True):
    env = dict(os.environ, COURSE_GRADING_ROOT=str(grading))
    r = subprocess.run([str(ROOT / "course"), "nbgrader", *args], env=env, capture_output=True, text=True, timeout=900)
    if check and r.returncode != 0:
        pytest.fail(f"nbgrader {' '.join(args)} exited {r.returncode}:\n{r.stdout}\n{r.stderr}")
    return r


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    grading = tmp_path_factory.mktemp("grading")
    nbgrader(grading, "generate_assignment", LESSON, "--force")
    release = grading / "release" / LESSON / f"{LESSON}.ipynb"
    solution = nbformat.read(NOTEBOOKS / f"{LESSON}.ipynb", as_version=4)

    one_wrong = nbformat.read(NOTEBOOKS / f"{LESSON}.ipynb", as_version=4)
    answer = next(c for c in one_wrong.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "exercise-2-answer")
    begin, end = answer.source.index("// BEGIN SOLUTION"), answer.source.index("// END SOLUTION")
    answer.source = answer.source[:begin] + "gradientTerms = 1;\n" + answer.source[end + len("// END SOLUTION"):]

    submissions = {
        "alice": nbformat.writes(solution),           # the unchanged solution
        "bob": release.read_text(),                    # the student version, nothing answered
        "carol": nbformat.writes(one_wrong),           # exercise 2 wrong
        "dave": '{"cells": [ this is not json',        # a broken file
    }
    before = {}
    for student, text in submissions.items():
        folder = grading / "submitted" / student / LESSON
        folder.mkdir(parents=True)
        (folder / f"{LESSON}.ipynb").write_text(text)
        before[student] = digest(folder / f"{LESSON}.ipynb")
    result = nbgrader(grading, "autograde", LESSON, "--create", check=False)
    return grading, release, result, before


def scores(grading):
    from nbgrader.api import Gradebook
    with Gradebook(f"sqlite:///{grading / 'gradebook.db'}") as gb:
        out = {}
        for sub in gb.assignment_submissions(LESSON):
            out[sub.student_id] = (sub.score, sub.max_score)
        return out


def test_student_version_has_no_solution_code_left(graded):
    _, release, _, _ = graded
    nb = nbformat.read(release, as_version=4)
    source = nbformat.read(NOTEBOOKS / f"{LESSON}.ipynb", as_version=4)
    answers = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution")]
    assert len(answers) == 2
    for cell in answers:
        assert "BEGIN SOLUTION" not in cell.source and "END SOLUTION" not in cell.source
        assert "// YOUR CODE HERE" in cell.source
        assert "throw new UnsupportedOperationException" in cell.source
    for cell in source.cells:
        if "// BEGIN SOLUTION" in cell.source:
            body = cell.source.split("// BEGIN SOLUTION")[1].split("// END SOLUTION")[0].strip()
            for line in body.splitlines():
                if line.strip() not in ("{", "}"):
                    assert line.strip() not in nb.cells[source.cells.index(cell)].source, f"solution line left: {line}"


def test_unchanged_solution_gets_full_marks(graded):
    grading, *_ = graded
    score, max_score = scores(grading)["alice"]
    assert max_score == 2 and score == 2


def test_student_version_gets_zero_without_crashing(graded):
    grading, *_ = graded
    assert scores(grading)["bob"] == (0, 2)


def test_one_wrong_answer_loses_exactly_that_cells_points(graded):
    grading, *_ = graded
    assert scores(grading)["carol"] == (1, 2)
    from nbgrader.api import Gradebook
    with Gradebook(f"sqlite:///{grading / 'gradebook.db'}") as gb:
        grades = {g.name: g.score for g in gb.find_submission_notebook(LESSON, LESSON, "carol").grades}
    assert grades == {"exercise-1-check": 1, "exercise-2-check": 0}


def test_invalid_json_is_reported_and_does_not_stop_the_batch(graded):
    grading, _, result, _ = graded
    log = result.stdout + result.stderr
    assert "dave" in log, log[-3000:]
    assert set(scores(grading)) >= {"alice", "bob", "carol"}
    assert not (grading / "autograded" / "dave" / LESSON / f"{LESSON}.ipynb").exists()


def test_submitted_files_are_byte_identical_after_grading(graded):
    grading, _, _, before = graded
    for student, sha in before.items():
        assert digest(grading / "submitted" / student / LESSON / f"{LESSON}.ipynb") == sha, student


def test_lessons_carry_current_nbgrader_metadata():
    r = subprocess.run([os.sys.executable, str(ROOT / "tools" / "nbgrader_cells.py"), "--check",
                        *map(str, sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")))], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
