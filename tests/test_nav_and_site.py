"""Navigation cells (scripts/nav.py), dead links in the course, and the static site (scripts/build_site.py).

Cheap: nothing is executed. The site is built from the stored outputs into a scratch folder (a few seconds);
a site that ./parlab site built into target/site/ is checked too when there is one.
"""
from __future__ import annotations

import html.parser
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import mistune
import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import build_site as site  # noqa: E402
import nav  # noqa: E402


class Links(html.parser.HTMLParser):
    """Every href and src of an HTML document."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.urls += [v for k, v in attrs if k in ("href", "src") and v]


def urls_in_html(text: str) -> list[str]:
    parser = Links()
    parser.feed(text)
    return parser.urls


def urls_in_markdown(text: str) -> list[str]:
    return urls_in_html(mistune.html(text))


def dead_links(urls: list[str], base: Path) -> list[str]:
    """The relative links among `urls` that name no existing file, resolved from folder `base`."""
    dead = []
    for url in urls:
        if not site.is_relative(url):
            continue
        target = base / unquote(urlsplit(url).path)
        if not target.exists():
            dead.append(url)
    return dead


def notebook_markdown(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    return "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


# --- navigation ---------------------------------------------------------------------------------------------

def test_nav_cells_are_up_to_date():
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "nav.py"), "--check"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr + r.stdout


def test_every_lesson_starts_and_ends_with_its_nav_cell():
    course = nav.lessons()
    for i, lesson in enumerate(course):
        cells = nbformat.read(lesson.path, as_version=4).cells
        assert nav.is_nav(cells[0]) and nav.is_nav(cells[-1]), lesson.name
        assert sum(nav.is_nav(c) for c in cells) == 2, lesson.name
        line = cells[0].source
        assert "[Contents](README.md)" in line
        if i > 0:
            assert f"({course[i - 1].name})" in line
        if i + 1 < len(course):
            assert f"({course[i + 1].name}) →" in line
    assert [lesson.number for lesson in course] == sorted(lesson.number for lesson in course)


def make_lesson(folder: Path, name: str, title: str | None, code_output: str = "42") -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "parlab-java", "display_name": "Java (ParLab)", "language": "java"}
    first = f"# {title}\n\nIntro." if title else "Intro without a title."
    code = nbformat.v4.new_code_cell("1 + 41")
    code.execution_count = 1
    code.outputs = [nbformat.v4.new_output("execute_result", {"text/plain": code_output}, execution_count=1)]
    nb.cells = [nbformat.v4.new_markdown_cell(first), code, nbformat.v4.new_markdown_cell("## Key points")]
    path = folder / name
    nbformat.write(nb, path)
    return path


def apply(folder: Path) -> dict:
    changes = nav.plan(folder)
    for path, text in changes.items():
        path.write_text(text, encoding="utf-8")
    return changes


def test_nav_inserts_then_replaces_its_cells_and_keeps_outputs(tmp_path):
    a = make_lesson(tmp_path, "00-intro.ipynb", "00 · Intro")
    make_lesson(tmp_path, "01-more.ipynb", "01 · More [with brackets]")
    make_lesson(tmp_path, "03-last.ipynb", "03 · Last")
    assert len(apply(tmp_path)) == 4                      # three lessons and the contents page
    assert apply(tmp_path) == {}                          # idempotent
    nb = nbformat.read(a, as_version=4)
    assert [c.id for c in nb.cells][0] == "nav-top" and nb.cells[-1].id == "nav-bottom"
    assert nb.cells[0].source == r"[Contents](README.md) | [01 · More \[with brackets\]](01-more.ipynb) →"
    assert nb.cells[2].outputs[0]["data"]["text/plain"] == "42"  # outputs untouched
    assert nb.cells[0].metadata == {"deletable": False, "editable": False, "tags": ["nav"]}

    make_lesson(tmp_path, "02-middle.ipynb", "02 · Middle")  # a lesson added later (as 05 will be)
    changed = {p.name for p in apply(tmp_path)}
    assert changed == {"01-more.ipynb", "02-middle.ipynb", "03-last.ipynb", "README.md"}
    last = nbformat.read(tmp_path / "03-last.ipynb", as_version=4)
    assert last.cells[-1].source == "← [02 · Middle](02-middle.ipynb) | [Contents](README.md)"
    assert sum(nav.is_nav(c) for c in last.cells) == 2
    contents = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert contents.index("00-intro.ipynb") < contents.index("02-middle.ipynb") < contents.index("03-last.ipynb")
    assert dead_links(urls_in_markdown(contents), tmp_path) == []


def test_nav_output_has_the_repository_layout(tmp_path):
    path = make_lesson(tmp_path, "00-intro.ipynb", "00 · Intro")
    apply(tmp_path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith('{\n "cells": [\n  {\n   "cell_type": "markdown",\n   "id": "nav-top"')
    assert text.endswith("}\n")
    assert text == nbformat.writes(nbformat.read(path, as_version=4)) + "\n"


@pytest.mark.parametrize("names, message", [
    ({"00-a.ipynb": None}, "has no '# title' line"),
    ({"00-a.ipynb": "A", "00-b.ipynb": "B"}, "two lessons numbered 00"),
    ({"00-a b.ipynb": "A"}, "lesson names are NN-name.ipynb"),
    ({}, "no lessons"),
])
def test_nav_bad_input_gives_clear_errors(tmp_path, names, message):
    for name, title in names.items():
        make_lesson(tmp_path, name, title)
    with pytest.raises(nav.NavError, match=re.escape(message)):
        nav.plan(tmp_path)


def test_nav_command_line(tmp_path, capsys):
    make_lesson(tmp_path, "00-intro.ipynb", "00 · Intro")
    folder = ["--notebooks", str(tmp_path)]
    assert nav.main(["--check"] + folder) == 1
    assert "00-intro.ipynb" in capsys.readouterr().err
    assert nav.main(folder) == 0
    assert nav.main(["--check"] + folder) == 0
    make_lesson(tmp_path, "01-untitled.ipynb", None)
    assert nav.main(["--check"] + folder) == 2
    assert "01-untitled.ipynb: its first markdown cell has no '# title' line" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        nav.main(["--notebooks", str(tmp_path / "missing")])


# --- dead links ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", sorted((ROOT / "notebooks").glob("*.ipynb")), ids=lambda p: p.stem)
def test_notebook_links_resolve(path):
    urls = urls_in_markdown(notebook_markdown(path))
    assert dead_links(urls, path.parent) == []


@pytest.mark.parametrize("path", [ROOT / "README.md", ROOT / "notebooks" / "README.md",
                                  ROOT / "notebooks" / "data" / "README.md", *sorted((ROOT / "docs").glob("*.md"))],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_markdown_file_links_resolve(path):
    urls = urls_in_markdown(path.read_text(encoding="utf-8"))
    assert dead_links(urls, path.parent) == []


def test_readme_is_short_and_points_to_every_docs_page():
    """A newcomer reads the README in minutes; the depth lives in docs/, and every page there is linked."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme) <= 12_000, f"README.md has {len(readme)} characters; move depth to docs/"
    pages = sorted(p.name for p in (ROOT / "docs").glob("*.md"))
    assert pages, "docs/ has no pages"
    assert [p for p in pages if f"docs/{p}" not in readme] == []


def test_link_checker_finds_a_dead_link(tmp_path):
    (tmp_path / "there.ipynb").write_text("{}", encoding="utf-8")
    urls = urls_in_markdown("[ok](there.ipynb) [gone](gone.ipynb#x) [web](https://example.org/x) [top](#top) "
                            "`[code](not-a-link.ipynb)`")
    assert dead_links(urls, tmp_path) == ["gone.ipynb#x"]


# --- the static site ----------------------------------------------------------------------------------------

def check_site_links(folder: Path) -> None:
    """Every relative link of every page names a file of the site, and none names a notebook."""
    problems = []
    for page in sorted(folder.rglob("*.html")):
        urls = urls_in_html(page.read_text(encoding="utf-8"))
        problems += [f"{page.name}: dead link {u}" for u in dead_links(urls, page.parent)]
        problems += [f"{page.name}: link to a notebook {u}" for u in urls
                     if site.is_relative(u) and urlsplit(u).path.endswith(".ipynb")]
    assert not problems, "\n".join(problems)


def test_site_from_stored_outputs(tmp_path):
    out = tmp_path / "site"
    assert site.main(["--stored", "--out", str(out)]) == 0
    assert sorted(p.name for p in out.glob("*.html")) == sorted(
        ["index.html"] + [lesson.path.stem + ".html" for lesson in nav.lessons()])
    check_site_links(out)
    course = nav.lessons()
    index = (out / "index.html").read_text(encoding="utf-8")
    positions = [index.find(f'href="{lesson.path.stem}.html"') for lesson in course]
    assert -1 not in positions and positions == sorted(positions), "index.html lists the lessons out of order"
    for lesson in course:
        assert site.html.escape(lesson.title) in index
    welcome = (out / "00-welcome.html").read_text(encoding="utf-8")
    assert "data:image/png;base64," in welcome, "the chart is not embedded"
    assert '<a href="index.html">Contents</a>' in welcome
    assert "<title>00 · Welcome to ParLab</title>" in welcome
    assert site.main(["--stored", "--out", str(out)]) == 0   # an earlier site is replaced


def test_site_refuses_a_folder_that_is_not_a_site(tmp_path, capsys):
    (tmp_path / "precious.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(SystemExit):
        site.main(["--stored", "--out", str(tmp_path)])
    assert (tmp_path / "precious.txt").exists()
    assert "holds no earlier ParLab site" in capsys.readouterr().err


def test_site_link_rewriting():
    page = ('<a href="01-gil.ipynb">x</a> <a href="01-gil.ipynb#Key-points">y</a> <a href="README.md">c</a> '
            '<a href="https://example.org/a.ipynb">w</a> <a href="#top">t</a> <img src="data/plot.png">')
    new, others = site.rewrite_links(page)
    assert new == ('<a href="01-gil.html">x</a> <a href="01-gil.html#Key-points">y</a> <a href="index.html">c</a> '
                   '<a href="https://example.org/a.ipynb">w</a> <a href="#top">t</a> <img src="data/plot.png">')
    assert others == {"data/plot.png"}


def test_built_site_in_target_if_any():
    folder = ROOT / "target" / "site"
    if not (folder / "index.html").is_file():
        pytest.skip("no site in target/site (./parlab site builds it)")
    check_site_links(folder)
