"""Each lesson run with its parameter cell edited as a student might (other thread counts, ten-times and
minimal sizes, switches flipped: the ``parlab.sweeps`` of the cell tagged ``parameters``). An edit may make a
claim untrue, and the check then says ✘; it must never make the lesson's own code throw, write to stderr or
time out. A size that does not fit must be refused up front: a sweep marked ``"refused": true`` expects the
run to stop in the parameter cell or the code cell right after it with an IllegalArgumentException that gives
the numbers, and nowhere else."""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import nbexec  # noqa: E402

CASES = []
for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
    for sweep in nbexec.parameter_sweeps(nbformat.read(path, as_version=4)):
        CASES.append(pytest.param(path, sweep, id=f"{path.stem[:2]}-{sweep['name']}"))


@pytest.mark.parametrize("path, sweep", CASES)
def test_an_edited_parameter_cell_gives_checks_not_exceptions(path, sweep, notebook_runs):
    run = nbexec.execute(path, sweep=sweep)
    notebook_runs.append(run)
    if sweep.get("refused"):
        nb = nbformat.read(path, as_version=4)
        first_two = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"][:2]
        errors = [p for p in run.problems if "IllegalArgumentException" in p]
        assert errors and len(errors) == len([p for p in run.problems if "Exception" in p or "Error" in p]), \
            f"{path.name}, {sweep['name']}: expected one up-front refusal, got:\n  " + "\n  ".join(run.problems)
        assert int(errors[0].split()[1].rstrip(":")) in first_two, f"refused too late: {errors[0]}"
        assert any(ch.isdigit() for ch in errors[0].split("IllegalArgumentException", 1)[1]), \
            f"the refusal gives no numbers: {errors[0]}"
        return
    assert run.ok, f"{path.name}, {sweep['name']} ({sweep['set']}):\n  " + "\n  ".join(run.problems)
