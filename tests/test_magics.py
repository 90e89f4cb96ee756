"""The profiling magics in a live "Java (ParLab)" kernel: %timeit, %%timeit, %%prun, %%memit.

Each is used the way a student types it, on variables and methods defined in earlier cells; errors in the
code (compile-time and run-time) and bad options must come back as the cell's error, and an interrupted
%%timeit must stop and leave no core burning.
"""
from __future__ import annotations

import re

import time

import pytest

from support import IDLE_CORES, assert_no_core_burning, ordinary_cell_works

SETUP = """
int[] data = new int[200_000];
for (int i = 0; i < data.length; i++) data[i] = i % 1000;
long sumInts(int[] a) { long s = 0; for (int x : a) s += x; return s; }
void bump() { data[0]++; }
long slowPart(int reps) {
    long s = 0;
    for (int r = 0; r < reps; r++) {
        for (int x : data) s += (long) x * x % 7;
    }
    return s;
}
long fastPart() { return data[1] + data[2]; }
"""


@pytest.fixture(scope="module")
def ready(kernel):
    """The module's kernel with SETUP's data and methods defined."""
    cell = kernel.run(SETUP)
    assert cell.ok, cell.text
    return kernel


def outputs(kernel, code: str, timeout: float = 120):
    """Runs code; returns (status, stdout text, list of display MIME bundles, error text)."""
    cell = kernel.run(code, timeout)
    return cell.status, cell.stdout + cell.stderr, cell.data, "\n".join(cell.errors)


LINE = re.compile(r"^[0-9.]+ (ns|µs|ms|s) ± [0-9.]+ (ns|µs|ms|s) per call \(median ± MAD of (\d+) runs, "
                  r"([\d,]+) calls? each\)$", re.M)


def test_timeit_line_magic_on_an_expression(ready):
    status, out, _, err = outputs(ready, "%timeit sumInts(data)")
    assert status == "ok", err
    m = LINE.search(out)
    assert m and m.group(3) == "7", out
    status, out, displays, err = outputs(ready, "Magics.lastTiming().repeats() + \" \" + Magics.lastTiming().medianMs()")
    assert status == "ok", err
    runs, median = displays[0]["text/plain"].strip('"').split()
    assert runs == "7" and float(median) > 0


def test_timeit_options_and_a_void_statement(ready):
    status, out, _, err = outputs(ready, "%timeit -r 3 -n 1000 bump()")
    assert status == "ok", err
    m = LINE.search(out)
    assert m and m.group(3) == "3" and m.group(4) == "1,000", out


def test_timeit_cell_magic_sees_earlier_cells(ready):
    status, out, _, err = outputs(ready, "%%timeit -r 5\nlong s = sumInts(data);\ns += fastPart();")
    assert status == "ok", err
    m = LINE.search(out)
    assert m and m.group(3) == "5", out


def test_prun_finds_the_hot_method_and_draws_a_flame_graph(ready):
    status, out, displays, err = outputs(ready, "%%prun -m slowPart\nfor (int i = 0; i < 300; i++) {\n"
                                             "    slowPart(3);\n    fastPart();\n}")
    assert status == "ok", err
    assert re.search(r"\d+ samples in \d+ ms \(every 10 ms\); hottest: slowPart", out), out
    tables = [d for d in displays if "text/html" in d]
    assert len(tables) == 2, displays  # hot methods, hot lines of slowPart
    assert "slowPart" in tables[0]["text/html"] and "self_pct" in tables[0]["text/html"]
    assert "line" in tables[1]["text/html"]
    images = [d for d in displays if "image/png" in d]
    assert len(images) == 1 and len(images[0]["image/png"]) > 1000, displays
    status, out, displays, err = outputs(ready, "Magics.lastProfile().share(\"slowPart\", true)")
    assert status == "ok", err
    assert float(displays[0]["text/plain"]) > 0.8, displays


def test_memit_counts_a_known_allocation(ready):
    status, out, displays, err = outputs(
        ready, "%%memit\nbyte[][] keep = new byte[32][];\nfor (int i = 0; i < keep.length; i++) keep[i] = new byte[1 << 20];")
    assert status == "ok", err
    assert re.search(r"^allocated [\d.]+ MB in \d+ ms; peak heap [\d.]+ MB, increment [\d.]+ MB", out, re.M), out
    assert any("byte[]" in d.get("text/html", "") for d in displays), displays
    status, out, displays, err = outputs(ready, "Magics.lastAllocations().allocatedBytes()")
    assert status == "ok", err
    allocated = int(displays[0]["text/plain"])
    assert abs(allocated - 32 * 2**20) < 0.1 * 32 * 2**20, allocated


@pytest.mark.parametrize("cell, expected", [
    ("%%timeit\nInteger.parseInt(\"not a number\");", "NumberFormatException"),
    ("%%prun\nObject o = null;\no.hashCode();", "NullPointerException"),
    ("%memit new int[-1]", "NegativeArraySizeException"),
    ("%timeit nosuch(data)", "does not compile: cannot find symbol"),
    ("%%prun\nint x = ;", "the cell's code does not compile"),
    ("%timeit -x 3 sumInts(data)", "unknown option -x. Usage: %timeit"),
    ("%timeit -r 0 sumInts(data)", "option -r must be between 1 and 1000, got 0"),
    ("%%memit -l\nint x = 1;", "option -l needs a value"),
    ("%%timeit extra words\nint x = 1;", "unexpected 'extra words'"),
])
def test_errors_are_the_cells_error(ready, cell, expected):
    status, out, _, err = outputs(ready, cell)
    assert status == "error", out
    assert expected in err, err
    ordinary_cell_works(ready, "after a failed magic")


def test_interrupted_timeit_stops(ready):
    cell = ready.run('%%timeit\nSystem.out.println("looping"); while (true) { data[3]++; }', 120,
                     interrupt_after_output=1.5)
    status, out = cell.status, cell.stdout + cell.stderr
    assert status == "error", out
    # the watchdog stops the loop at its stop checks, repeatedly while %%timeit's runs go on; after the error
    # tests above that can take several seconds on a busy 2-core machine, so this waits up to 10 s for the core
    # to go idle, then asks for 2 s idle.
    t0 = time.monotonic()
    while time.monotonic() - t0 < 10 and ready.cores_used(0.5) >= IDLE_CORES:
        pass
    print(f"\ninterrupted %%timeit: the core went idle {time.monotonic() - t0:.1f} s after the cell returned")
    assert_no_core_burning(ready, 0.0, "10 s after interrupting %%timeit")
    ordinary_cell_works(ready, "after an interrupted %%timeit")
