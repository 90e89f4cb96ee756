"""The set-up files agree with each other: one set of pins, Binder installs what local users install."""
from __future__ import annotations

import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def conda_deps(path: Path) -> tuple[list[str], list[str]]:
    """(conda packages, pip lines) of an environment.yml, read without a YAML library."""
    conda, pip, in_pip = [], [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = re.match(r"^(\s*)- (.+)$", line)
        if not m:
            in_pip = False
            continue
        indent, item = len(m.group(1)), m.group(2).strip()
        if item == "pip:":
            in_pip = True
        elif in_pip and indent > 2:
            pip.append(item)
        else:
            in_pip = False
            conda.append(item)
    return conda, pip


def test_binder_and_local_conda_envs_pin_the_same_packages():
    local_conda, local_pip = conda_deps(ROOT / "environment.yml")
    binder_conda, binder_pip = conda_deps(ROOT / "binder" / "environment.yml")
    assert local_conda == binder_conda
    assert {"openjdk=25", "maven", "pip"} <= set(binder_conda)
    assert any(d.startswith("python=") for d in binder_conda)
    assert local_pip == binder_pip == ["-r requirements.txt"]


def test_binder_requirements_is_the_top_level_file():
    link = ROOT / "binder" / "requirements.txt"
    assert link.is_symlink(), "binder/requirements.txt must link to ../requirements.txt (one place for pins)"
    assert link.resolve() == (ROOT / "requirements.txt").resolve()


def test_every_python_requirement_is_pinned():
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            assert re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[0-9][0-9A-Za-z.]*(\s*;\s*python_version\s*[<>=!]+\s*\"[0-9.]+\")?",
                                line), f"not pinned: {line}"


def test_postbuild_runs_the_shared_install_script():
    post = ROOT / "binder" / "postBuild"
    assert os.access(post, os.X_OK), "binder/postBuild must be executable"
    text = post.read_text(encoding="utf-8")
    assert "scripts/install.sh" in text
    assert "scripts/install.sh" in (ROOT / "parlab").read_text(encoding="utf-8"), \
        "./parlab setup (and so CI) must run the same install script as Binder"


def test_readme_badge_opens_the_welcome_notebook():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"\(https://mybinder\.org/v2/gh/([^)\s]+)\)", readme)
    assert m, "README has no Binder badge link"
    assert "notebooks/00-welcome.ipynb" in m.group(1) or "notebooks%2F00-welcome.ipynb" in m.group(1)
    assert "./parlab lab" in readme and "./parlab test" in readme
