#!/usr/bin/env python3
"""Lesson 03's oversubscription grid, in numpy + threadpoolctl, for comparison with the Java notebook.

    .venv/bin/python benchmarks/oversubscription_numpy.py [--json target/oversubscription-numpy.json]

The same arrangement as notebooks/03-native-parallelism.ipynb: PRODUCTS = 120 × cores products of N×N
float64 matrices, shared out over a pool of Python threads (each with its own matrices; numpy releases the
GIL inside matmul), with BLAS limited by threadpoolctl to 1 or `cores` threads per call. Every
configuration runs once per round, in the same order, after a 150 ms pause; the table shows medians of
9 rounds after one warm-up round. A benchmark: it reports numbers and asserts nothing.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor

try:
    import numpy as np
    from threadpoolctl import threadpool_info, threadpool_limits
except ImportError as e:  # pragma: no cover - a message, not a traceback
    sys.exit(f"needs numpy and threadpoolctl (pip install -r requirements.txt): {e}")

N = 256
WARMUPS = 1
REPEATS = 9
PAUSE_S = 0.15


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", help="also write the results to this file")
    args = ap.parse_args()

    cores = os.cpu_count() or 1
    products = 120 * cores
    python_threads = sorted({1, cores, 2 * cores, 4 * cores})
    blas_threads = sorted({1, cores})
    rng = np.random.default_rng(42)
    mats = [(rng.random((N, N)), rng.random((N, N)), np.empty((N, N))) for _ in range(max(python_threads))]
    pools = {t: ThreadPoolExecutor(max_workers=t) for t in python_threads}

    def batch(threads: int) -> None:
        counter = itertools.count()  # next() on it is atomic under the GIL

        def worker(w: int) -> None:
            a, b, c = mats[w]
            while next(counter) < products:
                np.matmul(a, b, out=c)

        for f in [pools[threads].submit(worker, w) for w in range(threads)]:
            f.result()

    configs = [(p, b) for p in python_threads for b in blas_threads]
    samples: dict[tuple[int, int], list[float]] = {c: [] for c in configs}
    for rnd in range(WARMUPS + REPEATS):
        for p, b in configs:
            with threadpool_limits(limits=b, user_api="blas"):
                time.sleep(PAUSE_S)
                t0 = time.perf_counter()
                batch(p)
                dt = time.perf_counter() - t0
            if rnd >= WARMUPS:
                samples[(p, b)].append(dt * 1e3)
        print(f"round {rnd + 1}/{WARMUPS + REPEATS} done", file=sys.stderr, flush=True)
    for pool in pools.values():
        pool.shutdown()

    blas = [i for i in threadpool_info() if i.get("user_api") == "blas"]
    print(f"numpy {np.__version__}; BLAS: " + ", ".join(
        f"{i.get('internal_api')} {i.get('version')} ({i.get('threading_layer')}, {i.get('architecture')})" for i in blas))
    print(f"{products} products of {N}² float64 on {cores} cores, medians of {REPEATS} rounds")
    print(f"{'Python threads':>14} {'BLAS threads':>12} {'median ms':>10} {'GFLOP/s':>8}")
    rows = []
    for p, b in configs:
        ms = statistics.median(samples[(p, b)])
        gflops = 2.0 * N ** 3 * products / (ms / 1e3) / 1e9
        rows.append({"python_threads": p, "blas_threads": b, "median_ms": round(ms, 1), "gflops": round(gflops, 2)})
        print(f"{p:>14} {b:>12} {ms:>10.1f} {gflops:>8.1f}")
    best = max(r["gflops"] for r in rows)
    over = next(r for r in rows if r["python_threads"] == 4 * cores and r["blas_threads"] == cores)
    best_limited = max(r["gflops"] for r in rows if r["blas_threads"] == 1)
    print(f"slowdown (best / oversubscribed): {best / over['gflops']:.2f}; "
          f"best with 1 BLAS thread / best: {best_limited / best:.2f}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"numpy": np.__version__, "blas": blas, "rows": rows}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
