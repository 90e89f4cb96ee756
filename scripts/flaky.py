#!/usr/bin/env python3
"""Run the whole course N times and report which notebooks and checks ever fail, and how their values spread.

    .venv/bin/python scripts/flaky.py                 # 20 runs of every notebook
    .venv/bin/python scripts/flaky.py --runs 5 --load notebooks/03-native-parallelism.ipynb

Each run executes every notebook in a fresh kernel (scripts/nbexec.py). With --load, another process keeps one
core busy the whole time (a Python busy loop), the way a student's browser or a CI neighbour would. The report
(target/flaky-report.txt and .json, rewritten after every run, so a stopped run keeps its results) gives, per
notebook, passes/runs and wall times, and per check, passes, skips and failures with the minimum, median and
maximum of the measured value next to its expectation: a check whose values come close to its bound is the next
one to turn flaky. A flaky check is fixed by measuring better, never by loosening the bound until it means nothing.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import nbexec  # noqa: E402


def start_load() -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", "while True: pass"])


def write_report(args, per_notebook: dict, done: int, stopped_by: str) -> str:
    """Writes the .txt and .json reports for the runs so far and returns the text."""
    planned = "" if done == args.runs else f" (of {args.runs} planned: {stopped_by})"
    lines = [f"{done} runs{planned}{' with one core loaded' if args.load else ''}", "",
             f"{'notebook':<36} {'passed':>7} {'wall s (min/median/max)':>26}"]
    checks: dict[tuple[str, str], dict] = {}
    for nb, runs in per_notebook.items():
        walls = [r.wall_s for r in runs]
        lines.append(f"{nb:<36} {sum(r.ok for r in runs):>3}/{len(runs):<3} "
                     f"{min(walls):>8.1f} {statistics.median(walls):>8.1f} {max(walls):>8.1f}")
        for r in runs:
            for c in r.checks:
                entry = checks.setdefault((nb, c["name"]), {"expected": c.get("expected"), "values": [],
                                                            "passed": 0, "skipped": 0, "failed": 0})
                entry[c.get("status", "failed")] = entry.get(c.get("status", "failed"), 0) + 1
                if c.get("status") == "skipped" and c.get("reason"):
                    entry.setdefault("reasons", {})
                    entry["reasons"][c["reason"]] = entry["reasons"].get(c["reason"], 0) + 1
                if isinstance(c.get("value"), (int, float)) and c.get("status") != "skipped":
                    entry["values"].append(float(c["value"]))
    lines += ["", f"{'check':<60} {'pass/skip/fail':>14} {'min':>9} {'median':>9} {'max':>9}  expected"]
    for (nb, name), e in checks.items():
        v = e["values"]
        stats = (f"{min(v):>9.3g} {statistics.median(v):>9.3g} {max(v):>9.3g}" if v else f"{'-':>9} {'-':>9} {'-':>9}")
        lines.append(f"{nb[:2] + ' ' + name:<60} {e['passed']:>4}/{e['skipped']}/{e['failed']:<4} {stats}  {e['expected']}")
    skipped = [(nb, name, reason, n) for (nb, name), e in checks.items() for reason, n in e.get("reasons", {}).items()]
    if skipped:
        lines += ["", "why checks were skipped:"]
        lines += [f"  {nb[:2]} {name} ({n}×): {reason}" for nb, name, reason, n in skipped]
    text = "\n".join(lines) + "\n"
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.with_suffix(".txt").write_text(text, encoding="utf-8")
    args.report.with_suffix(".json").write_text(json.dumps(
        {"runs": done, "planned": args.runs, "load": args.load,
         "notebooks": {nb: [r.summary() for r in runs] for nb, runs in per_notebook.items()},
         "checks": {f"{nb}:{name}": e for (nb, name), e in checks.items()}}, indent=1), encoding="utf-8")
    return text


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebooks", nargs="*", type=Path, help="default: notebooks/*.ipynb")
    ap.add_argument("--runs", type=int, default=20, help="how many times to run the course (default 20)")
    ap.add_argument("--load", action="store_true", help="keep one core busy with another process meanwhile")
    ap.add_argument("--minutes", type=float,
                    help="start no new course run after this many minutes (the report counts the runs done)")
    ap.add_argument("--store", action="store_true",
                    help="store the outputs of the first run in each notebook it passes (as nbexec.py --store)")
    ap.add_argument("--report", type=Path, default=ROOT / "target" / "flaky-report",
                    help="report path without extension (default: target/flaky-report)")
    args = ap.parse_args()
    if args.runs < 1:
        ap.error(f"--runs must be at least 1, got {args.runs}")
    paths = args.notebooks or sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))

    if args.minutes is not None and args.minutes <= 0:
        ap.error(f"--minutes must be positive, got {args.minutes}")
    per_notebook: dict[str, list[nbexec.Run]] = defaultdict(list)
    load = start_load() if args.load else None
    started = time.monotonic()
    done = 0
    stopped_by = f"--minutes {args.minutes:g} ran out" if args.minutes is not None else "stopped"
    try:
        for i in range(args.runs):
            if args.minutes is not None and time.monotonic() - started > 60 * args.minutes:
                print(f"--minutes {args.minutes:g} used up after {done} of {args.runs} runs", file=sys.stderr)
                break
            for p in paths:
                run = nbexec.execute(p, store=args.store and i == 0, out_dir=ROOT / "target" / "flaky" / f"run{i + 1}")
                per_notebook[p.name].append(run)
                status = "ok" if run.ok else "FAILED: " + "; ".join(run.problems)
                print(f"run {i + 1}/{args.runs} {p.name}: {run.wall_s:.0f} s, {status}", file=sys.stderr, flush=True)
            done += 1
            if done < args.runs:  # a run stopped by kill or a closed terminal keeps its results
                write_report(args, per_notebook, done, "still running")
    except KeyboardInterrupt:  # Ctrl-C or SIGINT: report the runs so far (a half-done run's notebooks count too)
        stopped_by = "interrupted"
        print(f"interrupted after {done} complete runs; reporting what ran", file=sys.stderr)
    finally:
        if load:
            load.kill()

    text = write_report(args, per_notebook, done, stopped_by)
    print(text)
    return 0 if all(r.ok for runs in per_notebook.values() for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
