"""Keeps the Vietnamese edition of the lessons (notebooks-vi/) aligned with the English one (notebooks/).

    python tools/editions.py check [NOTEBOOK ...]      report drift; exit 1 when there is any
    python tools/editions.py sync [NOTEBOOK ...]       carry the English code and cell layout over
    python tools/editions.py new NOTEBOOK              make the Vietnamese copy of an English lesson
    python tools/editions.py translated NOTEBOOK [--cells 3,5]
                                                       record that its markdown cells are translated

The code of a lesson is written once, in English: the two editions have the same cells in the same
order, with the same metadata (nbgrader's included), and byte-identical code cells but for the one
setting that chooses the language, `Course.setLanguage("en")` / `Course.setLanguage("vi")`. Only the
markdown differs. Each Vietnamese markdown cell records which English text it translates
(`metadata.translation.from`, a hash of the English source), so when the English cell changes, `check`
names the translation as stale instead of letting the editions drift apart in silence.

NOTEBOOK is a file name such as 03-rnn-cell.ipynb (or a path to either edition's copy).
"""
import argparse
import copy
import difflib
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENGLISH = ROOT / "notebooks"
VIETNAMESE = ROOT / "notebooks-vi"
LANGUAGE_SETTING = re.compile(r'Course\.setLanguage\("(?P<lang>[a-z]{2})"\)')
EDITION_LANG = {ENGLISH: "en", VIETNAMESE: "vi"}


def read(path):
    return json.loads(path.read_text(encoding="utf-8"))


def write(path, nb):
    """Writes as Jupyter does (1-space indent, UTF-8 kept), through a temporary file, so a crash
    never leaves half a notebook behind."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(path)


def source(cell):
    s = cell.get("source", "")
    return "".join(s) if isinstance(s, list) else s


def as_lines(text):
    return text.splitlines(keepends=True)


def fingerprint(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def for_language(code, lang):
    return LANGUAGE_SETTING.sub(f'Course.setLanguage("{lang}")', code)


def neutral(code):
    return for_language(code, "xx")


def plain_metadata(cell):
    return {k: v for k, v in cell.get("metadata", {}).items() if k != "translation"}


def key(cell, vietnamese):
    """What must match for two cells to be the same cell of the lesson."""
    if cell["cell_type"] == "code":
        return ("code", neutral(source(cell)))
    if vietnamese:
        t = cell.get("metadata", {}).get("translation", {})
        # an untranslated cell still holds the English text, so that text is what it matches
        return ("markdown", fingerprint(source(cell)) if t.get("untranslated") else t.get("from"))
    return ("markdown", fingerprint(source(cell)))


def untranslated(english_cell):
    cell = copy.deepcopy(english_cell)
    cell.setdefault("metadata", {})["translation"] = {"untranslated": True}
    return cell


def code_for_vietnamese(english_cell):
    cell = copy.deepcopy(english_cell)
    cell["source"] = as_lines(for_language(source(english_cell), "vi"))
    return cell


def name_of(arg):
    return Path(arg).name


def lesson_names(args):
    if args:
        return [name_of(a) for a in args]
    return sorted(p.name for p in ENGLISH.glob("[0-9][0-9]-*.ipynb"))


def problems(name):
    """Everything that keeps the two editions of one lesson from being the same lesson."""
    en_path, vi_path = ENGLISH / name, VIETNAMESE / name
    if not en_path.is_file():
        return [f"{name}: no English lesson notebooks/{name}"]
    if not vi_path.is_file():
        return [f"{name}: the Vietnamese edition has no notebooks-vi/{name} (make it with: tools/editions.py new {name})"]
    en, vi = read(en_path), read(vi_path)
    found = []
    for path, nb, lang in ((en_path, en, "en"), (vi_path, vi, "vi")):
        settings = [m.group("lang") for c in nb["cells"] if c["cell_type"] == "code"
                    for m in LANGUAGE_SETTING.finditer(source(c))]
        if settings != [lang]:
            found.append(f"{name}: {path.parent.name}/ should set its language once, with "
                         f'Course.setLanguage("{lang}") in the set-up cell; found {settings or "none"}')
    if len(en["cells"]) != len(vi["cells"]):
        found.append(f"{name}: {len(en['cells'])} cells in English, {len(vi['cells'])} in Vietnamese "
                     "(run tools/editions.py sync, then translate the new cells)")
    for i, (e, v) in enumerate(zip(en["cells"], vi["cells"])):
        where = f"{name} cell {i}"
        first = source(e).strip().splitlines()[0][:60] if source(e).strip() else "(empty)"
        if e["cell_type"] != v["cell_type"]:
            found.append(f"{where}: {e['cell_type']} in English, {v['cell_type']} in Vietnamese")
            continue
        if e.get("id") != v.get("id"):
            found.append(f"{where}: cell id {v.get('id')!r} in Vietnamese, {e.get('id')!r} in English "
                         "(run tools/editions.py sync)")
        if plain_metadata(e) != plain_metadata(v):
            found.append(f"{where}: cell metadata differs between the editions ({first!r})")
        if e["cell_type"] == "code":
            if neutral(source(e)) != neutral(source(v)):
                found.append(f"{where}: code differs between the editions ({first!r}); the English cell is "
                             "the source: run tools/editions.py sync")
        elif e["cell_type"] == "markdown":
            t = v.get("metadata", {}).get("translation", {})
            if t.get("untranslated") or "from" not in t:
                found.append(f"{where}: not translated yet ({first!r})")
            elif t["from"] != fingerprint(source(e)):
                found.append(f"{where}: stale translation, the English cell changed since ({first!r}); "
                             "update the Vietnamese text, then run tools/editions.py translated "
                             f"{name} --cells {i}")
    if plain_top(en) != plain_top(vi):
        found.append(f"{name}: notebook metadata differs between the editions")
    return found


def plain_top(nb):
    return {"metadata": nb.get("metadata"), "nbformat": nb.get("nbformat"), "nbformat_minor": nb.get("nbformat_minor")}


def synced(en, vi):
    """The Vietnamese notebook with the English layout and code: cells matched by their code and by
    the English text each translation was made from; a Vietnamese markdown cell whose English cell
    changed in place keeps its (now stale) text; new English markdown arrives untranslated."""
    en_keys = [key(c, vietnamese=False) for c in en["cells"]]
    vi_keys = [key(c, vietnamese=True) for c in vi["cells"]]
    cells = []
    matcher = difflib.SequenceMatcher(a=vi_keys, b=en_keys, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        olds, news = vi["cells"][a0:a1], en["cells"][b0:b1]
        for j, e in enumerate(news):
            old = olds[j] if op in ("equal", "replace") and j < len(olds) else None
            if e["cell_type"] == "code":
                cells.append(code_for_vietnamese(e))
            elif old is not None and old["cell_type"] == e["cell_type"] == "markdown":
                cell = copy.deepcopy(old)
                if "id" in e:
                    cell["id"] = e["id"]  # the English cell's id: a translation matched elsewhere must not keep a duplicate
                cell["metadata"] = {**copy.deepcopy(e.get("metadata", {})),
                                    "translation": old.get("metadata", {}).get("translation", {"untranslated": True})}
                cells.append(cell)
            elif e["cell_type"] == "markdown":
                cells.append(untranslated(e))
            else:
                cells.append(copy.deepcopy(e))
    out = copy.deepcopy(vi)
    out["cells"] = cells
    out.update(copy.deepcopy(plain_top(en)))
    return out


def cmd_check(args):
    all_found = []
    for name in lesson_names(args.notebooks):
        all_found += problems(name)
    if not args.notebooks:
        extra = sorted(p.name for p in VIETNAMESE.glob("*.ipynb") if not (ENGLISH / p.name).is_file())
        all_found += [f"{n}: in notebooks-vi/ but not in notebooks/ (renamed or removed in English?)" for n in extra]
    for line in all_found:
        print(line)
    if all_found:
        print(f"{len(all_found)} problem(s) between the editions", file=sys.stderr)
        return 1
    print("the two editions are aligned: same cells, same code, every translation up to date")
    return 0


def cmd_sync(args):
    for name in lesson_names(args.notebooks):
        en_path, vi_path = ENGLISH / name, VIETNAMESE / name
        if not vi_path.is_file():
            print(f"{name}: no Vietnamese copy yet (tools/editions.py new {name})")
            continue
        before = read(vi_path)
        after = synced(read(en_path), before)
        if after != before:
            write(vi_path, after)
            print(f"{name}: synced")
    return 0


def cmd_new(args):
    name = name_of(args.notebook)
    en_path, vi_path = ENGLISH / name, VIETNAMESE / name
    if not en_path.is_file():
        sys.exit(f"editions: no English lesson notebooks/{name}")
    if vi_path.exists():
        sys.exit(f"editions: notebooks-vi/{name} exists already; use sync, it keeps the translations")
    en = read(en_path)
    vi = copy.deepcopy(en)
    vi["cells"] = [code_for_vietnamese(c) if c["cell_type"] == "code"
                   else untranslated(c) if c["cell_type"] == "markdown" else copy.deepcopy(c)
                   for c in en["cells"]]
    VIETNAMESE.mkdir(exist_ok=True)
    write(vi_path, vi)
    print(f"made notebooks-vi/{name}: translate its markdown cells, then run tools/editions.py translated {name}")
    return 0


def cmd_translated(args):
    name = name_of(args.notebook)
    en, vi_path = read(ENGLISH / name), VIETNAMESE / name
    vi = read(vi_path)
    if len(en["cells"]) != len(vi["cells"]):
        sys.exit(f"editions: {name} has {len(en['cells'])} cells in English and {len(vi['cells'])} in "
                 "Vietnamese: run tools/editions.py sync first")
    wanted = None
    if args.cells:
        try:
            wanted = {int(x) for x in args.cells.split(",") if x.strip()}
        except ValueError:
            sys.exit(f"editions: --cells takes cell numbers such as 3,5; got {args.cells!r}")
    stamped = 0
    for i, (e, v) in enumerate(zip(en["cells"], vi["cells"])):
        if v["cell_type"] != "markdown" or (wanted is not None and i not in wanted):
            continue
        if e["cell_type"] != "markdown":
            sys.exit(f"editions: {name} cell {i} is markdown in Vietnamese, {e['cell_type']} in English: run sync")
        if wanted is None:
            t = v.get("metadata", {}).get("translation", {})
            if not t.get("untranslated") or (source(v) == source(e) and source(e).strip()):
                # stamped already (a stale one needs --cells: only you know it is updated), or
                # still the English text
                continue
        v.setdefault("metadata", {})["translation"] = {"from": fingerprint(source(e))}
        stamped += 1
    write(vi_path, vi)
    print(f"{name}: {stamped} markdown cell(s) recorded as translated")
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("check", help="report drift between the editions")
    p.add_argument("notebooks", nargs="*")
    p.set_defaults(run=cmd_check)
    p = sub.add_parser("sync", help="carry English code and layout into the Vietnamese edition")
    p.add_argument("notebooks", nargs="*")
    p.set_defaults(run=cmd_sync)
    p = sub.add_parser("new", help="make the Vietnamese copy of an English lesson")
    p.add_argument("notebook")
    p.set_defaults(run=cmd_new)
    p = sub.add_parser("translated", help="record that markdown cells are translated")
    p.add_argument("notebook")
    p.add_argument("--cells", help="only these cell numbers (comma-separated); default: every markdown "
                                   "cell marked untranslated whose text is no longer the English one")
    p.set_defaults(run=cmd_translated)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
