"""The library's diagrams (inline SVG) among a lesson's outputs, for the notebook tests of lessons 07-11."""
import re

TITLE = re.compile(r"<title id=\"[^\"]+\">(.*?)</title>", re.S)


def diagrams(run):
    """Every accessible inline SVG the lesson displayed, as {title: svg text}, in output order."""
    found = {}
    for html in run.html_outputs():
        for svg in re.findall(r"<svg .*?</svg>", html, re.S):
            if 'role="img"' in svg:
                m = TITLE.search(svg)
                assert m and m.group(1).strip(), "a diagram without a <title>"
                assert re.search(r"<desc id=\"[^\"]+\">.+?</desc>", svg, re.S), "a diagram without a <desc>"
                found[m.group(1)] = svg
    return found


def diagram(run, title_part):
    """The diagram titled `title_part`, or else the one diagram whose title contains it."""
    found = diagrams(run)
    if title_part in found:   # an exact title wins over longer titles that contain it
        return found[title_part]
    hits = [svg for title, svg in found.items() if title_part in title]
    assert len(hits) == 1, f"expected one diagram titled '…{title_part}…', found {len(hits)}: {list(diagrams(run))}"
    return hits[0]


def value_cells(svg):
    """How many value-coloured cells (each with its hover title) the diagram draws."""
    return len(re.findall(r"<g><title>", svg))
