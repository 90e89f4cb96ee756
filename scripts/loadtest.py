#!/usr/bin/env python3
"""Run several lessons at once, each in its own kernel, and fail on any ✘ or error: the course on a busy machine.

    .venv/bin/python scripts/loadtest.py                       # 01, 03, 04, 07 at once, one try
    .venv/bin/python scripts/loadtest.py --tries 10            # ten tries of the same mix
    .venv/bin/python scripts/loadtest.py --quota 1 01 07       # 01 and 07 at once, 07 under a 1-CPU quota

A student runs two notebooks side by side, a class shares a server, a Binder pod runs under a CPU quota below
the node's cores. Each lesson then measures while the others take the cores. A claim may be *skipped* under
that load (its line gives the load it measured); it may never be *failed* by it, and no lesson may raise an
error. The default mix is four lessons on however many cores the machine has: the GIL lesson's speed-ups,
the native pools of lesson 03, the single-thread ratios of lesson 04 and the primer's processes and workers.

``--quota N`` runs the last lesson of the mix inside a CPU control group limited to N CPUs (cgroup v2
``cpu.max`` or v1 ``cpu.cfs_quota_us``; needs write access to the hierarchy, e.g. root in a container),
the way a Binder pod is: the JVM then sees N processors, while the machine's cores stay visible to the
native pools unless the kernel's launcher sizes them. Without a writable hierarchy the quota run is skipped,
saying why. The report (target/loadtest-report.txt) lists per try and lesson the checks passed/skipped/failed
and every skip reason, so the load each lesson saw is on record.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NBEXEC = ROOT / "scripts" / "nbexec.py"
DEFAULT_MIX = ["01", "03", "04", "07"]
CHECK_MIME = "application/vnd.parlab.check+json"
START_GAP_S = 5  # between the lessons' starts: see main()


def notebook(prefix: str) -> Path:
    found = sorted((ROOT / "notebooks").glob(f"{prefix}*.ipynb"))
    if not found:
        raise SystemExit(f"no notebook starts with {prefix!r} in notebooks/")
    return found[0]


def cgroup_for_quota(cpus: float) -> tuple[Path | None, str]:
    """Creates a CPU group limited to ``cpus`` CPUs; returns (file to write a pid to, '') or (None, why not)."""
    name = f"parlab-loadtest-{os.getpid()}"
    v2 = Path("/sys/fs/cgroup/cgroup.controllers")
    if v2.exists():
        group = Path("/sys/fs/cgroup") / name
        try:
            if "cpu" not in v2.read_text().split():
                return None, "cgroup v2 without the cpu controller"
            subtree = Path("/sys/fs/cgroup/cgroup.subtree_control")
            if "cpu" not in subtree.read_text().split():
                subtree.write_text("+cpu")
            group.mkdir(exist_ok=True)
            (group / "cpu.max").write_text(f"{int(cpus * 100_000)} 100000")
            return group / "cgroup.procs", ""
        except OSError as e:
            return None, f"cgroup v2 not writable here ({e.strerror}: {e.filename})"
    v1 = Path("/sys/fs/cgroup/cpu")
    if v1.is_dir():
        group = v1 / name
        try:
            group.mkdir(exist_ok=True)
            (group / "cpu.cfs_period_us").write_text("100000")
            (group / "cpu.cfs_quota_us").write_text(str(int(cpus * 100_000)))
            return group / "cgroup.procs", ""
        except OSError as e:
            return None, f"cgroup v1 cpu hierarchy not writable here ({e.strerror}: {e.filename})"
    return None, "no CPU control groups on this machine (not Linux, or /sys/fs/cgroup not mounted)"


def remove_group(procs: Path | None) -> None:
    if procs is not None:
        try:
            procs.parent.rmdir()
        except OSError:
            pass  # a process still inside: the system removes nothing, the next run uses a new name


def start(path: Path, out_dir: Path, procs: Path | None) -> subprocess.Popen:
    cmd = [sys.executable, str(NBEXEC), "--out-dir", str(out_dir), str(path)]
    if procs is not None:  # join the group first, so that the kernel and everything it starts inherit it
        cmd = ["/bin/sh", "-c", f'echo $$ > "{procs}" && exec "$0" "$@"'] + cmd
    log = open(out_dir / f"{path.stem}.log", "w", encoding="utf-8")
    return subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)


def checks_of(executed: Path) -> list[dict]:
    if not executed.exists():
        return []
    nb = json.loads(executed.read_text(encoding="utf-8"))
    found = []
    for cell in nb.get("cells", []):
        for out in cell.get("outputs", []):
            data = out.get("data", {}).get(CHECK_MIME)
            if data:
                found.append(data)
    return found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("lessons", nargs="*", default=DEFAULT_MIX, help="notebook number prefixes (default: 01 03 04 07)")
    ap.add_argument("--tries", type=int, default=1, help="how many times to run the mix (default 1)")
    ap.add_argument("--quota", type=float, help="run the last lesson under a CPU quota of this many CPUs")
    ap.add_argument("--report", type=Path, default=ROOT / "target" / "loadtest-report.txt")
    args = ap.parse_args()
    if args.tries < 1:
        ap.error(f"--tries must be at least 1, got {args.tries}")
    if args.quota is not None and not 0.1 <= args.quota <= os.cpu_count():
        ap.error(f"--quota must be between 0.1 and the {os.cpu_count()} CPUs, got {args.quota}")
    paths = [notebook(p) for p in args.lessons]
    lines = [f"{len(paths)} lessons at once on {os.cpu_count()} CPUs"
             + (f", {paths[-1].stem} under a {args.quota:g}-CPU quota" if args.quota else "")
             + f", {args.tries} tries", ""]
    bad = 0
    for t in range(1, args.tries + 1):
        out_dir = ROOT / "target" / "loadtest" / f"try{t}"
        out_dir.mkdir(parents=True, exist_ok=True)
        procs, why_not = (None, "")
        if args.quota:
            procs, why_not = cgroup_for_quota(args.quota)
            if procs is None:
                lines.append(f"try {t}: quota skipped: {why_not}")
        for p in paths:  # an executed notebook left by an earlier run must not be read as this try's
            (out_dir / p.name).unlink(missing_ok=True)
        t0 = time.monotonic()
        running = []
        for i, p in enumerate(paths):
            if i:
                # jupyter_client picks a kernel's five ports as free ones and the kernel binds them a second or
                # more later; kernels started in the same instant from separate processes can pick the same
                # port ("Address already in use"). A few seconds apart, each has bound its ports first.
                time.sleep(START_GAP_S)
            running.append((p, start(p, out_dir, procs if (i == len(paths) - 1) else None)))
        for p, proc in running:
            proc.wait()
        wall = time.monotonic() - t0
        remove_group(procs)
        lines.append(f"try {t}: {wall:.0f} s")
        for p, proc in running:
            checks = checks_of(out_dir / p.name)
            count = {s: sum(c.get("status") == s for c in checks) for s in ("passed", "skipped", "failed")}
            ok = proc.returncode == 0 and count["failed"] == 0
            bad += not ok
            lines.append(f"  {p.stem:<34} {'ok' if ok else 'FAILED':<6} ✔ {count['passed']} – {count['skipped']}"
                         f" ✘ {count['failed']}" + ("" if proc.returncode == 0 else
                                                  f"  (nbexec exit {proc.returncode}: see {out_dir / (p.stem + '.log')})"))
            for c in checks:
                if c.get("status") in ("failed", "skipped"):
                    mark = "✘" if c["status"] == "failed" else "–"
                    detail = c.get("reason") or f"{c.get('value')} (expected {c.get('expected')})"
                    lines.append(f"      {mark} {c['name']}: {detail}")
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"try {t}/{args.tries}: {wall:.0f} s, {bad} lesson runs failed so far", file=sys.stderr, flush=True)
    text = "\n".join(lines) + "\n"
    args.report.write_text(text, encoding="utf-8")
    print(text)
    return 0 if bad == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
