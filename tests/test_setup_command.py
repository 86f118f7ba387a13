"""The README's set-up command: clear refusals when a prerequisite is missing, and the main job
(JupyterLab on the lessons) started headless, asked over its REST API, and stopped."""
import json
import shutil
import socket
import subprocess
import urllib.request

import pytest

from conftest import ROOT, lessons, main_job

COURSE = ROOT / "course"
# What the script needs from the system besides the prerequisites under test.
BASICS = ["dirname", "sed", "head", "id", "find", "cat", "rm", "mkdir", "env", "sh", "uname", "readlink", "basename"]


def fake_path(tmp_path, keep, extra=None):
    """A PATH with only the named real commands, plus fake ones given as shell scripts."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name in BASICS + keep:
        real = shutil.which(name)
        if real:
            (bin_dir / name).symlink_to(real)
    for name, script in (extra or {}).items():
        f = bin_dir / name
        f.write_text("#!/bin/sh\n" + script)
        f.chmod(0o755)
    return str(bin_dir)


def run_course(tmp_path, path, *args):
    venv = tmp_path / "venv"
    env = {"PATH": path, "HOME": str(tmp_path), "COURSE_VENV": str(venv)}
    r = subprocess.run(["/bin/bash", str(COURSE), *args], env=env, capture_output=True, text=True, timeout=60)
    return r, venv


def assert_refused(r, venv, *words):
    assert r.returncode != 0
    lines = [l for l in r.stderr.splitlines() if l.strip()]
    assert len(lines) == 1, f"expected one clear line, got: {r.stderr!r}"
    for w in words:
        assert w in lines[0], lines[0]
    assert not venv.exists(), "nothing may be installed when a prerequisite is missing"


def test_missing_java_is_one_clear_line(tmp_path):
    r, venv = run_course(tmp_path, fake_path(tmp_path, ["python3", "mvn"]), "build")
    assert_refused(r, venv, "Java is missing", "17")


def test_old_java_is_refused(tmp_path):
    old = 'echo "    java.specification.version = 11" >&2\necho \'openjdk version "11.0.2"\' >&2\n'
    r, venv = run_course(tmp_path, fake_path(tmp_path, ["python3", "mvn", "javac"], {"java": old}), "build")
    assert_refused(r, venv, "Java 11 is too old", "17")


def test_missing_maven_is_one_clear_line(tmp_path):
    r, venv = run_course(tmp_path, fake_path(tmp_path, ["python3", "java", "javac"]), "build")
    assert_refused(r, venv, "Maven is missing")


def test_missing_python_is_one_clear_line(tmp_path):
    r, venv = run_course(tmp_path, fake_path(tmp_path, ["java", "javac", "mvn"]), "build")
    assert_refused(r, venv, "Python is missing", "3.10")


def get_json(url):
    with urllib.request.urlopen(url, timeout=5) as resp:
        return json.load(resp)


def test_busy_port_is_refused_with_a_clear_line():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        r = subprocess.run([str(COURSE), "--headless", "--port", str(port)], capture_output=True, text=True, timeout=120)
    assert r.returncode != 0
    assert f"Port {port} is in use" in r.stderr


def test_main_job_serves_the_lessons_on_the_java_kernel(tmp_path):
    with main_job(tmp_path) as (base, token):
        specs = get_json(f"{base}/api/kernelspecs?token={token}")
        assert "java" in specs["kernelspecs"], f"kernelspecs: {list(specs['kernelspecs'])}"
        assert specs["kernelspecs"]["java"]["spec"]["language"] == "java"
        listing = get_json(f"{base}/api/contents/?token={token}")
        names = sorted(item["name"] for item in listing["content"] if item["name"].endswith(".ipynb"))
        assert names == [p.name for p in lessons()]


def test_lang_vi_serves_the_vietnamese_edition_and_a_wrong_language_is_refused(tmp_path):
    with main_job(tmp_path, "--lang", "vi") as (base, token):
        listing = get_json(f"{base}/api/contents/?token={token}")
        names = sorted(item["name"] for item in listing["content"] if item["name"].endswith(".ipynb"))
        assert names == sorted(p.name for p in (ROOT / "notebooks-vi").glob("[0-9][0-9]-*.ipynb"))
        assert names, "notebooks-vi/ holds no lesson"
        first = get_json(f"{base}/api/contents/{names[0]}?token={token}")
        assert 'Course.setLanguage(\\"vi\\")' in json.dumps(first["content"]), "served the English copy"
    r = subprocess.run([str(COURSE), "--lang", "fr", "--headless"], capture_output=True, text=True, timeout=120)
    assert r.returncode != 0
    assert "--lang takes en (English, the default) or vi (Vietnamese), got 'fr'" in r.stderr
