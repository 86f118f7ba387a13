"""nbgrader configuration of the course (see README.md, "For instructors").

The lessons in notebooks/ are the nbgrader source: `./course nbgrader ...` links each lesson into
grading/source/<lesson>/ before it runs nbgrader, so assignment names are lesson names, e.g.
`./course nbgrader generate_assignment 03-rnn-cell`.
"""
import os
from pathlib import Path

c = get_config()  # noqa: F821 (nbgrader provides it)

HERE = Path(__file__).resolve().parent
GRADING = Path(os.environ.get("COURSE_GRADING_ROOT", HERE / "grading"))

c.CourseDirectory.root = str(GRADING)
c.CourseDirectory.course_id = "rnn-course"
c.Exchange.root = str(GRADING / "exchange")

# Java, not Python: what replaces a solution in the student version, and how solutions are marked.
# The stub throws, so an unanswered exercise fails its check cell instead of passing by accident.
c.ClearSolutions.code_stub = {
    "java": '// YOUR CODE HERE\n'
            'throw new UnsupportedOperationException("Exercise not answered yet: write your code here.");'
}
# nbgrader 0.9 finds the delimiters anywhere in a line: the lessons write them as `// BEGIN SOLUTION`.
c.ClearSolutions.begin_solution_delimeter = "BEGIN SOLUTION"
c.ClearSolutions.end_solution_delimeter = "END SOLUTION"
c.ClearSolutions.enforce_metadata = True

# Lessons train models: give a cell time. Errors in one cell must not stop the grading of the rest.
c.Execute.timeout = 1800
c.Execute.allow_errors = True
