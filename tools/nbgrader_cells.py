"""Gives the lessons the nbgrader cell metadata that makes them an nbgrader source.

Authors write a lesson with plain cells; this tool derives the grading roles from the lesson's own
structure, so the roles never drift from the text:
- a code cell with `// BEGIN SOLUTION` ... `// END SOLUTION` is a solution cell (students write here);
- the code cell right after it is its check: an autograded test cell, locked, worth one point, or
  N points when the exercise's statement says "(N points)" (points in proportion to the work);
- the first two code cells (loading the library, the imports) and the markdown cell that states an
  exercise are locked, so a student version cannot break them.

    python tools/nbgrader_cells.py --check notebooks/*.ipynb   # exit 1 if any lesson is out of date
    python tools/nbgrader_cells.py --write notebooks/*.ipynb   # authors: update the lessons in place

--write only touches a notebook whose metadata changes, and only the `nbgrader` metadata of its
cells; it refuses a notebook with outputs (a learner's working copy, not a lesson source).
"""
import argparse
import copy
import re
import sys

import nbformat

SCHEMA = 3
BEGIN, END = "// BEGIN SOLUTION", "// END SOLUTION"
POINTS_PER_CHECK = 1


def roles(nb):
    """The nbgrader metadata each cell should carry, by cell index (None: no role)."""
    wanted = [None] * len(nb.cells)
    code = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    for n, i in enumerate(code[:2], start=1):
        wanted[i] = meta(f"setup-{n}", locked=True)
    exercise = 0
    for pos, i in enumerate(code):
        src = nb.cells[i].source
        if BEGIN not in src:
            continue
        if END not in src or src.index(END) < src.index(BEGIN):
            raise ValueError(f"cell {i}: '{BEGIN}' without a following '{END}'")
        exercise += 1
        wanted[i] = meta(f"exercise-{exercise}-answer", solution=True)
        if pos + 1 >= len(code) or BEGIN in nb.cells[code[pos + 1]].source:
            raise ValueError(f"cell {i}: exercise {exercise} has no check cell after it")
        statement = i - 1
        while statement >= 0 and nb.cells[statement].cell_type != "markdown":
            statement -= 1
        stated = re.search(r"\((\d+) points\)", nb.cells[statement].source) if statement >= 0 else None
        points = int(stated.group(1)) if stated else POINTS_PER_CHECK
        wanted[code[pos + 1]] = meta(f"exercise-{exercise}-check", grade=True, locked=True, points=points)
        if statement >= 0 and wanted[statement] is None:
            wanted[statement] = meta(f"exercise-{exercise}-statement", locked=True)
    return wanted


def meta(grade_id, solution=False, grade=False, locked=False, points=None):
    m = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": SCHEMA,
         "solution": solution, "task": False}
    if points is not None:
        m["points"] = points
    return m


def apply(nb):
    """Sets the roles on a copy of nb; returns (new notebook, whether anything changed)."""
    new = copy.deepcopy(nb)
    for cell, want in zip(new.cells, roles(new)):
        if want is None:
            cell.metadata.pop("nbgrader", None)
        else:
            cell.metadata["nbgrader"] = want
    return new, new != nb


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true", help="report lessons whose nbgrader metadata is out of date")
    mode.add_argument("--write", action="store_true", help="update the lessons' nbgrader metadata in place")
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args(argv)
    stale = []
    for path in args.notebooks:
        nb = nbformat.read(path, as_version=4)
        try:
            new, changed = apply(nb)
        except ValueError as e:
            print(f"{path}: {e}", file=sys.stderr)
            return 2
        if not changed:
            continue
        if args.check:
            stale.append(path)
        elif any(c.get("outputs") for c in nb.cells if c.cell_type == "code"):
            print(f"{path}: has outputs, so it is someone's working copy; not touched", file=sys.stderr)
            return 2
        else:
            nbformat.write(new, path)
            print(f"updated {path}")
    if stale:
        print("nbgrader metadata out of date (run python tools/nbgrader_cells.py --write on them):\n  "
              + "\n  ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
