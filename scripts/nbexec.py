#!/usr/bin/env python3
"""Execute ParLab notebooks headless in a fresh "Java (ParLab)" kernel and measure them.

Used by the notebook tests (tests/test_notebooks.py) and on its own:

    python scripts/nbexec.py notebooks/00-welcome.ipynb         # execute, report, write target/executed/
    python scripts/nbexec.py --store notebooks/*.ipynb          # also store the fresh outputs in the notebooks

For each notebook it records the wall time, the kernel's peak resident memory (sampled every 0.1 s), the
time from kernel start to the first PNG image, every check the notebook emitted
(MIME type application/vnd.parlab.check+json) and every problem: error outputs, output on stderr in a
cell not tagged ``stderr-expected``, failed checks, and a notebook without any PNG image.

Exercises (see notebooks/README.md, "Exercises"): a code cell tagged ``exercise`` ships unanswered, so its
checks report ``unanswered``; the markdown cell right after it, tagged ``solution``, holds the answered cell
as the first fenced ``java`` block inside a ``<details>`` block. ``execute(path, solutions=True)`` puts each
solution in place of its exercise; an unanswered check is then a problem, as it is in any cell not tagged
``exercise``. ``execute(path, sweep=...)`` runs the notebook with its parameter cell (tagged ``parameters``)
edited as a student would (see ``parameter_sweeps``); failed checks are then allowed, errors are not.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat
import psutil
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "kernel"))
from parlab_client import KERNEL_NAME  # noqa: E402  ($PARLAB_KERNEL, else parlab-java)

CHECK_MIME = "application/vnd.parlab.check+json"
CELL_TIMEOUT = int(os.environ.get("PARLAB_CELL_TIMEOUT", "300"))
STDERR_TAG = "stderr-expected"
EXERCISE_TAG = "exercise"
SOLUTION_TAG = "solution"
PARAMETERS_TAG = "parameters"
_FENCED_JAVA = re.compile(r"```java[ \t]*\n(.*?)\n[ \t]*```", re.S)


@dataclass
class Run:
    """What executing one notebook showed."""

    notebook: str
    wall_s: float = 0.0
    peak_rss_mb: float = 0.0
    first_image_s: float | None = None
    cells: int = 0
    images: int = 0
    html_tables: int = 0
    checks: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    variant: str = "as shipped"

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> dict:
        d = asdict(self)
        d["checks_passed"] = sum(1 for c in self.checks if c.get("status") == "passed")
        d["checks_skipped"] = sum(1 for c in self.checks if c.get("status") == "skipped")
        d["checks_failed"] = sum(1 for c in self.checks if c.get("status") == "failed")
        d["checks_unanswered"] = sum(1 for c in self.checks if c.get("status") == "unanswered")
        return d

    def exercise_checks(self) -> list[dict]:
        return [c for c in self.checks if c.get("exercise")]


def tags(cell) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


def exercises(nb) -> list[tuple[int, int]]:
    """(exercise cell index, solution cell index) for every cell tagged ``exercise``; the solution is the next cell."""
    pairs = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and EXERCISE_TAG in tags(cell):
            nxt = nb.cells[i + 1] if i + 1 < len(nb.cells) else None
            ok = nxt is not None and nxt.cell_type == "markdown" and SOLUTION_TAG in tags(nxt)
            pairs.append((i, i + 1 if ok else -1))
    return pairs


def solution_source(markdown: str) -> str | None:
    """The answered cell: the first fenced java block inside the solution's <details> block, or None."""
    start = markdown.find("<details")
    end = markdown.find("</details>", start)
    if start < 0 or end < 0:
        return None
    m = _FENCED_JAVA.search(markdown, start, end)
    return m.group(1) if m else None


def with_solutions(nb) -> None:
    """Puts every exercise's solution in place of the exercise (in place)."""
    for ex, sol in exercises(nb):
        src = solution_source(nb.cells[sol].source) if sol >= 0 else None
        if src is None:
            raise ValueError(f"exercise cell {ex} has no solution cell with a fenced java block in <details>")
        nb.cells[ex].source = src


def parameter_cell(nb):
    """The first code cell, which must be tagged ``parameters``; None if it is not."""
    first = next((c for c in nb.cells if c.cell_type == "code"), None)
    return first if first is not None and PARAMETERS_TAG in tags(first) else None


def parameter_sweeps(nb) -> list[dict]:
    """The edits a student might make, from the parameter cell's metadata ``parlab.sweeps``: a list of
    ``{"name": "...", "set": {"VARIABLE": "new initialiser", ...}}``."""
    cell = parameter_cell(nb)
    return list(cell.get("metadata", {}).get("parlab", {}).get("sweeps", [])) if cell is not None else []


def apply_sweep(nb, sweep: dict) -> None:
    """Edits the parameter cell as ``sweep`` says: each ``VARIABLE = ...;`` gets the new initialiser."""
    cell = parameter_cell(nb)
    if cell is None:
        raise ValueError("the notebook's first code cell is not tagged 'parameters'")
    src = cell.source
    for var, value in sweep["set"].items():
        pattern = re.compile(r"(\b" + re.escape(var) + r"\s*=\s*)([^;]*)(;)")
        src, n = pattern.subn(lambda m: m.group(1) + value + m.group(3), src, count=1)
        if n != 1:
            raise ValueError(f"sweep {sweep.get('name')!r}: no '{var} = ...;' in the parameter cell")
    cell.source = src


class RssSampler(threading.Thread):
    """Samples a process tree's resident memory until stopped; keeps the peak."""

    def __init__(self, pid: int, interval: float = 0.1):
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak = pid, interval, 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self._stop_event.is_set():
            try:
                procs = [root] + root.children(recursive=True)
                self.peak = max(self.peak, sum(p.memory_info().rss for p in procs))
            except psutil.Error:
                pass
            self._stop_event.wait(self.interval)

    def stop(self) -> int:
        self._stop_event.set()
        self.join(timeout=2)
        return self.peak


def _kernel_pid(client: NotebookClient) -> int | None:
    prov = getattr(client.km, "provisioner", None)
    proc = getattr(prov, "process", None)
    return getattr(proc, "pid", None)


def _coalesce_streams(nb) -> None:
    """Joins consecutive stream outputs of a cell (JJava sends one message per write), as Jupyter shows them."""
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        merged = []
        for out in cell.get("outputs", []):
            if (out.get("output_type") == "stream" and merged and merged[-1].get("output_type") == "stream"
                    and merged[-1].get("name") == out.get("name")):
                merged[-1]["text"] = "".join(merged[-1]["text"]) + "".join(out["text"])
            else:
                merged.append(out)
        cell["outputs"] = merged


def _scan_outputs(run: Run, nb, solutions: bool, failed_ok: bool) -> None:
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        cell_tags = tags(cell)
        is_exercise = EXERCISE_TAG in cell_tags
        unanswered_here = 0
        for out in cell.get("outputs", []):
            kind = out.get("output_type")
            if kind == "error":
                run.problems.append(f"cell {index}: {out.get('ename')}: {out.get('evalue')}")
            elif kind == "stream" and out.get("name") == "stderr" and STDERR_TAG not in cell_tags:
                text = "".join(out.get("text", ""))[:300]
                run.problems.append(f"cell {index}: unexpected output on stderr: {text!r}")
            data = out.get("data", {})
            if "image/png" in data:
                run.images += 1
            if "<table" in "".join(data.get("text/html", "")):
                run.html_tables += 1
            if CHECK_MIME in data:
                c = data[CHECK_MIME]
                c = json.loads(c) if isinstance(c, str) else dict(c)
                c["cell"] = index
                c["exercise"] = is_exercise
                run.checks.append(c)
                status = c.get("status")
                if status == "unanswered":
                    unanswered_here += 1
                    if solutions or not is_exercise:
                        where = "with its solution in place" if is_exercise else "outside an exercise cell"
                        run.problems.append(f"cell {index}: check {c.get('name')} is unanswered {where}:"
                                            f" {c.get('reason')}")
                elif status == "failed" or (not c.get("ok") and status != "skipped"):
                    if not failed_ok:
                        run.problems.append(f"cell {index}: failed check {c.get('name')} = {c.get('value')}"
                                            f" (expected {c.get('expected')})")
        if is_exercise and not solutions and unanswered_here == 0 and cell.get("execution_count"):
            run.problems.append(f"cell {index}: the exercise ships answered (no check reported 'unanswered')")
    if run.images == 0:
        run.problems.append("the notebook shows no PNG image (every lesson needs at least one chart)")


def execute(path: Path, store: bool = False, out_dir: Path | None = None, solutions: bool = False,
            sweep: dict | None = None) -> Run:
    """Executes one notebook top to bottom in a fresh kernel and returns what it showed.

    ``solutions``: every exercise answered with its solution; ``sweep``: the parameter cell edited (failed
    checks are then not problems: an edit may make a claim untrue, and the lesson must say so, not crash).
    """
    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    variant = "as shipped"
    if solutions:
        with_solutions(nb)
        variant = "with solutions"
    if sweep is not None:
        apply_sweep(nb, sweep)
        variant = f"sweep: {sweep.get('name')}"
    store = store and variant == "as shipped"
    run = Run(notebook=path.name, cells=sum(1 for c in nb.cells if c.cell_type == "code"), variant=variant)
    client = NotebookClient(
        nb,
        kernel_name=KERNEL_NAME,
        timeout=CELL_TIMEOUT,
        startup_timeout=180,
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    sampler: list[RssSampler] = []
    t0 = time.monotonic()

    def on_start(**_):
        pid = _kernel_pid(client)
        if pid:
            s = RssSampler(pid)
            s.start()
            sampler.append(s)

    def on_cell_executed(cell, **_):
        if run.first_image_s is None and any("image/png" in o.get("data", {}) for o in cell.get("outputs", [])):
            run.first_image_s = round(time.monotonic() - t0, 2)

    client.on_notebook_start = on_start
    client.on_cell_executed = on_cell_executed
    try:
        client.execute()
    except CellTimeoutError as e:
        run.problems.append(f"a cell ran longer than {CELL_TIMEOUT} s: {str(e).splitlines()[0]}")
    except CellExecutionError:
        pass  # the error output is in the notebook; _scan_outputs reports it with its cell
    except Exception as e:  # kernel died, failed to start, ...
        run.problems.append(f"execution failed: {type(e).__name__}: {e}")
    finally:
        run.wall_s = round(time.monotonic() - t0, 2)
        if sampler:
            run.peak_rss_mb = round(sampler[0].stop() / 2**20, 1)
    _coalesce_streams(nb)
    _scan_outputs(run, nb, solutions=solutions, failed_ok=sweep is not None)

    out_dir = out_dir or ROOT / "target" / "executed"
    out_dir.mkdir(parents=True, exist_ok=True)
    suffix = "" if variant == "as shipped" else "." + re.sub(r"[^A-Za-z0-9]+", "-", variant).strip("-")
    nbformat.write(nb, out_dir / (path.stem + suffix + path.suffix))
    if store and run.ok:
        # an exercise ships without outputs: what it printed and measured in this run would give its answer away
        for cell in nb.cells:
            if cell.cell_type == "code" and EXERCISE_TAG in tags(cell):
                cell.outputs, cell.execution_count = [], None
        nbformat.write(nb, path)
    return run


def report_table(runs: list[Run]) -> str:
    lines = [f"{'notebook':<36} {'ok':<3} {'wall s':>7} {'peak RSS MB':>11} {'1st chart s':>11} "
             f"{'images':>6} {'checks ✔/–/✘/○':>15}  variant"]
    for r in runs:
        s = r.summary()
        first = "-" if r.first_image_s is None else f"{r.first_image_s:.1f}"
        lines.append(f"{r.notebook:<36} {'✔' if r.ok else '✘':<3} {r.wall_s:>7.1f} {r.peak_rss_mb:>11.0f} "
                     f"{first:>11} {r.images:>6} "
                     f"{s['checks_passed']:>5}/{s['checks_skipped']}/{s['checks_failed']}/{s['checks_unanswered']:<4}"
                     f"  {r.variant}")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebooks", nargs="*", type=Path, help="default: notebooks/*.ipynb")
    ap.add_argument("--store", action="store_true", help="write fresh outputs back into each notebook that passes")
    ap.add_argument("--out-dir", type=Path, help="where executed copies go (default: target/executed)")
    args = ap.parse_args()
    paths = args.notebooks or sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))
    runs = []
    for p in paths:
        print(f"executing {p} ...", file=sys.stderr, flush=True)
        runs.append(execute(p, store=args.store, out_dir=args.out_dir))
        for problem in runs[-1].problems:
            print(f"  ✘ {problem}", file=sys.stderr)
    print(report_table(runs))
    return 0 if all(r.ok for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
