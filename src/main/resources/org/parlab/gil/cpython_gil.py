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
"""
from __future__ import annotations

import argparse
import hashlib
import os
import platform
import statistics
import sys
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
    start alike: a main thread that the OS keeps on a busy core (seen with another process looping on one of
    two cores: every serial run twice as slow, "speed-ups" of 2 with the GIL) favours neither."""
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
    ap.add_argument("--tsv", action="store_true", help="machine-readable output: workload, threads, serial, parallel")
    a = ap.parse_args()
    if a.switch_interval_ms:
        sys.setswitchinterval(a.switch_interval_ms / 1000)
    threads = [int(t) for t in a.threads.split(",")]

    cpu_n = calibrate(countdown, a.cpu_ms, 10_000)
    io_n = calibrate(countdown, a.io_cpu_ms, 10_000)
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
        print(f"CPython {platform.python_version()} on {os.cpu_count()} cores, switch interval "
              f"{sys.getswitchinterval() * 1000:g} ms, medians of {a.repeats} rounds")
    for name, task in (("CPU-bound", cpu_task), ("I/O-bound", io_task), ("native sections", native_task)):
        for n in threads:
            s, p = speedup(task, n, a.repeats)
            if a.tsv:
                print(f"{name}\t{n}\t{s:.3f}\t{p:.3f}", flush=True)
            else:
                print(f"{name:<16} {n} threads: speed-up {s / p:5.2f}  (serial {s:7.1f} ms, threads {p:7.1f} ms)",
                      flush=True)


if __name__ == "__main__":
    main()
