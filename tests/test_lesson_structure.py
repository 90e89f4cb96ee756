"""What every lesson promises a student, checked without a kernel (fast).

* the first code cell holds the parameters, is tagged ``parameters``, and carries at least three edits a
  student might make (``parlab.sweeps`` in its metadata), which tests/test_parameter_sweeps.py runs;
* lessons 01 onward have at least two exercises: a code cell tagged ``exercise``, followed by a markdown cell
  tagged ``solution`` whose collapsed ``<details>`` block holds the answered cell as its first fenced ``java``
  block; the exercise ships unanswered (a ``Double.NaN`` or blank answer), and the solution differs from it;
* no code cell runs over 25 lines.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import nbexec  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
LESSONS = [p for p in NOTEBOOKS if not p.name.startswith("00-")]
MAX_CELL_LINES = 25
BLANK_ANSWER = re.compile(r'Double\.NaN|=\s*""|=\s*null\b')


def read(path):
    return nbformat.read(path, as_version=4)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_first_code_cell_is_the_parameter_cell_with_sweeps(path):
    nb = read(path)
    cell = nbexec.parameter_cell(nb)
    assert cell is not None, f"{path.name}: the first code cell must be tagged 'parameters'"
    sweeps = nbexec.parameter_sweeps(nb)
    assert len(sweeps) >= 3, f"{path.name}: the parameter cell lists {len(sweeps)} sweeps (parlab.sweeps), need ≥ 3"
    for sweep in sweeps:
        assert sweep.get("name") and sweep.get("set"), f"{path.name}: a sweep needs a name and 'set': {sweep}"
        nbexec.apply_sweep(read(path), sweep)  # every variable it sets is in the cell


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_exercises_ship_unanswered_with_a_hidden_solution(path):
    nb = read(path)
    pairs = nbexec.exercises(nb)
    assert len(pairs) >= 2, f"{path.name}: {len(pairs)} exercise cells (tagged 'exercise'), need ≥ 2"
    for ex, sol in pairs:
        assert sol >= 0, f"{path.name}: cell {ex} (exercise) is not followed by a markdown cell tagged 'solution'"
        md = nb.cells[sol].source
        assert "<details" in md and "<summary" in md, f"{path.name}: solution cell {sol} has no <details><summary>"
        answered = nbexec.solution_source(md)
        assert answered, f"{path.name}: solution cell {sol} has no fenced java block inside <details>"
        shipped = nb.cells[ex].source
        assert BLANK_ANSWER.search(shipped), f"{path.name}: exercise cell {ex} has no blank answer (Double.NaN or \"\")"
        assert answered.strip() != shipped.strip(), f"{path.name}: solution {sol} is the exercise unchanged"
        assert len(answered.splitlines()) <= MAX_CELL_LINES, f"{path.name}: solution {sol} is over {MAX_CELL_LINES} lines"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_code_cells_are_short(path):
    long_cells = [(i, len(c.source.splitlines())) for i, c in enumerate(read(path).cells)
                  if c.cell_type == "code" and len(c.source.splitlines()) > MAX_CELL_LINES]
    assert not long_cells, f"{path.name}: cells over {MAX_CELL_LINES} lines (index, lines): {long_cells}"
