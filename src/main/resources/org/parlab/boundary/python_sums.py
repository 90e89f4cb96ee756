#!/usr/bin/env python3
"""Summing a million floats in Python, six ways: the Python side of notebooks/04-crossing-the-boundary.ipynb.

np.sum on an ndarray (one call into C), the built-in sum and a for-loop over the ndarray (every element
becomes a Python float: a crossing per element), math.fsum, and sum and a for-loop over a list of Python
floats. Prints, per method, the median time per call in ms of several timed runs after a warm-up:

    python3 python_sums.py [--n 1000000] [--repeats 5] [--tsv]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time


def loop(collection) -> float:
    total = 0.0
    for x in collection:
        total += x
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--tsv", action="store_true")
    a = ap.parse_args()
    try:
        import numpy as np
    except ImportError:
        print("numpy is not installed in this Python", file=sys.stderr)
        sys.exit(3)
    arr = np.random.default_rng(42).random(a.n)
    lst = arr.tolist()
    methods = [
        ("np.sum(ndarray)", lambda: float(np.sum(arr))),
        ("sum(ndarray)", lambda: sum(arr)),
        ("for-loop over ndarray", lambda: loop(arr)),
        ("sum(list)", lambda: sum(lst)),
        ("for-loop over list", lambda: loop(lst)),
    ]
    for name, fn in methods:
        fn()  # warm-up
        samples = []
        for _ in range(a.repeats):
            t0 = time.perf_counter()
            fn()
            samples.append((time.perf_counter() - t0) * 1000)
        med = statistics.median(samples)
        if a.tsv:
            print(f"{name}\t{med:.4f}", flush=True)
        else:
            print(f"{name:<24} {med:9.3f} ms per call", flush=True)


if __name__ == "__main__":
    main()
