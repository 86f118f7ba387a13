"""environment.yml (conda, Binder) pins the same Python stack as requirements.txt (the set-up)."""
import re

import yaml

from conftest import ROOT


def requirements():
    pins = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, version = line.split("==")
            pins[name.lower()] = version
    return pins


def environment():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda, pip = {}, {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            for p in dep.get("pip", []):
                name, version = p.split("==")
                pip[name.lower()] = version
        else:
            m = re.match(r"^([A-Za-z0-9_.\-]+)\s*=?=?\s*(\S*)$", dep)
            conda[m.group(1).lower()] = m.group(2)
    return env, conda, pip


def test_environment_names_every_pinned_package_with_the_same_version():
    _, conda, pip = environment()
    for name, version in requirements().items():
        got = conda.get(name, pip.get(name))
        assert got is not None, f"{name} is in requirements.txt but not in environment.yml"
        assert got == version, f"{name}: requirements.txt pins {version}, environment.yml {got}"
    extra = (set(conda) | set(pip)) - set(requirements()) - {"python", "openjdk", "maven", "pip"}
    assert not extra, f"environment.yml names packages the set-up does not install: {extra}"


def test_environment_has_java_17_maven_and_python_from_conda_forge():
    env, conda, _ = environment()
    assert "conda-forge" in env["channels"]
    assert conda.get("openjdk", "").startswith("17")
    assert "maven" in conda
    assert re.match(r"3\.(1[0-9])", conda.get("python", "")), conda.get("python")
    assert "jjava" not in conda, "jjava comes from PyPI"
