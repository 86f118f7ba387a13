"""The course's additions to nbgrader, named in nbgrader_config.py (see README.md, "For instructors").

- `check_submissions`, Autograde's pre-convert hook: a submitted file that is not a notebook is
  said to be invalid in the log, in one line that names the student and the reason.
- `CourseCsvExport`, the export plugin: grades.csv with a `status` column, so an invalid submission
  reads "invalid: …" with no score instead of a 0 that looks like a real zero.
- `MathToMathML`, a feedback preprocessor: the formulas of the markdown cells become MathML, which
  browsers draw themselves, so a feedback page shows its formulas offline (nbgrader's page would
  load MathJax from a CDN, and the page travels alone through the exchange, so it cannot carry a
  MathJax folder with it).
"""
import csv
import os
import re
import sys

import nbformat
from latex2mathml.converter import convert as latex_to_mathml
from nbconvert.preprocessors import Preprocessor
from traitlets import Bool
from nbgrader.api import MissingEntry
from nbgrader.plugins import CsvExportPlugin


# --- Invalid submissions ------------------------------------------------------------------------

def notebook_problem(path):
    """Why the file at `path` is not a notebook nbgrader can grade, or None when it is one."""
    try:
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
    except Exception as e:  # not JSON, not a notebook, a notebook of another format
        reason = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        return f"not a valid notebook ({type(e).__name__}: {reason[:200]})"
    return None


def check_submissions(assignment, student, notebooks):
    """Autograde calls this before it grades one student's submission (`notebooks` are its paths;
    nbgrader passes the student pattern, not the id, so the id is read from the path)."""
    for path in notebooks:
        problem = notebook_problem(path)
        if problem:
            who = os.path.basename(os.path.dirname(os.path.dirname(os.path.abspath(path))))
            print(f"[course] INVALID submission of student '{who}': {path} is {problem}. "
                  "It is not graded; grades.csv marks it 'invalid'.", file=sys.stderr, flush=True)


def submission_problem(coursedir, assignment, student):
    """Why the submission in submitted/<student>/<assignment>/ cannot be graded, or None."""
    folder = coursedir.format_path(coursedir.submitted_directory, student, assignment)
    if not os.path.isdir(folder):
        return None
    for name in sorted(os.listdir(folder)):
        if name.endswith(".ipynb"):
            problem = notebook_problem(os.path.join(folder, name))
            if problem:
                return f"{name} is {problem}"
    return None


class CourseCsvExport(CsvExportPlugin):
    """nbgrader's CSV columns plus `status`: graded, not submitted, or invalid: <why> (scores empty).
    Writes to CsvExportPlugin.to (nbgrader_config.py puts it in grading/)."""

    KEYS = ["assignment", "duedate", "timestamp", "student_id", "last_name", "first_name", "email",
            "raw_score", "late_submission_penalty", "score", "max_score", "status"]

    def export(self, gradebook):
        dest = self.to or "grades.csv"
        coursedir = self.parent.coursedir
        rows = []
        for assignment in gradebook.assignments:
            if self.assignment and assignment.name not in self.assignment:
                continue
            for student in gradebook.students:
                if self.student and student.id not in self.student:
                    continue
                row = dict(assignment=assignment.name, duedate=assignment.duedate, student_id=student.id,
                           last_name=student.last_name, first_name=student.first_name,
                           email=student.email, max_score=assignment.max_score)
                try:
                    submission = gradebook.find_submission(assignment.name, student.id)
                except MissingEntry:
                    submission = None
                problem = submission_problem(coursedir, assignment.name, student.id)
                if problem:
                    row.update(timestamp=submission.timestamp if submission else "", status="invalid: " + problem)
                elif submission is None:
                    row.update(raw_score=0.0, late_submission_penalty=0.0, score=0.0, status="not submitted")
                else:
                    penalty = submission.late_submission_penalty
                    row.update(timestamp=submission.timestamp, raw_score=submission.score,
                               late_submission_penalty=penalty, score=max(0.0, submission.score - penalty),
                               status="graded")
                rows.append({k: "" if row.get(k) is None else str(row.get(k, "")) for k in self.KEYS})
        os.makedirs(os.path.dirname(os.path.abspath(dest)), exist_ok=True)
        with open(dest, "w", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=self.KEYS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        invalid = [r["student_id"] for r in rows if r["status"].startswith("invalid")]
        self.log.info("Exported %d rows to %s%s", len(rows), dest,
                      f"; invalid submissions (not graded): {', '.join(invalid)}" if invalid else "")


# --- Formulas in feedback pages ---------------------------------------------------------------

# Code (fenced or inline) is left alone; $$…$$ is a displayed formula, $…$ an inline one.
_MATH = re.compile(r"(?P<fence>^```.*?^```)|(?P<code>`[^`\n]+`)|\$\$(?P<display>.+?)\$\$|(?<![\\$])\$(?P<inline>[^$\n]+?)\$",
                   re.S | re.M)
# Characters that markdown would read as its own syntax inside the MathML.
_MARKDOWN_SAFE = {"*": "&#42;", "_": "&#95;", "\\": "&#92;", "`": "&#96;", "$": "&#36;", "|": "&#124;"}


def to_mathml(tex, display):
    mathml = latex_to_mathml(tex.strip(), display="block" if display else "inline")
    return "".join(_MARKDOWN_SAFE.get(ch, ch) for ch in mathml)


def markdown_with_mathml(source):
    def replace(m):
        if m.group("fence") or m.group("code"):
            return m.group(0)
        display = m.group("display") is not None
        tex = m.group("display") if display else m.group("inline")
        try:
            return to_mathml(tex, display)
        except Exception:
            return m.group(0)  # a formula the converter cannot read stays as it was written
    return _MATH.sub(replace, source)


class MathToMathML(Preprocessor):
    """Rewrites the formulas of markdown cells as MathML (see the module's docstring)."""

    enabled = Bool(True, help="nbconvert's preprocessors are off unless enabled; this one is on.").tag(config=True)

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "markdown":
            cell.source = markdown_with_mathml(cell.source)
        return cell, resources
