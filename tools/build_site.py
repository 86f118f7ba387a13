"""Builds the course's static site: every lesson executed and exported to HTML, with an index, in
both editions: English at the site's root, Vietnamese under vi/, each page with a link to the same
page in the other language.

    python tools/build_site.py [--out site] [--executed DIR]

Each page works with no network: plots carry plotly.js (the library puts it in the notebook),
formulas use the MathJax copy shipped inside the site (from the jupyter-server-mathjax package),
and no page loads require.js or anything else from a CDN. Lessons are executed on the `java`
kernel, or taken from DIR when an executed copy is there (DIR/vi for the Vietnamese edition; the
test command passes its own).
"""
import argparse
import html
import re
import shutil
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
MATHJAX_URL = "mathjax/MathJax.js?config=TeX-AMS-MML_HTMLorMML-full,Safe"


class Edition:
    """One language of the course: where its lessons are, where its pages go in the site, and the
    words of the site's own frame (the lessons' words are in the lessons)."""

    def __init__(self, lang, notebooks, subdir, name, words):
        self.lang, self.notebooks, self.subdir, self.name, self.words = lang, notebooks, subdir, name, words

    def lessons(self):
        return sorted(self.notebooks.glob("[0-9][0-9]-*.ipynb"))


EDITIONS = [
    Edition("en", NOTEBOOKS, "", "English", {
        "all": "All lessons", "title": "Recurrent neural networks in Java notebooks",
        "intro": "From the first formula to a trained IMDB sentiment model. Each lesson below is a notebook of "
                 "the course, executed and rendered as a page; to run it yourself, clone the course and start "
                 "<code>./course</code>."}),
    Edition("vi", ROOT / "notebooks-vi", "vi", "Tiếng Việt", {
        "all": "Tất cả bài học", "title": "Mạng nơ-ron hồi quy trong sổ tay Java",
        "intro": "Từ công thức đầu tiên đến một mô hình phân loại cảm xúc IMDB đã huấn luyện. Mỗi bài dưới đây "
                 "là một sổ tay của khóa học, đã chạy và hiển thị thành trang; để tự chạy, hãy clone khóa học "
                 "và chạy <code>./course --lang vi</code>."}),
]


def title_of(nb, fallback):
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            m = re.search(r"^#\s+(.+)$", cell.source, re.M)
            if m:
                return m.group(1).strip()
    return fallback


def executed(path, executed_dir, timeout):
    if executed_dir:
        copy = Path(executed_dir) / path.name
        if copy.is_file() and copy.stat().st_mtime >= path.stat().st_mtime:
            return nbformat.read(copy, as_version=4)
    nb = nbformat.read(path, as_version=4)
    print(f"executing {path.name} ...", flush=True)
    NotebookClient(nb, kernel_name="java", timeout=timeout,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return nb


def site_links(nb, stems):
    """A copy of the notebook whose links to other lessons (`[Lesson 01](01-terminology.ipynb)`, an
    anchor after it, or an HTML `href`) point to their pages in the site (`01-terminology.html`).
    The stored lessons keep their `.ipynb` links, which is what JupyterLab opens."""
    lesson = "|".join(re.escape(s) for s in sorted(stems))
    link = re.compile(r"(\]\(\s*<?|href=[\"'])(\./)?(" + lesson + r")\.ipynb(?=[#)>\"'\s])")
    copy = nbformat.from_dict(nb)
    for cell in copy.cells:
        if cell.cell_type == "markdown":
            cell.source = link.sub(lambda m: m.group(1) + m.group(3) + ".html", cell.source)
    return copy


def copy_mathjax(out):
    import jupyter_server_mathjax
    static = Path(jupyter_server_mathjax.__file__).parent / "static"
    shutil.copytree(static, out / "mathjax", dirs_exist_ok=True)


def index_page(edition, entries, switch):
    items = "\n".join(f'    <li><a href="{e["href"]}">{html.escape(e["title"])}</a></li>' for e in entries)
    other = f'<p class="language-switch"><a hreflang="{switch["lang"]}" href="{switch["href"]}">{switch["name"]}</a></p>' if switch else ""
    w = edition.words
    return f"""<!DOCTYPE html>
<html lang="{edition.lang}">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>{w["title"]}</title>
<style>
  body {{ font-family: sans-serif; max-width: 800px; margin: 2em auto; line-height: 1.5; padding: 0 1em; }}
  li {{ margin: 0.3em 0; }}
  a {{ color: #1a5fb4; text-decoration: none; }}
  .language-switch {{ text-align: right; }}
</style>
</head>
<body>
{other}
<h1>{w["title"]}</h1>
<p>{w["intro"]}</p>
<ol start="0" class="lessons">
{items}
</ol>
</body>
</html>
"""


def relative(from_edition, to_edition, name):
    """The link from a page of one edition to the page `name` of another (editions sit at the root or one folder down)."""
    up = "../" if from_edition.subdir else ""
    down = f"{to_edition.subdir}/" if to_edition.subdir else ""
    return up + down + name


def build(out, executed_dir=None, timeout=1800):
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    exporter = HTMLExporter(extra_template_basedirs=[str(Path(__file__).parent)], template_name="site_template")
    stems = {e.lang: {p.stem for p in e.lessons()} for e in EDITIONS}
    for edition in EDITIONS:
        lessons = edition.lessons()
        if not lessons:
            continue
        folder = out / edition.subdir if edition.subdir else out
        folder.mkdir(parents=True, exist_ok=True)
        ran = Path(executed_dir) / edition.subdir if executed_dir and edition.subdir else executed_dir
        notebooks = [executed(p, ran, timeout) for p in lessons]
        entries = [{"href": p.stem + ".html", "title": title_of(nb, p.stem)} for p, nb in zip(lessons, notebooks)]
        others = [e for e in EDITIONS if e is not edition and e.lessons()]
        exporter.mathjax_url = ("../" if edition.subdir else "") + MATHJAX_URL
        exporter.language_code = edition.lang
        for i, (path, nb) in enumerate(zip(lessons, notebooks)):
            switch = [{"lang": o.lang, "name": o.name, "href": relative(edition, o, entries[i]["href"])}
                      for o in others if path.stem in stems[o.lang]]
            course = {"prev": entries[i - 1] if i > 0 else None, "next": entries[i + 1] if i + 1 < len(entries) else None,
                      "all": edition.words["all"], "lang": edition.lang, "switch": switch}
            body, _ = exporter.from_notebook_node(site_links(nb, stems[edition.lang]),
                                                  resources={"course": course, "metadata": {"name": entries[i]["title"]}})
            (folder / entries[i]["href"]).write_text(body, encoding="utf-8")
            print(f"wrote {folder / entries[i]['href']}")
        switch = next(({"lang": o.lang, "name": o.name, "href": relative(edition, o, "index.html")} for o in others), None)
        (folder / "index.html").write_text(index_page(edition, entries, switch), encoding="utf-8")
    copy_mathjax(out)
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description="Build the course's static HTML site.")
    parser.add_argument("--out", default=str(ROOT / "site"))
    parser.add_argument("--executed", help="folder of already executed lessons to reuse")
    parser.add_argument("--timeout", type=int, default=1800, help="seconds a cell may run")
    args = parser.parse_args(argv)
    out = build(args.out, args.executed, args.timeout)
    print(f"site ready: {out / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
