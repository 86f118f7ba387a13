"""Lesson 09's exercises under `nbgrader autograde` (issue 15, issue 17 point 3): the learner writes the
three clipping functions, so an answer that hands the work to the library's GradientClipping scores
zero, as does the student version left unanswered, while the solution scores full marks.

Runs in a grading folder of its own (COURSE_GRADING_ROOT), never on notebooks/.
"""
import nbformat
import pytest

from conftest import NOTEBOOKS, run_nbgrader

L09 = "09-vanishing-exploding"
BEGIN, END = "// BEGIN SOLUTION", "// END SOLUTION"

# Each function answered with one call of the library's clipping (what issue 17 called "answerable by one call").
LIBRARY = {
    1: "double[] out = g.clone();\nGradientClipping.clipByValue(out, c);\nreturn out;\n",
    2: "double[] out = g.clone();\nGradientClipping.clipByNorm(out, c);\nreturn out;\n",
    3: "List<double[]> out = new ArrayList<>();\nfor (double[] one : gs) out.add(one.clone());\n"
       "GradientClipping.clipByGlobalNorm(out, c);\nreturn out;\n",
}
# Exercise 3 answered with clipnorm applied to each weight: the per-weight mistake.
PER_WEIGHT = "List<double[]> out = new ArrayList<>();\nfor (double[] one : gs) out.add(clipByNorm(one, c));\nreturn out;\n"


def cell(nb, grade_id):
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def answered(answers):
    nb = nbformat.read(NOTEBOOKS / f"{L09}.ipynb", as_version=4)
    for exercise, code in answers.items():
        c = cell(nb, f"exercise-{exercise}-answer")
        begin, end = c.source.index(BEGIN), c.source.index(END) + len(END)
        c.source = c.source[:begin] + code + c.source[end:]
    return nb


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    grading = tmp_path_factory.mktemp("clipping")
    run_nbgrader(grading, "generate_assignment", L09, "--force", timeout=1800)
    release = nbformat.read(grading / "release" / L09 / f"{L09}.ipynb", as_version=4)
    students = {"honest": nbformat.read(NOTEBOOKS / f"{L09}.ipynb", as_version=4), "library": answered(LIBRARY),
                "perweight": answered({3: PER_WEIGHT}), "blank": release}
    for student, nb in students.items():
        folder = grading / "submitted" / student / L09
        folder.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, folder / f"{L09}.ipynb")
    run_nbgrader(grading, "autograde", L09, "--create", check=False, timeout=1800)
    return grading


def grades(grading, student):
    from nbgrader.api import Gradebook
    with Gradebook(f"sqlite:///{grading / 'gradebook.db'}") as gb:
        return {g.name: g.score for g in gb.find_submission_notebook(L09, L09, student).grades}


def shown_errors(grading, student):
    nb = nbformat.read(grading / "autograded" / student / L09 / f"{L09}.ipynb", as_version=4)
    return "\n".join(o.get("evalue", "") for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error")


def test_the_solution_scores_full_marks(graded):
    g = grades(graded, "honest")
    assert g == {"exercise-1-check": 1, "exercise-2-check": 1, "exercise-3-check": 1}, g


def test_handing_the_work_to_the_library_scores_zero(graded):
    assert sum(grades(graded, "library").values()) == 0, grades(graded, "library")
    # The guard of graded work (OwnWork) refuses the library's clipping while a check runs the function.
    shown = shown_errors(graded, "library")
    assert "GradientClipping.clipByValue is off while its check runs" in shown, shown[-3000:]


def test_clipping_each_weight_instead_of_all_together_loses_that_exercise(graded):
    g = grades(graded, "perweight")
    assert g == {"exercise-1-check": 1, "exercise-2-check": 1, "exercise-3-check": 0}, g
    assert "per weight" in shown_errors(graded, "perweight")


def test_the_student_version_scores_zero(graded):
    assert sum(grades(graded, "blank").values()) == 0, grades(graded, "blank")
