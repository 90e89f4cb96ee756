"""The Binder path, checked without Binder and without network.

repo2docker (Binder's builder) reads only binder/ when that folder exists. Its environment.yml installs the
pip section's ``-r requirements.txt`` through a temporary requirements file that conda and micromamba write
next to binder/environment.yml, and pip resolves ``-r`` from that file's folder: binder/requirements.txt is
therefore a link to the one pin file, ../requirements.txt. postBuild then runs scripts/install.sh, as
./parlab setup does. Here: the folder is complete and agrees with the local pins, postBuild is a clean
(ShellCheck) and idempotent bash script, run twice in a scratch copy of the repository, and the README's
badge launches this repository on 00-welcome.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
BINDER = ROOT / "binder"
SCRIPTS = ["binder/postBuild", "scripts/install.sh", "scripts/test-tools.sh", "parlab", ".ci/run"]
README_REPO_RE = re.compile(r"^Repository: <?(https://github\.com/([\w.-]+)/([\w.-]+?))(?:\.git)?>?/?$", re.M)
BADGE_RE = re.compile(r"\[!\[[^\]]*\]\((https://mybinder\.org/badge_logo\.svg)\)\]\((https://mybinder\.org/v2/gh/[^)\s]+)\)")


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


# --- binder/ ------------------------------------------------------------------------------------------------

def test_binder_folder_holds_exactly_its_configuration():
    names = sorted(p.name for p in BINDER.iterdir())
    assert names == ["environment.yml", "postBuild", "requirements.txt"], \
        f"binder/ has {names}: repo2docker reads every configuration file there (a Dockerfile replaces all)"


def test_binder_installs_the_same_pins_as_a_local_setup():
    env = read(BINDER / "environment.yml")
    pip_lines = re.findall(r"^\s+- (-r .+)$", env, re.M)
    assert pip_lines == ["-r requirements.txt"], "binder/environment.yml must install requirements.txt with pip"
    assert read(BINDER / "requirements.txt") == read(ROOT / "requirements.txt")
    assert os.readlink(BINDER / "requirements.txt") == "../requirements.txt"
    pins = dict(re.findall(r"^([A-Za-z0-9_.\-\[\]]+)==([^\s;#]+)", read(ROOT / "requirements.txt"), re.M))
    for needed in ("jjava", "jupyterlab", "nbclient", "nbconvert", "playwright"):
        assert needed in pins, f"requirements.txt pins no {needed}"


def test_binder_java_and_python_fit_the_project():
    env = read(BINDER / "environment.yml")
    java = re.search(r"^\s+- openjdk=(\d+)\s*$", env, re.M)
    release = re.search(r"<maven\.compiler\.release>(\d+)</maven\.compiler\.release>", read(ROOT / "pom.xml"))
    assert java and release, "binder/environment.yml pins openjdk=N and pom.xml sets maven.compiler.release"
    assert int(java.group(1)) >= int(release.group(1)), "Binder's Java is older than the library's release"
    python = re.search(r"^\s+- python=(\d+)\.(\d+)\s*$", env, re.M)
    assert python and (int(python.group(1)), int(python.group(2))) >= (3, 9), "./parlab needs Python 3.9+"


def test_postbuild_is_an_executable_strict_bash_script():
    post = BINDER / "postBuild"
    assert os.access(post, os.X_OK), "binder/postBuild must be executable (repo2docker runs it directly)"
    text = read(post)
    assert text.startswith("#!/usr/bin/env bash\n")
    assert "set -euo pipefail" in text
    assert "\r" not in text, "CRLF line ends break the shebang"


@pytest.mark.parametrize("script", SCRIPTS)
def test_shell_scripts_pass_shellcheck(script):
    shellcheck = shutil.which("shellcheck")
    if shellcheck is None:
        pytest.skip("shellcheck is not installed (scripts/test-tools.sh installs it with apt-get when root)")
    r = subprocess.run([shellcheck, "--shell=bash", script], cwd=ROOT, capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr


def copy_repository(dest: Path) -> None:
    """The files git tracks (with links and modes), as a fresh clone has them; Binder builds such a clone."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    r = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, timeout=60)
    if r.returncode != 0:
        pytest.skip("not a git checkout")
    for name in r.stdout.decode().split("\0"):
        if not name or not os.path.lexists(ROOT / name):
            continue
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, dest / name, follow_symlinks=False)


def scratch_python(dest: Path) -> Path:
    """A Python environment of its own (so the kernelspec lands in it) that sees this one's packages."""
    subprocess.run([getattr(sys, "_base_executable", sys.executable), "-m", "venv", "--without-pip", str(dest)],
                   check=True, timeout=120)
    python = dest / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True, timeout=60).stdout.strip()
    (Path(purelib) / "parlab-host.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    # jjava's own kernelspec, where kernel/install.py finds jjava.jar (pip put it under this prefix)
    jjava = Path(sys.prefix) / "share" / "jupyter" / "kernels" / "java"
    if not (jjava / "jjava.jar").is_file():
        pytest.skip(f"jjava is not installed in {sys.prefix} (pip install -r requirements.txt)")
    (dest / "share" / "jupyter" / "kernels").mkdir(parents=True)
    (dest / "share" / "jupyter" / "kernels" / "java").symlink_to(jjava)
    return python


def test_postbuild_runs_twice_in_a_copy_of_the_repository(tmp_path):
    """As Binder runs it (`python` on PATH is the environment's), then again: same kernel, no error."""
    if shutil.which("mvn") is None:
        pytest.skip("Maven is not installed")
    repo = tmp_path / "repo"
    copy_repository(repo)
    (repo / ".mvn").mkdir(exist_ok=True)
    (repo / ".mvn" / "maven.config").write_text("-o\n", encoding="utf-8")   # offline: ~/.m2 has everything
    python = scratch_python(tmp_path / "env")
    env = dict(os.environ, PATH=f"{python.parent}{os.pathsep}{os.environ['PATH']}",
               JUPYTER_DATA_DIR=str(tmp_path / "jupyter-data"), JUPYTER_CONFIG_DIR=str(tmp_path / "jupyter-config"))
    env.pop("PYTHONPATH", None)
    specs = []
    for run in (1, 2):
        r = subprocess.run([str(repo / "binder" / "postBuild")], cwd=repo, env=env, capture_output=True,
                           text=True, timeout=900)
        assert r.returncode == 0, f"postBuild run {run} failed:\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}"
        kernels = sorted(p.name for p in (tmp_path / "env" / "share" / "jupyter" / "kernels").iterdir())
        assert kernels == ["java", "parlab-java"], f"run {run} left kernelspecs {kernels}"
        specs.append(json.loads(read(tmp_path / "env" / "share" / "jupyter" / "kernels" / "parlab-java" / "kernel.json")))
    assert specs[0] == specs[1], "a second postBuild changed the kernelspec"
    spec = specs[1]
    assert spec["display_name"] == "Java (ParLab)"
    assert spec["env"]["JJAVA_CLASSPATH"].startswith(str(repo / "target" / "parlab-"))
    assert spec["env"]["PARLAB_PYTHON"] == str(python)
    jars = sorted(p.name for p in (repo / "target").glob("parlab-*.jar"))
    assert len(jars) == 2 and sum(j.endswith("-agent.jar") for j in jars) == 1, f"the library and its agent: {jars}"
    assert any(a.startswith("-javaagent:" + str(repo / "target")) for a in spec["argv"]), spec["argv"]
    assert (repo / "target" / "kernel-lib").is_dir()


# --- the README's badge -------------------------------------------------------------------------------------

def canonical_repository() -> tuple[str, str]:
    """(owner, name) on GitHub: the git remote `origin` when it is a GitHub URL, else the README's statement."""
    r = subprocess.run(["git", "remote", "get-url", "origin"], cwd=ROOT, capture_output=True, text=True,
                       timeout=30) if shutil.which("git") else None
    if r is not None and r.returncode == 0:
        m = re.search(r"github\.com[:/]([\w.-]+)/([\w.-]+?)(?:\.git)?/?$", r.stdout.strip())
        if m:
            return m.group(1), m.group(2)
    m = README_REPO_RE.search(read(ROOT / "README.md"))
    assert m, "README.md states no 'Repository: https://github.com/OWNER/NAME' line"
    return m.group(2), m.group(3)


def test_readme_states_the_repository_the_badge_launches():
    readme = read(ROOT / "README.md")
    stated = README_REPO_RE.search(readme)
    assert stated, "README.md states no 'Repository: https://github.com/OWNER/NAME' line"
    badges = BADGE_RE.findall(readme)
    assert len(badges) == 1, f"README.md should have one Binder badge, has {len(badges)}"
    owner, name = canonical_repository()
    assert (stated.group(2), stated.group(3)) == (owner, name), \
        f"README says {stated.group(1)}, the git remote is github.com/{owner}/{name}"

    launch = urlsplit(badges[0][1])
    parts = launch.path.split("/")           # ['', 'v2', 'gh', owner, name, ref]
    assert len(parts) == 6 and parts[1:3] == ["v2", "gh"], f"not a GitHub launch link: {badges[0][1]}"
    assert (parts[3], parts[4]) == (owner, name), f"the badge launches {parts[3]}/{parts[4]}, not {owner}/{name}"
    assert re.fullmatch(r"[\w.-]+", parts[5]), f"the badge's branch {parts[5]!r}"

    urlpath = parse_qs(launch.query).get("urlpath", [""])[0]
    assert unquote(urlpath) == "lab/tree/notebooks/00-welcome.ipynb", \
        f"the badge opens {urlpath!r}, not JupyterLab on notebooks/00-welcome.ipynb"
    assert (ROOT / "notebooks" / "00-welcome.ipynb").is_file()
