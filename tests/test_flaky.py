"""scripts/flaky.py, the N-run command: one real run of the shortest lesson, and its argument checks."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLAKY = ROOT / "scripts" / "flaky.py"
LESSON = ROOT / "notebooks" / "00-welcome.ipynb"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(FLAKY), *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)


def test_one_run_reports_every_notebook_and_check(tmp_path):
    report = tmp_path / "report"
    done = run("--runs", "1", "--report", str(report), str(LESSON))
    assert done.returncode == 0, done.stdout + done.stderr
    text = report.with_suffix(".txt").read_text(encoding="utf-8")
    assert text.startswith("1 runs\n"), text
    assert any(line.startswith("00-welcome.ipynb") and " 1/1 " in line for line in text.splitlines()), text
    data = json.loads(report.with_suffix(".json").read_text(encoding="utf-8"))
    assert data["runs"] == 1 and data["planned"] == 1 and data["load"] is False
    checks = {name: e for name, e in data["checks"].items() if name.startswith("00-welcome.ipynb:")}
    assert checks, "the report lists no check of lesson 00"
    for name, e in checks.items():
        # an exercise ships unanswered: that is its one outcome in a run of the shipped lesson
        assert e["passed"] + e["skipped"] + e.get("unanswered", 0) == 1 and e["failed"] == 0, (name, e)
        # every check row of the text report has the pass/skip/fail column
        assert any(name.split(":", 1)[1] in line for line in text.splitlines()), name


def test_bad_arguments_are_refused_with_their_name():
    for args, word in ((["--runs", "0"], "--runs"), (["--minutes", "-1"], "--minutes")):
        done = run(*args, str(LESSON))
        assert done.returncode == 2, done.stderr
        assert word in done.stderr and "must be" in done.stderr, done.stderr
