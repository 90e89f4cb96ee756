#!/usr/bin/env python3
"""The Mandelbrot set in Python, two ways: the Python side of notebooks/02-slow-and-popular.ipynb.

A pure-Python loop over the points, and numpy's vectorised version (whole-array operations in C). Both
count, for each point of a width x height grid over [-2, 0.6] x [-1.2, 1.2], the iterations of
z <- z*z + c while |z|^2 <= 4, up to max_iter. Prints per method: median ms per image and the total of
all counts (so Java can check it computed the same set):

    python3 python_mandelbrot.py [--width 300] [--height 200] [--max-iter 100] [--repeats 3] [--tsv]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time


def grid(width: int, height: int):
    xs = [-2.0 + 2.6 * i / (width - 1) for i in range(width)]
    ys = [-1.2 + 2.4 * j / (height - 1) for j in range(height)]
    return xs, ys


def pure_python(width: int, height: int, max_iter: int) -> int:
    xs, ys = grid(width, height)
    total = 0
    for ci in ys:
        for cr in xs:
            zr = zi = 0.0
            n = 0
            while n < max_iter and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                n += 1
            total += n
    return total


def with_numpy(width: int, height: int, max_iter: int) -> int:
    import numpy as np
    xs, ys = grid(width, height)
    cr = np.tile(np.array(xs), (height, 1))
    ci = np.tile(np.array(ys)[:, None], (1, width))
    zr = np.zeros_like(cr)
    zi = np.zeros_like(ci)
    count = np.zeros(cr.shape, dtype=np.int64)
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(max_iter):
            zr2, zi2 = zr * zr, zi * zi
            count += (zr2 + zi2 <= 4.0)
            zi = 2.0 * zr * zi + ci
            zr = zr2 - zi2 + cr
    return int(count.sum())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--width", type=int, default=300)
    ap.add_argument("--height", type=int, default=200)
    ap.add_argument("--max-iter", type=int, default=100)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--tsv", action="store_true")
    a = ap.parse_args()
    methods = [("pure Python loops", pure_python)]
    try:
        import numpy  # noqa: F401
        methods.append(("numpy, vectorised", with_numpy))
    except ImportError:
        print("numpy not installed: only the pure-Python version runs", file=sys.stderr)
    for name, fn in methods:
        total = fn(a.width, a.height, a.max_iter)  # warm-up, and the checksum
        samples = []
        for _ in range(a.repeats):
            t0 = time.perf_counter()
            fn(a.width, a.height, a.max_iter)
            samples.append((time.perf_counter() - t0) * 1000)
        med = statistics.median(samples)
        if a.tsv:
            print(f"{name}\t{med:.3f}\t{total}", flush=True)
        else:
            print(f"{name:<20} {med:9.1f} ms per image, total iterations {total}", flush=True)


if __name__ == "__main__":
    main()
