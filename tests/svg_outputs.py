"""What the notebook tests of lessons 07-11 read in a diagram, beside tests/diagrams.py."""
import re

from diagrams import diagram, svgs  # noqa: F401  (re-exported for the lesson tests)


def value_cells(svg):
    """How many value-coloured cells (each with its hover title) the diagram draws."""
    return len(re.findall(r"<g><title>", svg))
