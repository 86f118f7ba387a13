"""The static site (readers): every lesson as a page with previous/next links and an index, in both
editions (English at the root, Vietnamese under vi/, each page linking to its twin), and in
headless Chromium with the network off: no console errors, plots drawn, formulas typeset."""
import os
import re

import pytest

from conftest import EXECUTED, NOTEBOOKS_VI, OUTPUT, launch_chromium, lessons

SITE = OUTPUT / "site"


def vi_lessons():
    return sorted(NOTEBOOKS_VI.glob("[0-9][0-9]-*.ipynb"))


@pytest.fixture(scope="module")
def site(run_lesson):
    import sys
    sys.path.insert(0, str(OUTPUT.parent.parent / "tools"))
    import build_site
    for path in lessons():
        assert run_lesson(path.name).error is None, f"{path.name} did not run"
    for path in vi_lessons():
        assert run_lesson(path.name, edition="vi").error is None, f"notebooks-vi/{path.name} did not run"
    return build_site.build(SITE, executed_dir=EXECUTED)


def test_site_has_an_index_and_a_page_per_lesson_in_order(site):
    index = (site / "index.html").read_text()
    hrefs = re.findall(r'<li><a href="([^"]+)">', index)
    assert hrefs == [p.stem + ".html" for p in lessons()]
    for href in hrefs:
        assert (site / href).is_file()


def test_pages_link_to_previous_and_next_and_refer_to_no_local_path(site):
    pages = [p.stem + ".html" for p in lessons()]
    for i, name in enumerate(pages):
        text = (site / name).read_text()
        assert "file:///" not in text and "/usr/share/" not in text, name
        assert 'src="https://' not in text and "require.min.js" not in text, f"{name} loads from the network"
        if i > 0:
            assert f'class="prev" href="{pages[i - 1]}"' in text, name
        if i + 1 < len(pages):
            assert f'class="next" href="{pages[i + 1]}"' in text, name
    assert (site / "mathjax" / "MathJax.js").is_file()


@pytest.fixture(scope="module")
def served(site):
    """The site as a reader gets it: from a web server (here one on 127.0.0.1), nothing else reachable."""
    import functools
    import http.server
    import threading
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *a, **k: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_every_page_loads_offline_without_console_errors_and_renders(site, served, tmp_path):
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        context = launch_chromium(p, tmp_path, served)
        try:
            for page_file in site_pages(site):
                page = context.new_page()
                problems = []
                page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
                page.on("pageerror", lambda e: problems.append(str(e)))
                page.goto(served + page_file.relative_to(site).as_posix())
                source = page_file.read_text()
                if "Plotly.newPlot" in source:
                    page.wait_for_selector("svg.main-svg", timeout=20000)
                if re.search(r"\$[^$\n]+\$", source) and page_file.name != "index.html":
                    # MathJax 2 replaces each formula by a rendered span once typesetting is done.
                    page.wait_for_selector(".MathJax, .MathJax_Display, .MathJax_CHTML", state="attached", timeout=30000)
                page.wait_for_timeout(300)
                assert not problems, f"{page_file.name}: {problems}"
                page.close()
        finally:
            context.close()


class _Links(__import__("html.parser").parser.HTMLParser):
    """Every link (a/link href, script/img/iframe/source src) of a page, and every id or name it defines."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.anchors = [], set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("id", "name"):
            if a.get(key):
                self.anchors.add(a[key])
        attr = {"a": "href", "link": "href", "area": "href", "script": "src", "img": "src", "iframe": "src",
                "source": "src", "video": "src", "audio": "src"}.get(tag)
        if attr and a.get(attr) is not None:
            self.links.append((tag, a[attr]))


def _parse(page):
    p = _Links()
    p.feed(page.read_text(encoding="utf-8"))
    return p


def site_pages(site):
    return sorted(p for p in site.rglob("*.html") if "mathjax" not in p.relative_to(site).parts)


def test_every_link_of_every_page_of_the_site_leads_somewhere(site):
    """Local files and anchors must exist; external links are listed, not fetched (no network here)."""
    from urllib.parse import unquote, urlsplit
    parsed = {page: _parse(page) for page in site_pages(site)}
    assert len(parsed) == len(lessons()) + 1 + (len(vi_lessons()) + 1 if vi_lessons() else 0), sorted(p.name for p in parsed)
    broken, external, checked = [], set(), 0
    for page, p in parsed.items():
        for tag, link in p.links:
            url = urlsplit(link)
            if url.scheme in ("data", "javascript", "mailto"):
                continue
            if url.scheme or link.startswith("//"):
                external.add(link)
                continue
            target = page if not url.path else (page.parent / unquote(url.path)).resolve()
            checked += 1
            if not target.is_file() or site.resolve() not in target.resolve().parents:
                broken.append(f"{page.name}: <{tag}> {link} (no file {target})")
                continue
            if url.fragment and target.suffix == ".html":
                anchors = parsed[target].anchors if target in parsed else _parse(target).anchors
                # As a browser does: the fragment as written, then percent-decoded (nbconvert writes
                # both the heading's id and its link percent-encoded: "Lesson-00-%C2%B7-…").
                if url.fragment not in anchors and unquote(url.fragment) not in anchors:
                    broken.append(f"{page.name}: <{tag}> {link} (no id \"{unquote(url.fragment)}\" in {target.name})")
    print(f"{checked} local links checked; {len(external)} external links, not fetched:")
    for link in sorted(external):
        print("  ", link)
    assert not broken, "broken links:\n" + "\n".join(broken)
    # The lessons link to each other: the index, previous/next, and the "Next:" line of each lesson.
    assert checked > 3 * len(lessons())


def switches(page):
    """The (hreflang, href) of each language-switch link of a page, in whatever order nbconvert wrote the attributes."""
    tags = re.findall(r'<a [^>]*class="language-switch"[^>]*>', page)
    return [(re.search(r'hreflang="([^"]+)"', t).group(1), re.search(r'href="([^"]+)"', t).group(1)) for t in tags]


def test_the_vietnamese_edition_has_its_index_and_pages_and_every_page_links_to_its_twin(site):
    vi = site / "vi"
    assert vi_lessons(), "notebooks-vi/ holds no lesson"
    hrefs = re.findall(r'<li><a href="([^"]+)">', (vi / "index.html").read_text(encoding="utf-8"))
    assert hrefs == [p.stem + ".html" for p in vi_lessons()]
    assert 'hreflang="vi" href="vi/index.html"' in (site / "index.html").read_text(encoding="utf-8")
    assert 'hreflang="en" href="../index.html"' in (vi / "index.html").read_text(encoding="utf-8")
    for path in vi_lessons():
        name = path.stem + ".html"
        en_page, vi_page = (site / name).read_text(encoding="utf-8"), (vi / name).read_text(encoding="utf-8")
        assert set(switches(en_page)) == {("vi", f"vi/{name}")}, name  # in the top and bottom bars
        assert set(switches(vi_page)) == {("en", f"../{name}")}, name
        assert '<html lang="vi">' in vi_page and "Tất cả bài học" in vi_page, name
        assert 'src="../mathjax/MathJax.js' in vi_page, name


def test_links_between_lessons_lead_to_their_pages_in_the_site(site):
    names = {p.stem for p in lessons()}
    for page in site_pages(site):
        for tag, link in _parse(page).links:
            stem = link.split("#")[0].rsplit(".", 1)[0]
            assert not (stem in names and link.split("#")[0].endswith(".ipynb")), f"{page.name} links to {link}"
    text = (site / "00-setup.html").read_text(encoding="utf-8")
    assert 'href="01-terminology.html"' in text.replace("'", '"'), "lesson 00's Next: link is not a site page"
    review = _parse(site / "12-review.html").links
    assert sum(1 for _, link in review if re.fullmatch(r"\d\d-[\w-]+\.html", link)) >= 12


def test_display_details_in_the_browser(site, served, tmp_path):
    """In Chromium, on the site's pages: log axes read in powers of ten only, the reviews' text column
    is left-aligned (JupyterLab's stylesheet right-aligns every cell), and a model summary sits in a
    monospaced block with normal line spacing, so its box lines join."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        context = launch_chromium(p, tmp_path, served)
        try:
            page = context.new_page()
            page.goto(served + "09-vanishing-exploding.html")
            page.wait_for_selector("svg.main-svg", timeout=20000)
            page.wait_for_timeout(500)
            labels = page.eval_on_selector_all(
                ".plot-container", """plots => plots
                    .filter(p => p.querySelector('.ytitle') && /log scale/.test(p.querySelector('.ytitle').textContent))
                    .map(p => Array.from(p.querySelectorAll('.ytick text')).map(t => t.textContent))""")
            assert len(labels) >= 3, f"lesson 09 has three log plots, found {len(labels)}"
            for ticks in labels:
                assert len(ticks) >= 2, ticks
                # 1, 10, or 10 and a superscript exponent: plotly's <sup> reads "10\u200b−18\u200b" in textContent.
                odd = [t for t in ticks if not re.fullmatch(r"1|10|10−?\d+", t.replace("\u200b", ""))]
                assert not odd, f"log axis labels that are not powers of ten: {odd} in {ticks}"
            page.screenshot(path=str(OUTPUT / "site-09-log-axes.png"), full_page=True)

            page.goto(served + "08-imdb-sentiment.html")
            cell = page.locator("table.rnn-course-table", has_text="Your reviews").locator("td").first
            assert cell.evaluate("td => getComputedStyle(td).textAlign") == "left"

            page.goto(served + "07-simplernn-keras-style.html")
            pre = page.locator("pre", has_text="Total params").first
            style = pre.evaluate("""pre => { const s = getComputedStyle(pre);
                                    return {lineHeight: s.lineHeight, font: s.fontFamily, size: parseFloat(s.fontSize),
                                            height: pre.getBoundingClientRect().height,
                                            lines: pre.textContent.split('\\n').length}; }""")
            assert style["lineHeight"] == "normal", style
            assert "mono" in style["font"].lower() or "menlo" in style["font"].lower(), style
            # Lines no further apart than the font's own height: box characters touch.
            assert style["height"] / style["lines"] <= 1.25 * style["size"], style
            pre.screenshot(path=str(OUTPUT / "site-07-summary.png"))
        finally:
            context.close()
