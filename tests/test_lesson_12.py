"""Lesson 12 (review): every check cell passes on the solution notebook, and the quiz covers every
earlier lesson (00-11)."""
import re

from conftest import NOTEBOOKS, assert_runs_clean

LESSON = "12-review.ipynb"
INTERVIEW_CHECKS = 4
QUIZ_LESSONS = [f"{n:02d}" for n in range(12)]


def test_lesson_12_every_check_cell_passes(run_lesson):
    assert_runs_clean(run_lesson(LESSON), checks=INTERVIEW_CHECKS + len(QUIZ_LESSONS))


def test_lesson_12_quiz_has_a_passing_question_for_every_earlier_lesson(run_lesson):
    text = run_lesson(LESSON).text()
    passed = set(re.findall(r"✔ Quiz (\d\d) ", text))
    assert passed == set(QUIZ_LESSONS), sorted(passed)
    earlier = {p.name[:2] for p in NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")} - {"12"}
    assert earlier <= set(QUIZ_LESSONS), f"lessons without a quiz question: {sorted(earlier - set(QUIZ_LESSONS))}"


def test_lesson_12_interview_answers_pass(run_lesson):
    text = run_lesson(LESSON).text()
    for question in ("Interview 1 (how an RNN works)", "Interview 2 (vanishing vs exploding)",
                     "Interview 3 (when LSTM or GRU)", "Interview 4 (BPTT vs backpropagation)"):
        assert f"✔ {question} is right." in text, question


def test_lesson_12_every_answer_is_checkable_not_free_text():
    """Issue 15: a choice, a number, a shape or a short function; no String answer is keyword-matched."""
    import nbformat
    nb = nbformat.read(NOTEBOOKS / LESSON, as_version=4)
    answers = [c.source for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution")]
    assert len(answers) == 8
    for src in answers:
        assert not re.search(r"^\s*String \w+", src, re.M), src


def test_lesson_12_tldr_links_every_lesson():
    import nbformat
    nb = nbformat.read(NOTEBOOKS / LESSON, as_version=4)
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for n in QUIZ_LESSONS:
        assert re.search(rf"\]\({n}-[a-z-]+\.ipynb\)", markdown), f"no link to lesson {n}"
