#!/usr/bin/env python3
"""Navigation between the lessons: a first and a last cell in every notebooks/NN-*.ipynb, and a contents page.

    python scripts/nav.py            # insert or update the navigation cells and notebooks/README.md
    python scripts/nav.py --check    # change nothing; exit 1 if a notebook's navigation is missing or outdated

Each lesson gets the same markdown cell at its top and at its bottom:

    ← [previous lesson's title](NN-previous.ipynb) | [Contents](README.md) | [next lesson's title](NN-next.ipynb) →

The cells are tagged ``nav`` (and marked read-only for JupyterLab); the script replaces exactly those, so it
can run again after a lesson is added, renamed or retitled. Titles are each notebook's H1 (the first
``# ...`` line of its first markdown cell); lessons are ordered by their number NN. The contents page
``notebooks/README.md`` lists them. Only these cells and that file change: notebooks are not executed, their
outputs stay as stored, and they are written in nbformat's layout, as the repository keeps them.
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
CONTENTS = "README.md"            # the contents page, next to the notebooks
NAV_TAG = "nav"
LESSON_RE = re.compile(r"^(\d\d)-[A-Za-z0-9._-]+\.ipynb$")


class NavError(Exception):
    """A notebook the script cannot place: no title, a clashing number, unreadable JSON."""


@dataclass(frozen=True)
class Lesson:
    number: str
    path: Path
    title: str

    @property
    def name(self) -> str:
        return self.path.name


def rel(path: Path) -> str:
    """A path as the messages show it: from the repository's root when it is inside."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def is_nav(cell) -> bool:
    return NAV_TAG in cell.get("metadata", {}).get("tags", [])


def read(path: Path):
    try:
        return nbformat.read(path, as_version=4)
    except Exception as e:  # JSON or schema errors: say which file
        raise NavError(f"{rel(path)}: not a readable notebook ({type(e).__name__}: {e})") from None


def title_of(path: Path, nb) -> str:
    """The notebook's H1: the first '# ' line of its first markdown cell that is not a navigation cell."""
    for cell in nb.cells:
        if cell.cell_type == "markdown" and not is_nav(cell):
            for line in cell.source.splitlines():
                m = re.match(r"^#\s+(.+?)\s*#*\s*$", line)
                if m:
                    return m.group(1)
            break
    raise NavError(f"{rel(path)}: its first markdown cell has no '# title' line (every lesson "
                   "starts with an H1)")


def lessons(folder: Path = NOTEBOOKS) -> list[Lesson]:
    """Every notebooks/NN-*.ipynb, ordered by NN, with its title."""
    found: dict[str, Lesson] = {}
    for path in sorted(folder.glob("[0-9][0-9]-*.ipynb")):
        m = LESSON_RE.match(path.name)
        if not m:
            raise NavError(f"{rel(path)}: lesson names are NN-name.ipynb with letters, digits, "
                           "'.', '_' or '-' (they appear in links)")
        if m.group(1) in found:
            raise NavError(f"two lessons numbered {m.group(1)}: {found[m.group(1)].name} and {path.name}")
        found[m.group(1)] = Lesson(m.group(1), path, title_of(path, read(path)))
    if not found:
        raise NavError(f"no lessons (NN-*.ipynb) in {rel(folder)}/")
    return [found[k] for k in sorted(found)]


def link_text(title: str) -> str:
    return title.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def nav_line(course: list[Lesson], i: int) -> str:
    parts = []
    if i > 0:
        prev = course[i - 1]
        parts.append(f"← [{link_text(prev.title)}]({prev.name})")
    parts.append(f"[Contents]({CONTENTS})")
    if i + 1 < len(course):
        nxt = course[i + 1]
        parts.append(f"[{link_text(nxt.title)}]({nxt.name}) →")
    return " | ".join(parts)


def nav_cell(text: str, where: str):
    cell = nbformat.v4.new_markdown_cell(text)
    cell.id = f"nav-{where}"
    # JupyterLab keeps cells marked so from being edited or deleted by accident; the script owns them
    cell.metadata = {"deletable": False, "editable": False, "tags": [NAV_TAG]}
    return cell


def with_nav(nb, line: str):
    """The notebook with its navigation cells replaced: one at the top, one at the bottom."""
    body = [c for c in nb.cells if not is_nav(c)]
    new = nbformat.from_dict(nb)
    new.cells = [nav_cell(line, "top")] + body + [nav_cell(line, "bottom")]
    return new


def contents_page(course: list[Lesson]) -> str:
    lines = ["# ParLab: the lessons", "",
             "<!-- Written by scripts/nav.py from the notebooks' titles: run it again after adding a lesson. -->",
             ""]
    lines += [f"* [{link_text(lesson.title)}]({lesson.name})" for lesson in course]
    lines += ["", "Start with the first, which shows how the course works. Every notebook runs on the "
              "**Java (ParLab)** kernel; see the repository's README for setting it up.", ""]
    return "\n".join(lines)


def plan(folder: Path = NOTEBOOKS) -> dict[Path, str]:
    """Every file the navigation needs, with its content; only files whose content differs need writing."""
    course = lessons(folder)
    out = {}
    for i, lesson in enumerate(course):
        nb = read(lesson.path)
        text = nbformat.writes(with_nav(nb, nav_line(course, i))) + "\n"   # nbformat.write's layout
        if lesson.path.read_text(encoding="utf-8") != text:
            out[lesson.path] = text
    contents = folder / CONTENTS
    text = contents_page(course)
    if not contents.is_file() or contents.read_text(encoding="utf-8") != text:
        out[contents] = text
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true",
                    help="change nothing; exit 1 and name the files whose navigation is missing or outdated")
    ap.add_argument("--notebooks", type=Path, default=NOTEBOOKS, metavar="DIR",
                    help="the folder of the lessons (default: notebooks/)")
    args = ap.parse_args(argv)
    if not args.notebooks.is_dir():
        ap.error(f"--notebooks {args.notebooks}: no such folder")
    try:
        changes = plan(args.notebooks)
    except NavError as e:
        print(f"scripts/nav.py: {e}", file=sys.stderr)
        return 2
    names = [rel(p) for p in changes]
    if args.check:
        if changes:
            print("navigation missing or outdated in: " + ", ".join(names) +
                  "\nrun: python scripts/nav.py", file=sys.stderr)
            return 1
        return 0
    for path, text in changes.items():
        path.write_text(text, encoding="utf-8")
    print(("updated: " + ", ".join(names)) if changes else "navigation up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
