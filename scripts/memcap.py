#!/usr/bin/env python3
"""Run a command inside a memory-limited Linux control group: the memory side of a container such as Binder's.

    .venv/bin/python scripts/memcap.py 2G -- .venv/bin/python scripts/nbexec.py notebooks/02-slow-and-popular.ipynb
    .venv/bin/python scripts/memcap.py 2G --report target/memcap.json -- ./some-command

The command and every process it starts (Jupyter kernels included) share one limit with no swap; when
they need more, the kernel's OOM killer ends one of them, exactly as in a container. Afterwards the script
prints (and with --report writes as JSON) the group's peak memory and how many processes the OOM killer
ended, and exits with the command's exit code. Needs permission to create control groups (root, or a
delegated cgroup v2 subtree); exits with 3 and says why when it cannot.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

CGROUP_ROOT = Path("/sys/fs/cgroup")
UNITS = {"": 1, "K": 1024, "M": 1024 ** 2, "G": 1024 ** 3}


class CgroupUnavailable(RuntimeError):
    pass


def parse_size(text: str) -> int:
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([KMG]?)i?B?", text.strip(), re.IGNORECASE)
    if not m:
        raise ValueError(f"limit must look like 2G, 1536M or 2147483648, got {text!r}")
    value = int(float(m.group(1)) * UNITS[m.group(2).upper()])
    if value < 64 * 1024 ** 2:
        raise ValueError(f"limit must be at least 64M, got {text!r}")
    return value


class MemoryGroup:
    """A fresh memory control group below this process's own (cgroup v1 memory controller or cgroup v2)."""

    def __init__(self, limit: int, name: str):
        self.limit = limit
        own = {}
        for line in Path("/proc/self/cgroup").read_text().splitlines():
            num, controllers, path = line.split(":", 2)
            own[controllers] = path
        v1 = next((p for c, p in own.items() if "memory" in c.split(",")), None)
        if v1 is not None and (CGROUP_ROOT / "memory").is_dir():
            self.version = 1
            self.path = CGROUP_ROOT / "memory" / v1.lstrip("/") / name
        elif "" in own and (CGROUP_ROOT / "cgroup.controllers").exists():
            self.version = 2
            parent = CGROUP_ROOT / own[""].lstrip("/")
            if "memory" not in (parent / "cgroup.subtree_control").read_text().split():
                raise CgroupUnavailable(f"the memory controller is not enabled below {parent}")
            self.path = parent / name
        else:
            raise CgroupUnavailable("no memory control group hierarchy in /sys/fs/cgroup")
        try:
            self.path.mkdir()
        except OSError as e:
            raise CgroupUnavailable(f"cannot create {self.path}: {e.strerror}") from e
        if self.version == 1:
            (self.path / "memory.limit_in_bytes").write_text(str(limit))
            memsw = self.path / "memory.memsw.limit_in_bytes"
            if memsw.exists():  # no swapping around the limit either
                memsw.write_text(str(limit))
        else:
            (self.path / "memory.max").write_text(str(limit))
            if (self.path / "memory.swap.max").exists():
                (self.path / "memory.swap.max").write_text("0")

    def procs_file(self) -> Path:
        return self.path / "cgroup.procs"

    def peak(self) -> int | None:
        f = self.path / ("memory.max_usage_in_bytes" if self.version == 1 else "memory.peak")
        return int(f.read_text()) if f.exists() else None

    def oom_kills(self) -> int:
        f = self.path / ("memory.oom_control" if self.version == 1 else "memory.events")
        for line in f.read_text().splitlines():
            key, _, value = line.partition(" ")
            if key == "oom_kill":
                return int(value)
        return 0

    def remove(self) -> None:
        for _ in range(50):
            pids = [int(p) for p in self.procs_file().read_text().split()]
            if not pids:
                break
            for pid in pids:  # a process the command left behind
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            time.sleep(0.1)
        try:
            self.path.rmdir()
        except OSError:
            pass


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
                                 usage="%(prog)s LIMIT [--report FILE] -- COMMAND [ARG ...]")
    ap.add_argument("limit", help="memory limit, e.g. 2G or 1536M")
    ap.add_argument("--report", type=Path, help="also write the result as JSON here")
    argv = sys.argv[1:]
    split = argv.index("--") if "--" in argv else len(argv)
    args = ap.parse_args(argv[:split])
    command = argv[split + 1:]
    if not command:
        ap.error("give a command after --")
    try:
        limit = parse_size(args.limit)
    except ValueError as e:
        ap.error(str(e))
    try:
        group = MemoryGroup(limit, f"parlab-memcap-{os.getpid()}")
    except (CgroupUnavailable, OSError) as e:
        print(f"memcap: cannot limit memory here: {e}", file=sys.stderr)
        return 3
    procs = str(group.procs_file())
    try:
        # the child joins the group before it runs the command, so everything it starts is inside too
        proc = subprocess.Popen(["sh", "-c", 'echo $$ > "$0" && exec "$@"', procs, *command])
        try:
            code = proc.wait()
        except KeyboardInterrupt:
            proc.terminate()
            code = proc.wait()
        result = {"limit_bytes": limit, "peak_bytes": group.peak(), "oom_kills": group.oom_kills(),
                  "exit_code": code, "cgroup_version": group.version}
    finally:
        group.remove()
    gib = 1024 ** 3
    peak = result["peak_bytes"]
    print(f"memcap: limit {limit / gib:.2f} GiB, peak {peak / gib:.2f} GiB, OOM kills {result['oom_kills']}, "
          f"exit code {code}" if peak is not None else f"memcap: OOM kills {result['oom_kills']}, exit code {code}",
          file=sys.stderr)
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(json.dumps(result, indent=1) + "\n")
    return 128 - code if code < 0 else code  # killed by signal N: 128 + N, as a shell reports it


if __name__ == "__main__":
    sys.exit(main())
