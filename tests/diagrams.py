"""The diagrams a lesson showed: the inline SVG pictures the library draws (org.rnncourse.diagram)."""
import re
import xml.etree.ElementTree as ET

SVG_NS = "{http://www.w3.org/2000/svg}"


def svgs(run):
    """Every diagram in the lesson's outputs, as (title, svg text), parsed to prove it is well-formed."""
    found = []
    for html in run.html_outputs():
        for svg in re.findall(r"<svg\b.*?</svg>", html, re.S):
            if 'role="img"' not in svg:
                continue
            root = ET.fromstring(svg)
            title = root.find(SVG_NS + "title")
            desc = root.find(SVG_NS + "desc")
            assert title is not None and title.text.strip(), "a diagram without a <title>"
            assert desc is not None and desc.text.strip(), f"diagram {title.text!r} has no <desc>"
            assert float(root.get("width")) > 0 and float(root.get("height")) > 0
            found.append((title.text, svg))
    return found


def diagram(run, title_part):
    """The one diagram whose title contains `title_part`."""
    hits = [svg for title, svg in svgs(run) if title_part in title]
    assert len(hits) == 1, f"expected one diagram titled …{title_part}…, got {[t for t, _ in svgs(run)]}"
    return hits[0]


def tooltips(svg, name):
    """The values of the value cells named `name` (their tooltips read `name[i] = value`), in order."""
    return [float(v) for v in re.findall(r"<title>" + re.escape(name) + r"\[[\d,]+\] = ([-0-9.e+]+)</title>", svg)]
