"""Binder / repo2docker and the other installations get the kernel settings that ./course writes.

- repo2docker (from PyPI, in a venv of its own under .venv/tools/) prints the Dockerfile it would
  build with --no-build, without Docker: it must install environment.yml and then run postBuild.
- postBuild's steps, run in a fresh environment (a new venv with only jjava, as the image has after
  environment.yml) on a copy of the repository as git holds it, leave a `java` kernelspec with the
  fast-path option and the course's jar (copied next to it, where JupyterHub's home volume cannot hide it).
- tools/configure_kernel.py, the one script of every set-up, on JJava and IJava kernelspecs.
"""
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import IJAVA_SOURCE, ROOT

REPO2DOCKER = "jupyter-repo2docker==2026.4.0"
TOOLS = Path(sys.prefix) / "tools" / "repo2docker"
CONFIGURE = ROOT / "tools" / "configure_kernel.py"


def pin(name):
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        if line.split("==")[0].strip().lower() == name:
            return line.strip()
    raise AssertionError(f"{name} is not pinned in requirements.txt")


def repo_copy(dest, without=()):
    """The repository as git holds it (what Binder clones), without the folders named."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for name in filter(None, files.split("\0")):
        if any(name == w or name.startswith(w + "/") for w in without) or not (ROOT / name).exists():
            continue
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, dest / name)
    return dest


def venv(path, *packages):
    subprocess.run([sys.executable, "-m", "venv", str(path)], check=True)
    if packages:
        r = subprocess.run([str(path / "bin" / "pip"), "install", "--quiet", "--disable-pip-version-check", *packages],
                           capture_output=True, text=True, timeout=600)
        assert r.returncode == 0, f"pip install {packages} failed:\n{r.stderr[-3000:]}"
    return path


@pytest.fixture(scope="module")
def repo2docker():
    exe = TOOLS / "bin" / "jupyter-repo2docker"
    if not exe.exists():
        shutil.rmtree(TOOLS, ignore_errors=True)
        venv(TOOLS, REPO2DOCKER)
    return exe


def dockerfile(repo2docker, repo):
    r = subprocess.run([str(repo2docker), "--no-build", "--debug", str(repo)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-3000:]
    return r.stdout + r.stderr


@pytest.mark.parametrize("copy", ["repository", "classroom image (no notebooks/)"])
def test_repo2docker_installs_environment_yml_then_runs_postbuild(repo2docker, tmp_path, copy):
    repo = repo_copy(tmp_path / "repo", without=("notebooks",) if copy.startswith("classroom") else ())
    text = dockerfile(repo2docker, repo)
    assert "Building conda environment" in text, text[:2000]
    env_update = text.index('--file "environment.yml"')
    copy_repo = text.index("COPY --chown=0:0 src/ ${REPO_DIR}/")
    post_build = text.index("RUN ./postBuild")
    assert env_update < copy_repo < post_build, "postBuild must run after the environment and the repository are in"


def test_postbuild_in_a_fresh_environment_leaves_the_fast_path_and_the_jar(tmp_path):
    env_dir = venv(tmp_path / "env", pin("jjava"))
    repo = repo_copy(tmp_path / "repo")
    r = subprocess.run(["bash", str(repo / "postBuild")], cwd=tmp_path,
                       env=dict(os.environ, PATH=f"{env_dir / 'bin'}:{os.environ['PATH']}"),
                       capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, f"postBuild failed:\n{r.stdout[-2000:]}\n{r.stderr[-3000:]}"
    kernel = env_dir / "share" / "jupyter" / "kernels" / "java"
    spec = json.loads((kernel / "kernel.json").read_text())
    assert spec["env"]["JJAVA_JVM_OPTS"] == "--add-modules jdk.incubator.vector"
    jar = Path(spec["env"]["JJAVA_CLASSPATH"])
    assert jar == kernel / "rnn-course.jar" and jar.stat().st_size > 1_000_000
    overrides = json.loads((env_dir / "share" / "jupyter" / "lab" / "settings" / "overrides.json").read_text())
    assert overrides["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"


def configure(*args):
    return subprocess.run([sys.executable, str(CONFIGURE), *map(str, args)], capture_output=True, text=True)


def test_configure_kernel_gives_ijava_the_jar_and_the_jvm_option_before_jar(tmp_path):
    jar = tmp_path / "rnn-course.jar"
    jar.write_bytes(b"PK")
    for _ in range(2):  # twice: the option is not added a second time
        r = configure("--prefix", tmp_path, "--install-ijava", IJAVA_SOURCE, "--jar", jar)
        assert r.returncode == 0, r.stderr
    spec = json.loads((tmp_path / "share/jupyter/kernels/java/kernel.json").read_text())
    argv = spec["argv"]
    assert argv[:4] == ["java", "--add-modules", "jdk.incubator.vector", "-jar"], argv
    assert argv.count("jdk.incubator.vector") == 1
    assert spec["env"] == {"IJAVA_CLASSPATH": str(jar)}
    assert (tmp_path / "share/jupyter/kernels/java" / Path(argv[4].replace("{resource_dir}/", "")).name).is_file()


def test_configure_kernel_on_jjava_sets_its_two_variables_and_keeps_the_rest(tmp_path):
    kernel = tmp_path / "share/jupyter/kernels/java"
    kernel.mkdir(parents=True)
    original = json.loads((Path(sys.prefix) / "share/jupyter/kernels/java/kernel.json").read_text())
    original["env"] = {"OTHER": "kept"}
    (kernel / "kernel.json").write_text(json.dumps(original))
    r = configure("--prefix", tmp_path, "--jar", tmp_path / "x.jar", "--grading-root", tmp_path / "grading")
    assert r.returncode == 0, r.stderr
    spec = json.loads((kernel / "kernel.json").read_text())
    assert spec["env"] == {"OTHER": "kept", "JJAVA_CLASSPATH": str(tmp_path / "x.jar"),
                           "JJAVA_JVM_OPTS": "--add-modules jdk.incubator.vector"}
    assert spec["argv"] == original["argv"]
    students = (tmp_path / "etc/jupyter/nbgrader_config.py").read_text()
    assert re.search(r"c\.Exchange\.root = .*'exchange'", students) and str(tmp_path / "grading") in students


def test_configure_kernel_refuses_a_missing_or_unknown_kernel_in_one_line(tmp_path):
    r = configure("--prefix", tmp_path)
    assert r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1
    assert "no Jupyter kernel" in r.stderr and "pip install jjava" in r.stderr
    kernel = tmp_path / "share/jupyter/kernels/java"
    kernel.mkdir(parents=True)
    (kernel / "kernel.json").write_text(json.dumps({"argv": ["python", "-m", "ipykernel"], "env": {}}))
    r = configure("--prefix", tmp_path)
    assert r.returncode == 1 and "neither JJava nor IJava" in r.stderr
    assert json.loads((kernel / "kernel.json").read_text())["env"] == {}, "an unknown kernel is left as it was"
