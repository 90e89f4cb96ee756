"""Fixtures of the Python tests: a live kernel per test module (`kernel`), and the notebook report the notebook
tests fill (`notebook_runs`, `kernel_latency`), written to target/notebook-report.{json,txt}."""
from __future__ import annotations

import json
import platform
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "kernel"))

import nbexec  # noqa: E402
from parlab_client import Kernel  # noqa: E402

_RUNS: list = []
_LATENCY: dict = {}


@pytest.fixture(scope="module")
def kernel():
    """A fresh "Java (ParLab)" kernel ($PARLAB_KERNEL) shared by the tests of one module, stopped after them."""
    with Kernel() as k:
        yield k


@pytest.fixture(scope="session")
def notebook_runs():
    return _RUNS


@pytest.fixture(scope="session")
def kernel_latency():
    return _LATENCY


def pytest_terminal_summary(terminalreporter):
    if not _RUNS and not _LATENCY:
        return
    out = ROOT / "target"
    out.mkdir(exist_ok=True)
    table = nbexec.report_table(_RUNS) if _RUNS else "(no notebook executed)"
    if _RUNS:
        table += (f"\n{'all notebooks':<36} {'':<3} {sum(r.wall_s for r in _RUNS):>7.1f} "
                  f"{max(r.peak_rss_mb for r in _RUNS):>11.0f}")
    machine = f"{platform.node()}: {platform.platform()}, {platform.processor() or platform.machine()}"
    text = f"Notebook report ({machine})\n{table}\n"
    for k, v in _LATENCY.items():
        text += f"{k}: {v}\n"
    (out / "notebook-report.txt").write_text(text, encoding="utf-8")
    (out / "notebook-report.json").write_text(json.dumps(
        {"machine": machine, "notebooks": [r.summary() for r in _RUNS], "kernel_latency": _LATENCY},
        indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    terminalreporter.write_sep("=", "ParLab notebook report (target/notebook-report.txt)")
    terminalreporter.write_line(text)
