"""JupyterLab itself, as a learner uses it: the main job started headless, lesson 00 opened in
Chromium, Run All, and the plot appears. A screenshot is saved under tests/output/ to look at."""
import os
import shutil

import pytest

from conftest import NOTEBOOKS, OUTPUT, launch_chromium, main_job


@pytest.fixture()
def lab(tmp_path):
    # A copy of the lessons: running cells in JupyterLab must not save outputs into notebooks/.
    work = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, work)
    with main_job(tmp_path, f"--root-dir={work}", token="browser-test-token") as (base, token):
        yield base, token


def test_lesson_00_runs_in_jupyterlab_and_draws_its_plot(lab, tmp_path):
    from playwright.sync_api import sync_playwright
    base, token = lab
    with sync_playwright() as p:
        # Only JupyterLab on 127.0.0.1 is reachable: the plot must come from the library, not a CDN.
        context = launch_chromium(p, tmp_path, base, viewport={"width": 1400, "height": 1000})
        try:
            page = context.new_page()
            errors = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(f"{base}/lab/workspaces/browser-test/tree/00-setup.ipynb?reset&token={token}")
            page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120000)
            # Once the kernel is up (the status bar says so), the toolbar's "restart and run all".
            page.wait_for_selector("text=Java (jjava) | Idle", timeout=120000)
            page.locator("[data-command='notebook:restart-run-all']").first.click()
            page.locator(".jp-Dialog .jp-mod-accept").click()
            try:
                page.wait_for_selector(".jp-OutputArea svg.main-svg", timeout=int(os.environ.get("LAB_WAIT_MS", "180000")))
            except Exception:
                page.screenshot(path=str(OUTPUT / "jupyterlab-00-setup-failure.png"))
                raise
            page.wait_for_selector("text=✔ the table squares (10 rows of n and n²) is right.", timeout=int(os.environ.get("LAB_WAIT_MS", "180000")))
            page.locator(".jp-OutputArea svg.main-svg").first.scroll_into_view_if_needed()
            OUTPUT.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(OUTPUT / "jupyterlab-00-setup.png"))
            assert page.locator(".jp-OutputArea table.rnn-course-table").count() >= 2
            assert not [e for e in errors if "Plotly" in e], errors
        finally:
            context.close()
