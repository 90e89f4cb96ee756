#!/usr/bin/env python3
"""The course as a static HTML site: every lesson executed afresh, then rendered by nbconvert.

    python scripts/build_site.py              # execute every notebooks/NN-*.ipynb, write target/site/
    python scripts/build_site.py --stored     # render the stored outputs instead (seconds; nothing executed)
    python scripts/build_site.py --out DIR    # write the site somewhere else

``./parlab site`` runs the first. The site has one page per lesson (NN-name.html, nbconvert's ``lab``
template, charts embedded) and ``index.html``, which lists the lessons in order by their H1 titles and says
how each one ran. Relative links are rewritten for the site: ``X.ipynb`` becomes ``X.html``, the contents page
(notebooks/README.md, written by scripts/nav.py) becomes ``index.html``, and any other file a lesson links to
is copied next to the pages. Notebooks are executed as the tests execute them (scripts/nbexec.py, a fresh
Java (ParLab) kernel each); the notebooks themselves are not changed. Exit status 1 if a lesson showed a
problem (its page is still written, with the error in it).
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import html
import os
import platform
import re
import shutil
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))

import nav  # noqa: E402

ROOT = nav.ROOT
NOTEBOOKS = nav.NOTEBOOKS
DEFAULT_OUT = ROOT / "target" / "site"
SITE_MARK = '<meta name="generator" content="ParLab course site">'  # marks a folder this script may replace
ATTR_RE = re.compile(r'''(\s(?:href|src)=)(["'])(.*?)\2''', re.IGNORECASE | re.DOTALL)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


def is_relative(url: str) -> bool:
    """A link to a file next to the page: no scheme, no host, not absolute, not only a fragment."""
    parts = urlsplit(url)
    return bool(parts.path) and not parts.scheme and not parts.netloc and not url.startswith("/")


def site_target(url: str) -> str:
    """Where a relative link of a notebook points in the site."""
    parts = urlsplit(url)
    path = parts.path
    if path == nav.CONTENTS:
        path = "index.html"
    elif path.endswith(".ipynb"):
        path = path[: -len(".ipynb")] + ".html"
    return path + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")


def rewrite_links(page: str) -> tuple[str, set[str]]:
    """The page with its relative links pointed at the site, and the other local files it links to."""
    others: set[str] = set()

    def fix(m: re.Match) -> str:
        url = html.unescape(m.group(3))
        if not is_relative(url):
            return m.group(0)
        new = site_target(url)
        path = unquote(urlsplit(new).path)
        if not path.endswith(".html"):
            others.add(path)
        return f"{m.group(1)}{m.group(2)}{html.escape(new, quote=True)}{m.group(2)}"

    return ATTR_RE.sub(fix, page), others


@contextlib.contextmanager
def stderr_to(path: Path):
    """Sends this process's stderr, which kernels inherit, to a file (JJava logs its event loops there)."""
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(path, "ab") as log:
            os.dup2(log.fileno(), 2)
        yield
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(saved)


def render(nb, title: str) -> str:
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab")
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    return body


def index_page(course: list[nav.Lesson], runs: dict[str, object] | None) -> str:
    rows = []
    for lesson in course:
        page = html.escape(lesson.name[: -len(".ipynb")] + ".html")
        status = ""
        run = runs.get(lesson.name) if runs else None
        if run is not None:
            first = run.problems[0] if run.problems else ""
            first = first if len(first) <= 150 else first[:149] + "…"
            more = f" (and {len(run.problems) - 1} more)" if len(run.problems) > 1 else ""
            status = (f' <span class="ok">✔ ran in {run.wall_s:.0f} s</span>' if run.ok else
                      f' <span class="bad">✘ {html.escape(first)}{more}</span>')
        rows.append(f'<li><a href="{page}">{html.escape(lesson.title)}</a>{status}</li>')
    if runs is None:
        how = "Outputs as stored in the notebooks."
    else:
        how = (f"Every lesson executed afresh on {html.escape(platform.node())} ({html.escape(platform.machine())}) "
               f"on {dt.datetime.now().strftime('%Y-%m-%d %H:%M')}, each in a new Java (ParLab) kernel: "
               "the numbers are that machine's.")
    items = "\n".join(rows)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{SITE_MARK}
<title>ParLab: the lessons</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }}
li {{ margin: 0.4rem 0; }}
.ok {{ color: #2a7d2a; font-size: 0.9em; }}
.bad {{ color: #b00020; font-size: 0.9em; }}
.how {{ color: #555; font-size: 0.9em; }}
</style>
</head>
<body>
<h1>ParLab: efficiency and parallelism, measured on the JVM</h1>
<p>The lessons, in order. Each page is a Jupyter notebook run on the Java (ParLab) kernel; every number in
it was measured and checked when it ran.</p>
<ul>
{items}
</ul>
<p class="how">{how}</p>
</body>
</html>
"""


def build(out: Path, execute: bool) -> int:
    course = nav.lessons()
    try:
        outdated = nav.plan()
    except nav.NavError:
        outdated = {}
    if outdated:
        print("note: navigation cells are outdated in " +
              ", ".join(nav.rel(p) for p in outdated) + " (run scripts/nav.py)", file=sys.stderr)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    runs = {} if execute else None
    executed = ROOT / "target" / "executed"
    kernel_log = executed / "kernel-stderr.log"   # the kernels' own log lines, out of the way
    kernel_log.unlink(missing_ok=True)
    linked: set[str] = set()
    for lesson in course:
        t0 = time.monotonic()
        if execute:
            import nbexec  # needs nbclient and psutil, not needed for --stored

            print(f"executing {lesson.name} ...", file=sys.stderr, flush=True)
            executed.mkdir(parents=True, exist_ok=True)
            with stderr_to(kernel_log):
                run = nbexec.execute(lesson.path, out_dir=executed)
            runs[lesson.name] = run
            for problem in run.problems:
                print(f"  ✘ {problem}", file=sys.stderr)
            nb = nbformat.read(executed / lesson.name, as_version=4)
        else:
            nb = nbformat.read(lesson.path, as_version=4)
        page, others = rewrite_links(render(nb, lesson.title))
        linked |= others
        (out / (lesson.path.stem + ".html")).write_text(page, encoding="utf-8")
        print(f"  {lesson.path.stem}.html ({time.monotonic() - t0:.1f} s)", file=sys.stderr)
    for rel in sorted(linked):
        src = (NOTEBOOKS / rel).resolve()
        if src.is_file() and NOTEBOOKS.resolve() in src.parents:
            (out / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, out / rel)
    (out / "index.html").write_text(index_page(course, runs), encoding="utf-8")
    failed = [name for name, run in (runs or {}).items() if not run.ok]
    print(f"site: {out / 'index.html'} ({len(course)} lessons)" +
          (f"; problems in {', '.join(failed)} (the kernels' own log: {nav.rel(kernel_log)})" if failed else ""))
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stored", action="store_true", help="render the stored outputs; execute nothing")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: target/site)")
    args = ap.parse_args(argv)
    out = args.out.resolve()
    if out.exists() and not out.is_dir():
        ap.error(f"--out {args.out} is a file, not a folder")
    # the folder is emptied first: only an empty one or an earlier site (its index.html says so)
    if out.is_dir() and any(out.iterdir()) and SITE_MARK not in _read(out / "index.html"):
        ap.error(f"--out {args.out} is not empty and holds no earlier ParLab site; choose a new or empty folder")
    try:
        return build(out, execute=not args.stored)
    except nav.NavError as e:
        print(f"scripts/build_site.py: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
