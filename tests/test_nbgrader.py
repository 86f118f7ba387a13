"""Instructors' workflow with nbgrader: student versions, autograding, feedback-safe submissions,
and the whole round of the README's table (lesson 03) on JJava and on IJava as the course's kernel.

Runs in grading folders of its own (COURSE_GRADING_ROOT), never on notebooks/ or grading/.
"""
import contextlib
import csv
import hashlib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
import pytest

from conftest import NOTEBOOKS, OUTPUT, ROOT, install_ijava, launch_chromium, run_nbgrader

LESSON = "01-terminology"


def nbgrader(grading, *args, check=True):
    return run_nbgrader(grading, *args, check=check, timeout=900)


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
    answer.source = answer.source[:begin] + "vietnameseTerms = 'a';\n" + answer.source[end + len("// END SOLUTION"):]

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


# --- The whole round as the README prints it -------------------------------------------------------
#
# The README's instructor table is read and its commands run as printed: the instructor's in the
# course folder, the students' in their home folders with the course's .venv/bin first on PATH and
# no exchange option. Three students: alice answers everything, bob gets exercise 2 wrong, dave's
# file is not a notebook. When the tests run as root (CI), the students are also real Unix users:
# they run nbgrader themselves when they can execute the course's Python (not when it sits in
# root's home, as a pyenv Python does), and in any case the test checks, as one of them, what a
# student can read. Otherwise nbgrader names a submission after the Unix user, so students who share
# the tests' user pass --student NAME.

ROUND_LESSON = "03-rnn-cell"
MARKER = "<!-- grading round: tests/test_nbgrader.py runs these commands as printed -->"
VENV = Path(sys.prefix)
AS_USERS = os.geteuid() == 0 and shutil.which("useradd") is not None


def readme_round():
    """(step, command words) for each row of the README's grading table, in order."""
    text = (ROOT / "README.md").read_text()
    assert MARKER in text, "the README's grading table lost its marker"
    rows = []
    for line in text.split(MARKER, 1)[1].strip().splitlines()[2:]:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        m = re.fullmatch(r"`([^`]+)`", cells[-1])
        assert m, f"a row of the grading table has no command: {line}"
        rows.append((cells[0], shlex.split(m.group(1))))
    return rows


class Student:
    def __init__(self, name, home, user=None, own_process=False):
        self.name, self.home, self.user = name, home, user
        self.own_process = own_process  # runs nbgrader as its own Unix user
        self.id = user if own_process else name

    def run(self, words, grading, as_user=None):
        env = {"PATH": f"{VENV / 'bin'}:/usr/bin:/bin", "HOME": str(self.home), "LANG": "C.UTF-8",
               # The students' nbgrader config that ./course writes follows the grading folder, as the
               # instructor's does; on a real machine this variable is not set.
               "COURSE_GRADING_ROOT": str(grading)}
        as_user = self.own_process if as_user is None else as_user
        extra = {}
        if as_user:
            import pwd
            pw = pwd.getpwnam(self.user)
            extra = dict(user=pw.pw_uid, group=pw.pw_gid, extra_groups=[])
        elif words[0] == "nbgrader" and words[1] in ("submit", "fetch_feedback"):
            words = [*words, f"--student={self.name}"]
        return subprocess.run(words, cwd=self.home, env=env, capture_output=True, text=True, timeout=300, **extra)


@contextlib.contextmanager
def students(names):
    made, homes = [], tempfile.mkdtemp(prefix="rnn-course-students-")
    os.chmod(homes, 0o755)
    try:
        out = []
        for name in names:
            home = Path(homes) / name
            home.mkdir()
            user = None
            if AS_USERS:
                user = f"rnnc-{name}"
                subprocess.run(["userdel", user], capture_output=True)
                subprocess.run(["useradd", "--no-create-home", "--home-dir", str(home), "--shell", "/bin/sh", user],
                               check=True, capture_output=True)
                made.append(user)
                shutil.chown(home, user, user)
                home.chmod(0o700)
            student = Student(name, home, user)
            if user:
                try:
                    student.own_process = student.run([str(VENV / "bin" / "python"), "-c", ""], homes,
                                                      as_user=True).returncode == 0
                except PermissionError:  # the course's Python is out of this user's reach
                    student.own_process = False
                student.id = user if student.own_process else name
            out.append(student)
        yield out
    finally:
        for user in made:
            subprocess.run(["userdel", user], capture_output=True)
        shutil.rmtree(homes, ignore_errors=True)


@contextlib.contextmanager
def course_kernel(kind, tmp):
    """The course's `java` kernelspec as it is (JJava), or replaced by IJava as README.md says, and
    put back afterwards."""
    if kind == "jjava":
        yield
        return
    spec = VENV / "share" / "jupyter" / "kernels" / "java"
    backup = tmp / "java-kernelspec"
    shutil.copytree(spec, backup)
    try:
        install_ijava(prefix=VENV, name="java")
        yield
    finally:
        shutil.rmtree(spec, ignore_errors=True)
        shutil.copytree(backup, spec)


def answer(path, wrong_exercise=None):
    """The student's work: the lesson's solutions written into the answer cells of the fetched copy."""
    solution = {c.metadata.get("nbgrader", {}).get("grade_id"): c.source
                for c in nbformat.read(NOTEBOOKS / f"{ROUND_LESSON}.ipynb", as_version=4).cells}
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if cell.metadata.get("nbgrader", {}).get("solution"):
            text = solution[grade_id].replace("// BEGIN SOLUTION\n", "").replace("// END SOLUTION", "")
            if grade_id == wrong_exercise:
                # The forward pass that forgets: every h_t computed from h = 0, the state not carried (a real mistake).
                text = text.replace("h = cellStep(Wxh, Whh, bh, x, h);",
                                    "h = cellStep(Wxh, Whh, bh, x, new DMatrixRMaj(Wxh.numRows, 1));")
                assert "new DMatrixRMaj(Wxh.numRows, 1));" in text, "lesson 03's exercise 2 changed: update the wrong answer"
            cell.source = text
    nbformat.write(nb, path)


@pytest.fixture(scope="module", params=["jjava", "ijava"])
def graded_round(request, tmp_path_factory):
    kind = request.param
    grading = Path(tempfile.mkdtemp(prefix="rnn-course-grading-"))
    results = []
    with course_kernel(kind, tmp_path_factory.mktemp("kernelspec")), students(["alice", "bob", "dave"]) as class_:
        for step, words in readme_round():
            if words[0] == "./course":
                r = nbgrader(grading, *words[2:], check=False) if words[1] == "nbgrader" else None
                assert r is not None, f"the grading table runs {words}, which the test does not know"
                results.append((step, words, r))
            else:
                assert words[0] == "nbgrader", f"students run nbgrader, not {words}"
                for s in class_:
                    results.append((step, words, s.run(words, grading)))
            if "fetch_assignment" in words:
                alice, bob, dave = class_
                answer(alice.home / ROUND_LESSON / f"{ROUND_LESSON}.ipynb")
                answer(bob.home / ROUND_LESSON / f"{ROUND_LESSON}.ipynb", wrong_exercise="exercise-2-answer")
                (dave.home / ROUND_LESSON / f"{ROUND_LESSON}.ipynb").write_text("my answers are in the e-mail\n")
                for s in class_:
                    if s.own_process:
                        for f in (s.home / ROUND_LESSON).rglob("*"):
                            shutil.chown(f, s.user, s.user)
        permissions = {}
        if AS_USERS:
            # What dave, as his own Unix user, can read: the released assignment yes; the others'
            # submissions (in the exchange and collected), the solutions and the gradebook no.
            exchange = Path(os.environ.get("COURSE_EXCHANGE", grading / "exchange")) / "rnn-course"
            alice_submitted = next((grading / "submitted" / class_[0].id / ROUND_LESSON).glob("*.ipynb"))
            probe = 'for p in "$@"; do if [ -d "$p" ]; then ls "$p"; else cat "$p"; fi >/dev/null 2>&1 && echo "read $p" || echo "denied $p"; done'
            paths = [exchange / "outbound" / ROUND_LESSON, exchange / "inbound", alice_submitted,
                     grading / "source", grading / "gradebook.db"]
            r = class_[2].run(["/bin/sh", "-c", probe, "probe", *map(str, paths)], grading, as_user=True)
            permissions = {line.split(" ", 1)[1]: line.split(" ", 1)[0] for line in r.stdout.splitlines()}
            permissions = [permissions.get(str(p)) for p in paths]
        yield dict(kind=kind, grading=grading, results=results, students=class_, permissions=permissions)
    shutil.rmtree(grading, ignore_errors=True)


def test_round_every_command_of_the_readme_runs_as_printed(graded_round):
    steps = [w for _, w, _ in graded_round["results"]]
    assert any("fetch_assignment" in w for w in steps) and any("release_feedback" in w for w in steps)
    for step, words, r in graded_round["results"]:
        # autograde reports the invalid submission with nbgrader's error summary (exit status 1).
        expected = 1 if "autograde" in words else 0
        assert r.returncode == expected, f"{step}: {' '.join(words)} exited {r.returncode}:\n{r.stdout}\n{r.stderr}"
        assert "--Exchange.root" not in words


def test_round_scores_the_two_notebooks_and_reports_the_invalid_file(graded_round):
    grading, (alice, bob, dave) = graded_round["grading"], graded_round["students"]
    from nbgrader.api import Gradebook
    with Gradebook(f"sqlite:///{grading / 'gradebook.db'}") as gb:
        assert gb.find_submission(ROUND_LESSON, alice.id).score == 4  # exercise 2 is worth 2 points
        assert gb.find_submission(ROUND_LESSON, bob.id).score == 2
        grades = {g.name: g.score for g in gb.find_submission_notebook(ROUND_LESSON, ROUND_LESSON, bob.id).grades}
    assert grades == {"exercise-1-check": 1, "exercise-2-check": 0, "exercise-3-check": 1}
    log = next(r.stdout + r.stderr for _, w, r in graded_round["results"] if "autograde" in w)
    assert f"INVALID submission of student '{dave.id}'" in log, log[-3000:]
    assert "not a valid notebook" in log
    assert "allow_errors" not in log, "nbgrader_config.py sets an option nbgrader does not know"


def test_round_grades_csv_says_invalid_instead_of_zero_and_stays_in_grading(graded_round):
    grading, (alice, bob, dave) = graded_round["grading"], graded_round["students"]
    assert not (ROOT / "grades.csv").exists() and not (ROOT / "gradebook.db").exists()
    with open(grading / "grades.csv") as f:
        rows = {r["student_id"]: r for r in csv.DictReader(f)}
    assert (rows[alice.id]["score"], rows[alice.id]["max_score"], rows[alice.id]["status"]) == ("4.0", "4.0", "graded")
    assert (rows[bob.id]["score"], rows[bob.id]["status"]) == ("2.0", "graded")
    assert rows[dave.id]["score"] == "" and rows[dave.id]["raw_score"] == ""
    assert rows[dave.id]["status"].startswith("invalid: 03-rnn-cell.ipynb is not a valid notebook"), rows[dave.id]


def test_round_graded_on_the_course_kernel_which_finds_the_jar(graded_round):
    """Bob's failing check ran on the course's kernel (IJava names its errors EvalException, JJava
    does not) from grading/autograded/, where ../lib/target does not exist."""
    grading, bob = graded_round["grading"], graded_round["students"][1]
    folder = grading / "autograded" / bob.id / ROUND_LESSON
    assert not (folder.parent / "lib" / "target").exists()
    nb = nbformat.read(folder / f"{ROUND_LESSON}.ipynb", as_version=4)
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert len(errors) == 1, [e.get("evalue") for e in errors]
    assert "not built" not in errors[0]["evalue"]
    assert (errors[0]["ename"] == "EvalException") == (graded_round["kind"] == "ijava"), errors[0]["ename"]


def test_round_feedback_reaches_the_students_with_formulas_as_mathml(graded_round):
    grading, (alice, bob, dave) = graded_round["grading"], graded_round["students"]
    for s in (alice, bob):
        page = grading / "feedback" / s.id / ROUND_LESSON / f"{ROUND_LESSON}.html"
        html = page.read_text()
        assert html.count("<math") >= 5, "the lesson's formulas are MathML"
        assert "cdnjs" not in html and "MathJax.Hub" not in html, "nbgrader's page would load MathJax from a CDN"
        assert not re.search(r"<script[^>]+src=\"https?:", html)
        fetched = list((s.home / ROUND_LESSON / "feedback").glob(f"*/{ROUND_LESSON}.html"))
        assert len(fetched) == 1, f"{s.id} fetched {fetched}"
    assert not (grading / "feedback" / dave.id).exists()


def test_round_feedback_page_draws_its_formulas_offline(graded_round, tmp_path):
    from playwright.sync_api import sync_playwright
    page_file = graded_round["grading"] / "feedback" / graded_round["students"][0].id / ROUND_LESSON / f"{ROUND_LESSON}.html"
    with sync_playwright() as p:
        context = launch_chromium(p, tmp_path, "file:", offline=True)
        try:
            refused = []
            context.on("requestfailed", lambda req: refused.append(req.url))
            page = context.new_page()
            page.goto(page_file.as_uri())
            sizes = page.eval_on_selector_all("math", "ms => ms.map(m => m.getBoundingClientRect().width)")
            assert len(sizes) >= 5 and min(sizes) > 0, sizes
            assert not refused, f"the feedback page asked the network for {refused}"
            page.screenshot(path=str(OUTPUT / f"feedback-{graded_round['kind']}.png"), full_page=False)
        finally:
            context.close()


@pytest.mark.skipif(not AS_USERS, reason="students are separate Unix users only when the tests run as root")
def test_round_students_cannot_read_submissions_or_solutions(graded_round):
    released, *private = graded_round["permissions"]
    assert released == "read", "a student must be able to read the released assignment"
    assert private == ["denied"] * 4, f"inbound, a submission, the solutions, the gradebook: {private}"


def test_the_vietnamese_edition_is_released_and_graded_as_its_own_assignment(tmp_path):
    """`./course nbgrader` offers each lesson in both editions: 01-terminology and 01-terminology-vi.
    The Vietnamese student version is the Vietnamese text with the solutions cleared; the solution
    scores full marks, the untouched student version zero."""
    vi_lesson = f"{LESSON}-vi"
    grading = tmp_path / "grading"
    nbgrader(grading, "generate_assignment", vi_lesson, "--force")
    release = grading / "release" / vi_lesson / f"{LESSON}.ipynb"
    student = nbformat.read(release, as_version=4)
    text = "\n".join(c.source for c in student.cells)
    assert 'Course.setLanguage("vi")' in text and "// BEGIN SOLUTION" not in text
    assert "Bài tập" in text, "the released notebook is not the Vietnamese text"
    solution = ROOT / "notebooks-vi" / f"{LESSON}.ipynb"
    for name, source in {"an": solution.read_text(encoding="utf-8"), "binh": release.read_text(encoding="utf-8")}.items():
        folder = grading / "submitted" / name / vi_lesson
        folder.mkdir(parents=True)
        (folder / f"{LESSON}.ipynb").write_text(source, encoding="utf-8")
    nbgrader(grading, "autograde", vi_lesson, "--create")
    from nbgrader.api import Gradebook
    with Gradebook(f"sqlite:///{grading / 'gradebook.db'}") as gb:
        got = {s.student_id: (s.score, s.max_score) for s in gb.assignment_submissions(vi_lesson)}
    assert got == {"an": (2, 2), "binh": (0, 2)}, got
