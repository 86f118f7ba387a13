"""The classroom files (classroom/, README.md "A classroom on JupyterHub") pass the tools' own checks."""
import json

import jsonschema
import pytest
import yaml

from conftest import ROOT

CLASSROOM = ROOT / "classroom"
CHART = CLASSROOM / "z2jh-4.3.2"


def merged(defaults, values):
    """Helm's merge of a user's values into the chart's defaults (maps merge, everything else replaces)."""
    out = dict(defaults)
    for key, value in values.items():
        out[key] = merged(defaults[key], value) if isinstance(value, dict) and isinstance(defaults.get(key), dict) else value
    return out


def config():
    return yaml.safe_load((CLASSROOM / "config.yaml").read_text())


def test_config_yaml_is_valid_for_the_zero_to_jupyterhub_chart():
    schema = json.loads((CHART / "values.schema.json").read_text())
    defaults = yaml.safe_load((CHART / "values.yaml").read_text())
    jsonschema.validate(merged(defaults, config()), schema)


def test_the_schema_check_catches_a_misspelt_key():
    schema = json.loads((CHART / "values.schema.json").read_text())
    defaults = yaml.safe_load((CHART / "values.yaml").read_text())
    wrong = config()
    wrong["singleuser"]["extraFile"] = wrong["singleuser"].pop("extraFiles")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(merged(defaults, wrong), schema)


def load_nbgrader_config(path, env=None):
    """The config file as nbgrader's own loader (traitlets) reads it."""
    import os
    from traitlets.config.loader import PyFileConfigLoader
    saved = dict(os.environ)
    os.environ.update(env or {})
    try:
        return PyFileConfigLoader(path.name, path=str(path.parent)).load_config()
    finally:
        os.environ.clear()
        os.environ.update(saved)


def test_students_and_instructor_use_the_mounted_exchange(tmp_path):
    single = config()["singleuser"]
    mount = single["storage"]["extraVolumeMounts"]["nbgrader-exchange"]["mountPath"]
    assert single["extraEnv"]["COURSE_EXCHANGE"] == mount
    students = single["extraFiles"]["nbgrader-students"]
    assert students["mountPath"] == "/etc/jupyter/nbgrader_config.py"
    (tmp_path / "nbgrader_config.py").write_text(students["stringData"])
    c = load_nbgrader_config(tmp_path / "nbgrader_config.py")
    assert c.Exchange.root == mount and c.CourseDirectory.course_id == "rnn-course"
    instructor = load_nbgrader_config(ROOT / "nbgrader_config.py", {"COURSE_EXCHANGE": mount})
    assert instructor.Exchange.root == mount and instructor.CourseDirectory.course_id == "rnn-course"


def test_readme_quotes_the_config_file_it_points_to():
    readme = (ROOT / "README.md").read_text()
    assert "classroom/config.yaml" in readme
    assert "jupyter-repo2docker" in readme and "--no-run" in readme
