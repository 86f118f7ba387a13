"""nbgrader configuration of the course (see README.md, "For instructors").

The lessons in notebooks/ are the nbgrader source: `./course nbgrader ...` links each lesson into
grading/source/<lesson>/ before it runs nbgrader, so assignment names are lesson names, e.g.
`./course nbgrader generate_assignment 03-rnn-cell`.
"""
import os
import sys
from pathlib import Path

c = get_config()  # noqa: F821 (nbgrader provides it)

HERE = Path(__file__).resolve().parent
GRADING = Path(os.environ.get("COURSE_GRADING_ROOT", HERE / "grading"))

# Everything grading writes stays in grading/ (ignored by git): the gradebook, grades.csv, the folders.
c.CourseDirectory.root = str(GRADING)
c.CourseDirectory.course_id = "rnn-course"
# The exchange: grading/exchange on one machine; a shared volume on JupyterHub (COURSE_EXCHANGE, see
# classroom/). Students' nbgrader finds the same folder through the config that ./course writes.
c.Exchange.root = os.environ.get("COURSE_EXCHANGE") or str(GRADING / "exchange")

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

# Lessons train models: give a cell time. (An error in one cell never stops the grading of the rest:
# nbgrader's Execute always goes on after an error; it has no allow_errors setting to change.)
c.Execute.timeout = 1800

# The course's additions (tools/course_grading.py): a submission that is not a notebook is said to be
# invalid in the log and in grades.csv (not scored 0), and feedback pages show their formulas offline.
sys.path.insert(0, str(HERE / "tools"))
c.Autograde.pre_convert_hook = "course_grading.check_submissions"
c.ExportApp.plugin_class = "course_grading.CourseCsvExport"
c.CsvExportPlugin.to = str(GRADING / "grades.csv")
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
    "course_grading.MathToMathML",
]
c.HTMLExporter.template_name = "course_feedback"
c.HTMLExporter.extra_template_basedirs = [
    str(HERE / "tools" / "nbgrader_templates"),
    str(Path(__import__("nbgrader").__file__).parent / "server_extensions" / "formgrader" / "templates"),
]
