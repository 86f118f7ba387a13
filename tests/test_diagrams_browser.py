"""Each lesson's diagrams as a learner and a reader see them, in headless Chromium with no network:
in JupyterLab (light and dark theme) and in the lesson's static-site page. Every diagram must have a
real size and must not be blank: its screenshot holds many colours, and on the dark theme it is
still drawn on its light card (so its dark text stays readable).

The diagrams expected in each lesson are discovered from the lesson executed on a fresh kernel (the
inline SVGs with role="img" in its outputs), so a lesson that gains a diagram is covered at once.
Screenshots go to tests/output/diagrams/ to look at."""
import base64
import functools
import http.server
import re
import shutil
import subprocess
import sys
import threading

import nbformat
import pytest

from conftest import EXECUTED, OUTPUT, ROOT, launch_chromium, lessons, main_job
from diagrams import SVG_NS, svgs

SHOTS = OUTPUT / "diagrams"
LESSONS = [p.name for p in lessons()]
LAB_DIAGRAMS = ".jp-OutputArea svg[role=img]"

# Pixel statistics of a PNG, computed by the browser itself (no image library needed): how many
# distinct colours, the share of light pixels, and the spread of the grey levels.
PIXEL_STATS = """async (data) => {
  const img = new Image();
  img.src = 'data:image/png;base64,' + data;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.width; canvas.height = img.height;
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const px = ctx.getImageData(0, 0, img.width, img.height).data;
  const colours = new Set();
  let sum = 0, sum2 = 0, light = 0, n = 0;
  for (let i = 0; i < px.length; i += 4) {
    const grey = 0.299 * px[i] + 0.587 * px[i + 1] + 0.114 * px[i + 2];
    colours.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
    sum += grey; sum2 += grey * grey; n++;
    if (grey > 200) light++;
  }
  const mean = sum / n;
  return {colours: colours.size, std: Math.sqrt(sum2 / n - mean * mean), light: light / n,
          width: img.width, height: img.height};
}"""


def expected(run_lesson, name):
    """The diagrams the lesson shows when it runs top to bottom, each as "title\ndescription"."""
    import xml.etree.ElementTree as ET
    run = run_lesson(name)
    assert run.error is None, f"{name} did not run: {run.error}"
    keys = []
    for _, svg in svgs(run):
        root = ET.fromstring(svg)
        keys.append(root.find(SVG_NS + "title").text + "\n" + root.find(SVG_NS + "desc").text)
    return keys


# JupyterLab 4 renders only the cells near the viewport: the notebook is walked through cell by
# cell, and each diagram is checked when it appears. The static pages have them all at once.
KEY = "s => s.querySelector('title').textContent + '\\n' + s.querySelector('desc').textContent"


def check_diagrams(page, selector, keys, where, shot_prefix, cells=None):
    """Every diagram the lesson shows is on the page, has a real size and is not blank."""
    stats_page = page.context.new_page()     # about:blank, to measure the screenshots
    SHOTS.mkdir(parents=True, exist_ok=True)
    results = {}

    def visit():
        found = page.locator(selector)
        for i in range(found.count()):
            svg = found.nth(i)
            key = svg.evaluate(KEY)
            if key in results:
                continue
            title = key.split("\n")[0]
            svg.scroll_into_view_if_needed()
            box = svg.bounding_box()
            assert box and box["width"] >= 100 and box["height"] >= 60, f"{where}: diagram {title!r} is {box}"
            png = svg.screenshot(path=str(SHOTS / f"{shot_prefix}-{len(results) + 1}.png"))
            stats = stats_page.evaluate(PIXEL_STATS, base64.b64encode(png).decode())
            # A blank or one-colour box has a handful of colours and no spread; a diagram has
            # boxes, text in several colours and value cells.
            assert stats["colours"] >= 40 and stats["std"] >= 8, f"{where}: diagram {title!r} looks blank: {stats}"
            results[key] = stats

    if cells is None:
        visit()
    else:
        # JupyterLab's own "select the next cell" (key j in command mode) scrolls each cell into
        # view, so every output gets drawn once; setting scrollTop by hand can outrun the renderer.
        page.locator(".jp-Notebook .jp-Cell").first.locator(".jp-InputPrompt").click()
        page.keyboard.press("Escape")
        for _ in range(cells):
            visit()
            if set(results) >= set(keys):
                break
            page.keyboard.press("j")
            page.wait_for_timeout(120)
        page.wait_for_timeout(500)
        visit()
    stats_page.close()
    missing = [k.split("\n")[0] for k in keys if k not in results]
    if missing:
        page.screenshot(path=str(SHOTS / f"{shot_prefix}-failure.png"))
    assert not missing, f"{where}: diagrams the lesson shows but the page does not draw: {missing}"
    assert len(results) == len(set(keys)), f"{where}: diagrams drawn that the lesson did not show"
    return list(results.values())


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """The main job serving a folder where each test puts its executed lesson (one JupyterLab for all)."""
    tmp = tmp_path_factory.mktemp("lab")
    work = tmp / "notebooks"
    work.mkdir()
    with main_job(tmp, f"--root-dir={work}", token="diagram-test-token") as (base, token):
        yield work, base, token


@pytest.mark.parametrize("name", LESSONS)
def test_diagrams_render_in_jupyterlab_light_and_dark(name, run_lesson, lab, tmp_path):
    from playwright.sync_api import sync_playwright
    titles = expected(run_lesson, name)
    if not titles:
        pytest.skip(f"{name} shows no diagram")
    lab_copy, base, token = lab
    shutil.copy(EXECUTED / name, lab_copy / name)
    cells = len(nbformat.read(EXECUTED / name, as_version=4).cells)
    # Outputs a learner made in their own session are trusted. A copy executed elsewhere is not,
    # and JupyterLab's sanitizer then strips inline SVG (as it blanks plots: see TOOLCHAIN.md)
    # and leaves only the diagram's title and description as text. `jupyter trust` signs the copy
    # as the learner's own run would.
    subprocess.run([str(ROOT / ".venv" / "bin" / "jupyter"), "trust", str(lab_copy / name)],
                   check=True, capture_output=True)
    with sync_playwright() as p:
        context = launch_chromium(p, tmp_path, base, viewport={"width": 1500, "height": 1000})

        def open_lesson():
            page = context.new_page()
            page.goto(f"{base}/lab/workspaces/diagrams-{name[:2]}/tree/{name}?reset&token={token}")
            page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120000)
            page.wait_for_timeout(1000)
            return page

        def set_theme(page, theme, light):
            page.locator(".lm-MenuBar-itemLabel", has_text="Settings").click()
            page.locator(".lm-Menu-itemLabel", has_text="Theme").first.hover()
            page.locator(".lm-Menu-itemLabel", has_text=re.compile(f"^{theme}$")).click()
            page.wait_for_function(f"document.body.dataset.jpThemeLight === '{light}'", timeout=30000)

        try:
            page = open_lesson()
            if page.evaluate("document.body.dataset.jpThemeLight") != "true":
                set_theme(page, "JupyterLab Light", "true")   # an earlier test stopped on dark
            check_diagrams(page, LAB_DIAGRAMS, titles, f"JupyterLab light, {name}", f"lab-light-{name[:2]}", cells)
            # The theme is a saved setting: a fresh page opens on it, at the top of the notebook.
            set_theme(page, "JupyterLab Dark", "false")
            page.close()
            page = open_lesson()
            page.wait_for_function("document.body.dataset.jpThemeLight === 'false'", timeout=30000)
            dark = check_diagrams(page, LAB_DIAGRAMS, titles, f"JupyterLab dark, {name}", f"lab-dark-{name[:2]}",
                                  cells)
            for i, d in enumerate(dark):
                # The light card is drawn on the dark page too: most pixels stay light.
                assert d["light"] > 0.5, f"{name}: diagram {i + 1} on the dark theme is mostly dark: {d}"
            set_theme(page, "JupyterLab Light", "true")     # for the next lesson's test
        finally:
            context.close()


@pytest.fixture(scope="module")
def site_pages(tmp_path_factory):
    """Each executed lesson exported as the static site exports it, served from 127.0.0.1."""
    sys.path.insert(0, str(ROOT / "tools"))
    import build_site
    from nbconvert import HTMLExporter
    out = tmp_path_factory.mktemp("site")
    build_site.copy_mathjax(out)
    exporter = HTMLExporter(extra_template_basedirs=[str(ROOT / "tools")], template_name="site_template",
                            mathjax_url=build_site.MATHJAX_URL)

    def page(name):
        nb = nbformat.read(EXECUTED / name, as_version=4)
        title = build_site.title_of(nb, name)
        body, _ = exporter.from_notebook_node(nb, resources={"course": {"prev": None, "next": None, "all": "All lessons", "switch": []},
                                                             "metadata": {"name": title}})
        target = out / (name.replace(".ipynb", ".html"))
        target.write_text(body, encoding="utf-8")
        return target.name

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    handler.log_message = lambda *a, **k: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", page
    server.shutdown()


@pytest.mark.parametrize("name", LESSONS)
def test_diagrams_render_in_the_static_site_offline(name, run_lesson, site_pages, tmp_path):
    from playwright.sync_api import sync_playwright
    titles = expected(run_lesson, name)
    if not titles:
        pytest.skip(f"{name} shows no diagram")
    served, export = site_pages
    page_name = export(name)
    with sync_playwright() as p:
        context = launch_chromium(p, tmp_path, served, viewport={"width": 1300, "height": 900})
        try:
            page = context.new_page()
            errors = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(served + page_name)
            page.locator(LAB_DIAGRAMS).first.wait_for(state="attached", timeout=30000)
            check_diagrams(page, LAB_DIAGRAMS, titles, f"site, {name}", f"site-{name[:2]}")
            assert not errors, errors
        finally:
            context.close()


@pytest.mark.parametrize("name", LESSONS)
def test_diagrams_render_in_nbconvert_html_offline(name, run_lesson, tmp_path):
    """The lesson exported by plain nbconvert (its default template), opened from disk, offline."""
    from nbconvert import HTMLExporter
    from playwright.sync_api import sync_playwright
    titles = expected(run_lesson, name)
    if not titles:
        pytest.skip(f"{name} shows no diagram")
    body, _ = HTMLExporter().from_notebook_node(nbformat.read(EXECUTED / name, as_version=4))
    page_file = tmp_path / name.replace(".ipynb", ".html")
    page_file.write_text(body, encoding="utf-8")
    with sync_playwright() as p:
        context = launch_chromium(p, tmp_path, "file:", offline=True, viewport={"width": 1300, "height": 900})
        try:
            page = context.new_page()
            page.goto(page_file.as_uri())
            page.locator(LAB_DIAGRAMS).first.wait_for(state="attached", timeout=30000)
            check_diagrams(page, LAB_DIAGRAMS, titles, f"nbconvert HTML, {name}", f"html-{name[:2]}")
        finally:
            context.close()
