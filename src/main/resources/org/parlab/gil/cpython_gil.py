#!/usr/bin/env python3
"""CPython's real GIL, measured: the reference for the simulator in notebooks/01-gil.ipynb.

Runs the same tasks one after another and on N threads, for three workloads, and prints the median
speed-up (serial time / threaded time) of interleaved rounds:

* CPU-bound: a pure-Python countdown loop (holds the GIL);
* I/O-bound: rounds of a little Python work and a time.sleep (which releases the GIL);
* native sections: rounds of a little Python work and hashlib.sha256 over a large buffer (hashlib releases
  the GIL for buffers over 2 KiB, as numpy does inside dot).

Work sizes are given in milliseconds and calibrated on this machine. The org.parlab.gil.CPython class of the
ParLab library runs this script; it also runs on its own:

    python3 cpython_gil.py [--threads 1,2,4] [--repeats 3] [--cpu-ms 60] ... [--tsv]
    python3 cpython_gil.py --info             # version, free-threaded build?, GIL enabled?
    python3.14t cpython_gil.py --gil off ...  # a free-threaded build, run without its GIL

--gil on|off needs no -X option: on a free-threaded build (python3.13t, python3.14t) the script restarts
itself with -X gil=1 or -X gil=0 when the GIL is not already as asked; a build with a GIL refuses --gil off.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import platform
import statistics
import sys
import sysconfig
import threading
import time


def countdown(n: int) -> None:
    while n:
        n -= 1


def calibrate(fn, target_ms: float, start: int) -> int:
    """The argument n for which fn(n) takes about target_ms (fastest of 3 timings of at least 30 ms)."""
    if target_ms <= 0:
        return 0
    n = start
    while True:
        t0 = time.perf_counter()
        fn(n)
        dt = (time.perf_counter() - t0) * 1000
        if dt >= 30 or n > 1 << 40:
            break
        n *= 2
    for _ in range(2):
        t0 = time.perf_counter()
        fn(n)
        dt = min(dt, (time.perf_counter() - t0) * 1000)
    return max(1, int(n * target_ms / dt))


def hash_bytes(n: int) -> None:
    hashlib.sha256(_BUFFER[:n]).digest()


_BUFFER = b""


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


def serial(task, n: int) -> None:
    """One new thread runs the n tasks one after another. The threaded runs use new threads too, so both
    start alike: if the OS kept the main thread on a core that another process keeps busy, a serial run on the
    main thread would be slowed and the threaded runs would look faster than they are."""
    def one_after_another() -> None:
        for _ in range(n):
            task()
    t = threading.Thread(target=one_after_another)
    t.start()
    t.join()


def threaded(task, n: int) -> None:
    ts = [threading.Thread(target=task) for _ in range(n)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()


def speedup(task, n: int, repeats: int) -> tuple[float, float]:
    serial(task, n)  # warm-up round
    threaded(task, n)
    s, p = [], []
    for _ in range(repeats):
        s.append(timed(lambda: serial(task, n)))
        p.append(timed(lambda: threaded(task, n)))
    return statistics.median(s), statistics.median(p)


def free_threaded_build() -> bool:
    """True for a CPython built with --disable-gil (PEP 703): python3.13t, python3.14t."""
    return bool(sysconfig.get_config_var("Py_GIL_DISABLED"))


def gil_enabled() -> bool:
    """Whether the GIL is on now: always on a default build; on a free-threaded one unless -X gil=1 / PYTHON_GIL=1
    (or an extension module that does not declare free-threading support re-enabled it)."""
    is_enabled = getattr(sys, "_is_gil_enabled", None)
    return True if is_enabled is None else bool(is_enabled())


def choose_gil(want: str | None) -> None:
    """Makes the GIL on or off as asked, restarting this script with -X gil=... on a free-threaded build."""
    if want is None or gil_enabled() == (want == "on"):
        return
    if not free_threaded_build():
        sys.exit(f"--gil off needs a free-threaded CPython (python3.14t); {sys.executable} "
                 f"({platform.python_version()}) is built with a GIL")
    if os.environ.get("PARLAB_GIL_RESTARTED"):
        sys.exit(f"could not turn the GIL {want} in {sys.executable} (-X gil={1 if want == 'on' else 0})")
    os.environ["PARLAB_GIL_RESTARTED"] = "1"
    sys.stdout.flush()
    os.execv(sys.executable, [sys.executable, "-X", f"gil={1 if want == 'on' else 0}", *sys.argv])


def main() -> None:
    global _BUFFER
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--threads", default="1,2,4")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--cpu-ms", type=float, default=60)
    ap.add_argument("--io-waits", type=int, default=5)
    ap.add_argument("--io-wait-ms", type=float, default=10)
    ap.add_argument("--io-cpu-ms", type=float, default=1)
    ap.add_argument("--native-calls", type=int, default=10)
    ap.add_argument("--native-ms", type=float, default=5)
    ap.add_argument("--native-cpu-ms", type=float, default=1)
    ap.add_argument("--switch-interval-ms", type=float, default=None)
    ap.add_argument("--workloads", default="cpu,io,native", help="which of cpu, io, native to measure")
    ap.add_argument("--gil", choices=("on", "off"), default=None,
                    help="turn the GIL on or off (off needs a free-threaded build)")
    ap.add_argument("--info", action="store_true", help="print version, free_threaded, gil_enabled and stop")
    ap.add_argument("--tsv", action="store_true", help="machine-readable output: workload, threads, serial, parallel")
    a = ap.parse_args()
    choose_gil(a.gil)
    if a.info:
        print(f"version\t{platform.python_version()}")
        print(f"free_threaded\t{int(free_threaded_build())}")
        print(f"gil_enabled\t{int(gil_enabled())}")
        return
    wanted = set(a.workloads.split(","))
    if not wanted <= {"cpu", "io", "native"}:
        sys.exit(f"--workloads: unknown {sorted(wanted - {'cpu', 'io', 'native'})}; use cpu, io, native")
    if a.switch_interval_ms:
        sys.setswitchinterval(a.switch_interval_ms / 1000)
    threads = [int(t) for t in a.threads.split(",")]

    cpu_n = calibrate(countdown, a.cpu_ms, 10_000) if "cpu" in wanted else 0
    io_n = calibrate(countdown, a.io_cpu_ms, 10_000) if "io" in wanted else 0
    nat_cpu_n, payload = 0, b""
    if "native" in wanted:
        nat_cpu_n = calibrate(countdown, a.native_cpu_ms, 10_000)
        _BUFFER = os.urandom(64 * 2**20)
        nat_n = min(len(_BUFFER), calibrate(hash_bytes, a.native_ms, 4096))
        if nat_n == len(_BUFFER):
            _BUFFER = os.urandom(nat_n * 2)
        payload = _BUFFER[:nat_n]

    def cpu_task():
        countdown(cpu_n)

    def io_task():
        for _ in range(a.io_waits):
            countdown(io_n)
            time.sleep(a.io_wait_ms / 1000)

    def native_task():
        for _ in range(a.native_calls):
            countdown(nat_cpu_n)
            hashlib.sha256(payload).digest()

    if not a.tsv:
        print(f"CPython {platform.python_version()} on {os.cpu_count()} cores, GIL {'on' if gil_enabled() else 'off'}, switch interval "
              f"{sys.getswitchinterval() * 1000:g} ms, medians of {a.repeats} rounds")
    for key, name, task in (("cpu", "CPU-bound", cpu_task), ("io", "I/O-bound", io_task),
                            ("native", "native sections", native_task)):
        if key not in wanted:
            continue
        for n in threads:
            s, p = speedup(task, n, a.repeats)
            if a.tsv:
                print(f"{name}\t{n}\t{s:.3f}\t{p:.3f}", flush=True)
            else:
                print(f"{name:<16} {n} threads: speed-up {s / p:5.2f}  (serial {s:7.1f} ms, threads {p:7.1f} ms)",
                      flush=True)


if __name__ == "__main__":
    main()
