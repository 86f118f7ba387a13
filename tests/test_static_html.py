"""Lesson 00 exported by nbconvert and opened in headless Chromium with no network draws its plot."""
import subprocess
import sys

from conftest import EXECUTED, OUTPUT, launch_chromium


def export_html(name):
    executed = EXECUTED / name
    out_dir = OUTPUT / "html"
    subprocess.run([sys.executable, "-m", "nbconvert", "--to", "html", "--output-dir", str(out_dir), str(executed)],
                   check=True, capture_output=True)
    return out_dir / executed.with_suffix(".html").name


def test_lesson_00_html_draws_its_plot_offline(run_lesson, tmp_path):
    from playwright.sync_api import sync_playwright

    assert run_lesson("00-setup.ipynb").error is None
    page_file = export_html("00-setup.ipynb")
    html = page_file.read_text()
    assert "file:///usr/share" not in html
    with sync_playwright() as p:
        # Only the page itself may load: anything from the network is refused.
        context = launch_chromium(p, tmp_path, "file:", offline=True)
        try:
            page = context.new_page()
            errors = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(page_file.as_uri())
            page.wait_for_selector("svg.main-svg", timeout=20000)
            assert page.locator("svg.main-svg").count() >= 1
            assert page.locator("table.rnn-course-table").count() >= 2
            assert not [e for e in errors if "Plotly" in e], errors
            page.screenshot(path=str(OUTPUT / "00-setup-static.png"), full_page=True)
        finally:
            context.close()
