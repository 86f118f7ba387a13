"""Answers a student cannot read or copy (issue 17): tried as a student who wants the points without
the work, under `nbgrader autograde`.

- The jar (`javap -v -p` of the check classes) and the student versions that `generate_assignment`
  makes hold none of the quiz answers.
- Cheating submissions score zero: answers pasted from a failed check's message, exercises answered
  by the library's helpers (the worked example's states, BPTT's gradients of the lesson's data),
  functions composed from the library's own classes for whatever inputs the check gives (lessons 03,
  06, 07 and 10: the library's cell, BPTT or gradient check called with the function's arguments),
  wrong letters, a class that shadows the check class, edited or deleted check cells.
- A failed check shows no Java stack frames.
- The honest submission (the solution notebook) scores full marks.

Runs in a grading folder of its own (COURSE_GRADING_ROOT), never on notebooks/.
"""
import os
import re
import shutil
import subprocess
import sys

import nbformat
import pytest

from conftest import JAR, NOTEBOOKS, ROOT, run_nbgrader

sys.path.insert(0, str(ROOT / "tools"))

L03, L06, L07, L10, L12 = "03-rnn-cell", "06-bptt", "07-simplernn-keras-style", "10-lstm-gru", "12-review"
BEGIN, END = "// BEGIN SOLUTION", "// END SOLUTION"

# The quiz's answers as the solution computes them, in the forms a leak would take.
QUIZ_ANSWERS = {"quiz04": ["32, 20, 16", "32,20,16"], "quiz06": ["0.4096"], "quiz11": ["0.666667", "0.6667", "0.666666"],
                "quiz09": ["1.50000", "6.00000"]}
QUIZ_LETTERS = {"quiz00": "b", "quiz01": "c", "quiz02": "b", "quiz05": "c", "quiz07": "c", "quiz10": "d",
                "howAnRnnWorks": "b", "vanishingVsExploding": "a", "whenLstmOrGru": "c", "bpttVsBackprop": "b"}
INTERVIEW = ["howAnRnnWorks", "vanishingVsExploding", "whenLstmOrGru", "bpttVsBackprop"]
# What lesson 06's numerical-derivative check used to print (issue 17), and what the old lesson 03 check printed.
OLD_LEAKS = {L06: 0.0875600, L03: 0.0192015}


def nbgrader(grading, *args, check=True):
    return run_nbgrader(grading, *args, check=check, timeout=1800)


def cell(nb, grade_id):
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def answer(nb, exercise, code):
    """Replaces the solution region of an exercise with `code` (what a student writes there)."""
    c = cell(nb, f"exercise-{exercise}-answer")
    begin, end = c.source.index(BEGIN), c.source.index(END) + len(END)
    c.source = c.source[:begin] + code + c.source[end:]
    return nb


def solution(lesson):
    return nbformat.read(NOTEBOOKS / f"{lesson}.ipynb", as_version=4)


def submit(grading, lesson, student, nb):
    folder = grading / "submitted" / student / lesson
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / f"{lesson}.ipynb")


def grades(grading, lesson, student):
    from nbgrader.api import Gradebook
    with Gradebook(f"sqlite:///{grading / 'gradebook.db'}") as gb:
        return {g.name: g.score for g in gb.find_submission_notebook(lesson, lesson, student).grades}


def total(grading, lesson, student):
    return sum(grades(grading, lesson, student).values())


def errors(grading, lesson, student):
    """Every error message the autograded notebook shows."""
    nb = nbformat.read(grading / "autograded" / student / lesson / f"{lesson}.ipynb", as_version=4)
    out = []
    for c in nb.cells:
        for o in c.get("outputs", []):
            if o.get("output_type") == "error":
                out.append(o.get("evalue", "") + "\n" + "\n".join(o.get("traceback", [])))
    return "\n".join(out)


# ---- the submissions ------------------------------------------------------------------------------

# The quiz's answer cells and the variables each assigns; a cell scores only if all its checks pass.
QUIZ_CELLS = [(5, ["quiz00", "quiz01", "quiz02"]), (6, ["quiz03", "quiz04", "quiz05"]),
              (7, ["quiz06", "quiz07", "quiz08"]), (8, ["quiz09", "quiz10", "quiz11"])]
WRONG = {"quiz00": "'a'", "quiz01": "'a'", "quiz02": "'a'", "quiz03": "function", "quiz04": "new long[] {32, 16}",
         "quiz05": "'a'", "quiz06": "0.5", "quiz07": "'a'", "quiz08": "7", "quiz09": "new double[] {1, 1, 1}",
         "quiz10": "'a'", "quiz11": "0.5"}
# Quiz 03 is a function: the wrong answer redefines it (JShell keeps the later definition).
WRONG_QUIZ03 = ("DMatrixRMaj concatStep(DMatrixRMaj W, DMatrixRMaj b, DMatrixRMaj x, DMatrixRMaj hPrev) "
                "{ return CommonOps_DDRM.mult(W, CommonOps_DDRM.concatRowsMulti(x, hPrev), null); }\n")


def lesson12_override(values):
    """The solution, with some quiz variables assigned again after the solution (what a student types)."""
    nb = solution(L12)
    for exercise, variables in QUIZ_CELLS:
        c = cell(nb, f"exercise-{exercise}-answer")
        c.source += "\n" + "".join(WRONG_QUIZ03 if v == "quiz03" else f"{v} = {values[v]};\n"
                                   for v in variables if v in values)
    return nb


def lesson12_wrong(k):
    """The k-th question of every quiz cell answered wrong, the others right: each check's message shows up once."""
    return lesson12_override({variables[k]: WRONG[variables[k]] for _, variables in QUIZ_CELLS})


def lesson12_pasted(k, messages):
    """The k-th question of every quiz cell answered with what its check's message printed, the others right:
    if a message leaked the answer, the cell would score."""
    values = {}
    for _, variables in QUIZ_CELLS:
        v = variables[k]
        m = re.search(rf"Quiz {v[-2:]} \([^)]*\): ([^\n]*)", messages)
        said = m.group(1) if m else ""
        numbers = re.findall(r"-?\d+(?:\.\d+)?", said)
        letters = re.findall(r"'(\w)'", said)
        if v == "quiz03":
            values[v] = "function"  # nothing to paste into a function: the wrong one stays
        elif WRONG[v].startswith("'"):
            values[v] = f"'{letters[0]}'" if letters else WRONG[v]
        elif v == "quiz04":
            values[v] = "new long[] {" + ", ".join(str(int(float(n))) for n in (numbers or ["0"])) + "}"
        elif v == "quiz09":
            three = ", ".join((numbers + ["0", "0", "0"])[:3])
            values[v] = f"new double[] {{{three}}}"
        elif v in ("quiz06", "quiz11"):
            values[v] = numbers[0] if numbers else WRONG[v]
        else:
            values[v] = str(int(float(numbers[0]))) if numbers else WRONG[v]
    return lesson12_override(values)


def lesson12_interview(letter):
    """Every interview question answered with `letter` (wrong for all four when it is 'd'); the quiz is the solution's."""
    nb = solution(L12)
    for exercise, var in enumerate(INTERVIEW, 1):
        cell(nb, f"exercise-{exercise}-answer").source += f"\n{var} = '{letter}';\n"
    return nb


def lesson03_helpers():
    """Every exercise answered with what the library's worked example hands over."""
    nb = solution(L03)
    answer(nb, 1, "return WorkedExample.create().hiddenStates().get(0);\n")
    answer(nb, 2, "hs.addAll(WorkedExample.create().hiddenStates());\nys.addAll(WorkedExample.create().outputs());\n")
    answer(nb, 3, "return WorkedExample.create().cell().step(X, Aprev);\n")
    return nb


def lesson03_pasted():
    """Exercise 1 returns the numbers the old check printed: h_1 of the worked example, pasted."""
    nb = solution(L03)
    answer(nb, 1, f"return Matrices.column({OLD_LEAKS[L03]}, 0, 0, 0);\n")
    answer(nb, 2, "")
    answer(nb, 3, "return null;\n")
    return nb


def lesson03_shadow():
    """The first answer cell declares its own class Lesson03 whose checks always print success."""
    nb = solution(L03)
    c = cell(nb, "exercise-1-answer")
    c.source = (
        "DMatrixRMaj cellStep(DMatrixRMaj Wxh, DMatrixRMaj Whh, DMatrixRMaj bh, DMatrixRMaj x, DMatrixRMaj hPrev) { return null; }\n"
        "class Lesson03 {\n"
        "    interface CellStep { DMatrixRMaj apply(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c, DMatrixRMaj d, DMatrixRMaj e); }\n"
        "    record ForwardPass(List<DMatrixRMaj> h, List<DMatrixRMaj> y) {}\n"
        "    interface RnnForward { ForwardPass apply(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c, DMatrixRMaj d, DMatrixRMaj e, List<DMatrixRMaj> xs); }\n"
        "    interface BatchStep { DMatrixRMaj apply(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c, DMatrixRMaj d, DMatrixRMaj e); }\n"
        "    static void checkCellStep(CellStep f) { System.out.println(\"✔ cellStep is right.\"); }\n"
        "    static void checkRnnForward(RnnForward f) { System.out.println(\"✔ rnnForward is right.\"); }\n"
        "    static void checkBatchStep(BatchStep f) { System.out.println(\"✔ batchStep is right.\"); }\n"
        "}\n")
    answer(nb, 2, "")
    answer(nb, 3, "return null;\n")
    return nb


def lesson03_edited_checks():
    """Check 1 rewritten to print success, check 2 deleted, check 3 kept: answers all wrong."""
    nb = solution(L03)
    answer(nb, 1, "return null;\n")
    answer(nb, 2, "")
    answer(nb, 3, "return null;\n")
    cell(nb, "exercise-1-check").source = 'System.out.println("✔ cellStep is right.");'
    nb.cells.remove(cell(nb, "exercise-2-check"))
    return nb


def lesson06_helpers():
    """Every exercise answered with BPTT's gradients of the lesson's fixed data."""
    nb = solution(L06)
    answer(nb, 1, "Lesson06.StepData s = Lesson06.stepData();\n"
                  "CellGradients g = Bptt.cellBackward(s.cell(), s.X(), s.Aprev(), s.cell().preActivation(s.X(), s.Aprev()), s.dA());\n"
                  "return new Lesson06.StepGradients(g.dWax, g.dWaa, g.dba, g.dX, g.dAprev);\n")
    answer(nb, 2, "Rnn m = Lesson06.gradCheckModel();\n"
                  "RnnGradients r = Bptt.manyToOne(m, m.forward(Lesson06.gradCheckInputs()), Lesson06.gradCheckTarget(), Loss.CROSS_ENTROPY);\n"
                  "dWax = r.dWax(); dWaa = r.dWaa(); dba = r.dba();\n")
    answer(nb, 3, "Rnn m = Lesson06.gradCheckModel();\n"
                  "return Bptt.manyToOne(m, m.forward(Lesson06.gradCheckInputs()), Lesson06.gradCheckTarget(), "
                  "Loss.CROSS_ENTROPY).dWaa().get(0, 1);\n")
    return nb


def lesson06_pasted():
    """Exercise 3 returns the value the old check printed as 'expected' (issue 17: it scored full marks)."""
    nb = solution(L06)
    answer(nb, 1, "return null;\n")
    answer(nb, 2, "")
    answer(nb, 3, f"return {OLD_LEAKS[L06]};\n")
    return nb


# What OwnWork says when a check's function called the library class that computes the exercise.
GUARD = "is off while its check runs"
S = "org.rnncourse.scratch."  # fully qualified, so no import a lesson lacks turns the cheat into a compile error


def lesson03_composed():
    """Every exercise answered by the library's RnnCell and OutputLayer, built from the function's own arguments:
    right answers for any inputs, but not the student's work."""
    nb = solution(L03)
    t = "CommonOps_DDRM.transpose({}, null)"
    cell = f"new {S}RnnCell({t.format('Wxh')}, {t.format('Whh')}, {t.format('bh')}, {S}Activation.TANH)"
    answer(nb, 1, f"return {cell}.stepColumn(x, hPrev);\n")
    answer(nb, 2, f"{S}RnnCell c = {cell};\n"
                  f"{S}OutputLayer o = new {S}OutputLayer({t.format('Why')}, {t.format('by')}, {S}Activation.LINEAR);\n"
                  "DMatrixRMaj h = new DMatrixRMaj(Wxh.numRows, 1);\n"
                  "for (DMatrixRMaj x : xs) { h = c.stepColumn(x, h); hs.add(h); ys.add(o.forwardColumn(h)); }\n")
    answer(nb, 3, f"return new {S}RnnCell(Wax, Waa, ba, {S}Activation.TANH).step(X, Aprev);\n")
    return nb


def lesson06_composed():
    """Every exercise answered by Bptt or GradCheck called on the function's own arguments."""
    nb = solution(L06)
    cell = f"new {S}RnnCell(Wax, Waa, new DMatrixRMaj(1, Waa.numCols), {S}Activation.TANH)"
    answer(nb, 1, "DMatrixRMaj Z = A.copy();\n"
                  "for (int k = 0; k < Z.data.length; k++) Z.data[k] = 0.5 * Math.log((1 + A.data[k]) / (1 - A.data[k]));\n"
                  f"{S}CellGradients g = {S}Bptt.cellBackward({cell}, X, Aprev, Z, dA);\n"
                  "return new Lesson06.StepGradients(g.dWax, g.dWaa, g.dba, g.dX, g.dAprev);\n")
    answer(nb, 2, f"{S}RnnGradients r = {S}Bptt.throughTime({cell}, cache, dAs);\n"
                  "dWax = r.dWax(); dWaa = r.dWaa(); dba = r.dba(); fromLater = r.dA0();\n")
    answer(nb, 3, f"return {S}GradCheck.numericalGradient(loss, W).get(i, j);\n")
    return nb


def lesson10_quick(nb):
    """Lesson 10 without its IMDB race (ungraded cells a student may delete; nothing graded reads them), so that
    grading it takes seconds, not minutes."""
    race = ("race", "Imdb.", "xTrainSub")
    nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader") or c.cell_type != "code"
                or not any(w in c.source for w in race)]
    return nb


def lesson10_composed():
    """Both exercises answered by the library's LstmCell and GruCell built from the given weights."""
    nb = lesson10_quick(solution(L10))
    answer(nb, 1, f"{S}LstmCell.Step s = new {S}LstmCell(W, U, b).step(x, hPrev, cPrev);\n"
                  "return new DMatrixRMaj[] {s.H(), s.C()};\n")
    answer(nb, 2, f"return new {S}GruCell(W, U, b).step(x, hPrev).H();\n")
    return nb


def lesson07_composed():
    """Exercise 1 by the library's SimpleRNN step, exercise 3 by the library's MAE, on the function's own arguments."""
    nb = solution(L07)
    answer(nb, 1, "DMatrixRMaj h = new DMatrixRMaj(1, recurrentKernel.numRows);\n"
                  f"{S}RnnCell c = new {S}RnnCell(kernel, recurrentKernel, bias, {S}Activation.TANH);\n"
                  "for (int t = 0; t < xs.numRows; t++) h = c.step(CommonOps_DDRM.extractRow(xs, t, null), h);\n"
                  "return h;\n")
    answer(nb, 3, "return org.rnncourse.metrics.Metrics.mae(yTrue, yPred);\n")
    return nb


RELEASE = {}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    grading = tmp_path_factory.mktemp("integrity")
    for lesson in (L03, L06, L07, L10, L12):
        nbgrader(grading, "generate_assignment", lesson, "--force")
        RELEASE[lesson] = grading / "release" / lesson / f"{lesson}.ipynb"
    plan = {
        L03: {"honest": solution(L03), "helpers": lesson03_helpers(), "pasted": lesson03_pasted(),
              "shadow": lesson03_shadow(), "edited": lesson03_edited_checks(), "composed": lesson03_composed()},
        L06: {"honest": solution(L06), "helpers": lesson06_helpers(), "pasted": lesson06_pasted(),
              "composed": lesson06_composed()},
        L07: {"honest": solution(L07), "composed": lesson07_composed()},
        L10: {"honest": lesson10_quick(solution(L10)), "composed": lesson10_composed()},
        L12: {"honest": solution(L12), "interview": lesson12_interview("d"),
              **{f"wrong{k}": lesson12_wrong(k) for k in range(3)}},
    }
    for lesson, students in plan.items():
        for student, nb in students.items():
            submit(grading, lesson, student, nb)
        nbgrader(grading, "autograde", lesson, "--create", check=False)
    # Second round: paste what the checks said about the wrong answers.
    messages = "\n".join(errors(grading, L12, s) for s in ("wrong0", "wrong1", "wrong2", "interview"))
    for k in range(3):
        submit(grading, L12, f"pasted{k}", lesson12_pasted(k, messages))
        nbgrader(grading, "autograde", L12, "--create", "--student", f"pasted{k}", check=False)
    letters = re.findall(r"Interview \d \([^)]*\): '(\w)'", messages)
    submit(grading, L12, "pastedInterview", lesson12_interview(letters[0] if letters else "d"))
    nbgrader(grading, "autograde", L12, "--create", "--student", "pastedInterview", check=False)
    return grading, messages


# ---- the jar and the student versions ------------------------------------------------------------

def javap(cls):
    jdk = os.environ.get("JAVA_HOME")
    tool = os.path.join(jdk, "bin", "javap") if jdk else shutil.which("javap")
    r = subprocess.run([tool, "-v", "-p", "-c", "-cp", str(JAR), cls], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_the_jar_holds_no_quiz_answer():
    text = javap("org.rnncourse.exercise.Lesson12")
    # The operands of the instructions that load constants: bipush/sipush numbers, and what ldc loads.
    # A bipush right after dup is an array index (Set.of's varargs), not a value.
    operands, previous = [], ""
    for line in text.splitlines():
        m = re.search(r"\b(?:bipush|sipush)\s+(-?\d+)", line)
        if m and not re.search(r"\bdup\s*$", previous):
            operands.append(f"bipush {m.group(1)}")
        if re.match(r"\s*\d+: ", line):
            previous = line
        m = re.search(r"\bldc(?:_w|2_w)?\s+#\d+\s+//\s*(.*)", line)
        if m:
            operands.append(m.group(1))
    code = "\n".join(operands)
    # Letters: 'a' is 97 … 'd' is 100 (the range test of a choice lives in Check, not here).
    for letter in set(QUIZ_LETTERS.values()):
        assert not re.search(rf"\bbipush\s+{ord(letter)}\b", code), f"the letter '{letter}' is a constant of Lesson12"
    for forms in QUIZ_ANSWERS.values():
        for form in forms:
            assert not re.search(rf"(?<![\w.]){re.escape(form)}(?![\w])", code), f"{form} is a constant of Lesson12"
    constants = set(re.findall(r"= String\s+#\d+\s+//\s*(.*)", text))
    assert len(constants) > 30, "javap -v shows no string constants: the scan would prove nothing"


def test_the_other_checks_hold_no_expected_value_of_lessons_03_and_06():
    for cls in ("Lesson03", "Lesson06"):
        text = javap(f"org.rnncourse.exercise.{cls}")
        assert "0.0875" not in text and "0.0192" not in text, cls


def test_student_versions_hold_no_quiz_answer(graded):
    grading, _ = graded
    nb = nbformat.read(grading / "release" / L12 / f"{L12}.ipynb", as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    for var, letter in QUIZ_LETTERS.items():
        assert not re.search(rf"{var}\s*=\s*'", code), f"{var} is assigned in the student version"
    for var, forms in QUIZ_ANSWERS.items():
        assert not re.search(rf"{var}\s*=", code), f"{var} is assigned in the student version"
        for form in forms:
            assert form not in code, f"{form} ({var}) is in the student version's code"
    for lesson in (L03, L06):
        release = nbformat.read(grading / "release" / lesson / f"{lesson}.ipynb", as_version=4)
        assert BEGIN not in "".join(c.source for c in release.cells), lesson


# ---- grading the submissions ---------------------------------------------------------------------

def test_the_honest_submissions_score_full_marks(graded):
    grading, _ = graded
    for lesson, checks in ((L03, 3), (L06, 3), (L07, 3), (L10, 2), (L12, 8)):  # lesson 12: 4 interview checks, 4 quiz cells
        g = grades(grading, lesson, "honest")
        points = {c.metadata["nbgrader"]["grade_id"]: c.metadata["nbgrader"]["points"]
                  for c in solution(lesson).cells if c.metadata.get("nbgrader", {}).get("grade")}
        assert len(g) == checks and g == points, (lesson, g, points)


def test_a_failed_check_prints_no_answer(graded):
    _, messages = graded
    for n in range(12):
        assert f"Quiz {n:02d} " in messages, f"no message of quiz {n:02d} was seen: {messages[-2000:]}"
    for n in range(1, 5):
        assert f"Interview {n} " in messages, f"no message of interview {n} was seen"
    for var, forms in QUIZ_ANSWERS.items():
        for form in forms:
            assert not re.search(rf"(?<![\w.]){re.escape(form)}(?![\w])", messages), f"{form} ({var}) is printed"


def test_a_failed_check_shows_its_message_and_hint_but_no_java_frames(graded):
    """Issue 15: what a check cell shows when it fails is its message and hint, not
    `at org.rnncourse.exercise.Check.fail(Check.java:103)` (the error itself stays: nbgrader needs it)."""
    grading, _ = graded
    shown = []
    for lesson, student in ((L03, "pasted"), (L03, "helpers"), (L06, "helpers"), (L06, "pasted"), (L12, "wrong0"), (L12, "interview"),
                            (L03, "composed"), (L06, "composed"), (L10, "composed")):
        nb = nbformat.read(grading / "autograded" / student / lesson / f"{lesson}.ipynb", as_version=4)
        for c in nb.cells:
            if c.metadata.get("nbgrader", {}).get("grade"):
                shown += ["\n".join(o.get("traceback", [])) for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert len(shown) >= 8, shown
    for traceback in shown:
        assert "Hint:" in traceback or "cannot find symbol" in traceback, traceback
        assert not re.search(r"\bat org\.rnncourse\.", traceback), traceback


def test_answers_pasted_from_the_checks_messages_score_zero(graded):
    grading, _ = graded
    quiz = [f"exercise-{exercise}-check" for exercise, _ in QUIZ_CELLS]
    for k in range(3):
        # Only the pasted answers differ from the solution: a quiz cell would score 1 had its message leaked the answer.
        for student in (f"pasted{k}", f"wrong{k}"):
            g = grades(grading, L12, student)
            assert [g[q] for q in quiz] == [0, 0, 0, 0], (student, g)
            assert g["exercise-1-check"] == 1, (student, g)  # the rest of the notebook is the solution, and it ran
    assert total(grading, L06, "pasted") == 0, grades(grading, L06, "pasted")
    assert total(grading, L03, "pasted") == 0, grades(grading, L03, "pasted")
    g = grades(grading, L12, "pastedInterview")
    assert [g[f"exercise-{n}-check"] for n in range(1, 5)] == [0, 0, 0, 0], g


def test_answers_taken_from_the_librarys_helpers_score_zero(graded):
    grading, _ = graded
    assert total(grading, L03, "helpers") == 0, grades(grading, L03, "helpers")
    assert total(grading, L06, "helpers") == 0, grades(grading, L06, "helpers")
    # BPTT's gradients of the lesson's data would fail on the check's random data; the guard refuses them first.
    said = errors(grading, L06, "helpers")
    assert GUARD in said and "Bptt.cellBackward" in said, said[-3000:]


def test_answers_composed_from_the_librarys_classes_score_zero(graded):
    """The function calls the library's cell (or BPTT, or the gradient check) with the check's own inputs: every check
    fails, and it fails because the guard refused (not, say, because the cheat did not compile)."""
    grading, _ = graded
    for lesson, checks in ((L03, 3), (L06, 3), (L07, 2), (L10, 2)):
        g = grades(grading, lesson, "composed")
        if lesson == L07:  # exercise 2 (the stacked model) is answered honestly: only the two composed ones must score 0
            assert g["exercise-1-check"] == 0 and g["exercise-3-check"] == 0 and g["exercise-2-check"] == 1, g
        else:
            assert len(g) == checks and sum(g.values()) == 0, (lesson, g)
        said = errors(grading, lesson, "composed")
        assert said.count(GUARD) >= checks, (lesson, said[-3000:])
        assert "cannot find symbol" not in said, (lesson, said[-3000:])


def test_wrong_interview_letters_score_zero_and_the_quiz_still_counts(graded):
    grading, _ = graded
    g = grades(grading, L12, "interview")
    assert [g[f"exercise-{n}-check"] for n in range(1, 5)] == [0, 0, 0, 0], g
    assert [g[f"exercise-{n}-check"] for n in range(5, 9)] == [1, 1, 1, 1], g


def test_a_class_that_shadows_the_check_class_scores_zero(graded):
    grading, _ = graded
    assert total(grading, L03, "shadow") == 0, grades(grading, L03, "shadow")


def test_edited_or_deleted_check_cells_are_restored_or_score_zero(graded):
    grading, _ = graded
    g = grades(grading, L03, "edited")
    assert g.get("exercise-1-check", 0) == 0 and g.get("exercise-2-check", 0) == 0, g
    assert sum(g.values()) == 0, g


def test_the_authors_hash_tool_agrees_with_the_jar():
    """tools/answer_hash.py gives the hashes Lesson12.java stores, so an author can add a question."""
    import answer_hash
    src = (ROOT / "lib" / "src" / "main" / "java" / "org" / "rnncourse" / "exercise" / "Lesson12.java").read_text()
    stored = dict(re.findall(r'HashedAnswer\("([^"]+)", "([0-9a-f]{64})"\)', src))
    cases = [("q00", "b", None), ("q01", "c", None), ("q02", "b", None), ("q05", "c", None), ("q07", "c", None),
             ("q10", "d", None), ("q04", "32,20,16", None), ("interview1", "b", None), ("interview2", "a", None),
             ("interview3", "c", None), ("interview4", "b", None),
             ("q06", "0.4096000000000001", 4), ("q11", "0.6666666666666666", 6), ("q09", "1.5,2,6", 6)]
    for question, value, decimals in cases:
        salt = f"rnn-course/12/{question}/"
        assert stored[salt] == answer_hash.digest(salt, value, decimals), question
