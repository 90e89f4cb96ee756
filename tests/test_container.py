"""The course inside a 2 GB container: the memory limit of a Binder session.

Each test runs a command with scripts/memcap.py, which puts it and the Jupyter kernel it starts in a fresh
memory control group of 2 GiB without swap, as Docker would. Passing means the kernel's own caps (heap
-Xmx768m, ND4J/JavaCPP off-heap 512 MiB, physical 1400 MiB; kernel/jvm.options) fire first: a cell that
asks for too much gets a clear OutOfMemoryError and the kernel lives on, instead of the OOM killer ending
the kernel without a word. Skipped where this process may not create control groups.

Run as a script (`python tests/test_container.py --probe OUT.json`) it is the probe that memcap runs: it
starts a kernel, fills the heap and ND4J's memory to their caps together, and records what each cell said.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MEMCAP = ROOT / "scripts" / "memcap.py"
LIMIT = "2G"
LIMIT_BYTES = 2 * 1024 ** 3

# What a student could type: fill the heap (and keep what fitted), then fill ND4J's native memory (and keep
# it), then go on working while both are full, then let go.
PROBE_CELLS = {
    "heap": "long[][] hog = new long[1000][];\n"
            "for (int i = 0; i < hog.length; i++) hog[i] = new long[10_000_000];   // 80 MB each",
    "heap_kept": "Arrays.stream(hog).filter(Objects::nonNull).count() * 80 + \" MB kept on the heap\"",
    "native": "List<INDArray> keep = new ArrayList<>();\n"
              "for (int i = 0; i < 40; i++) keep.add(Nd4j.rand(DataType.DOUBLE, 4096, 4096));   // 134 MB each",
    "native_kept": "keep.size() * 134 + \" MB kept in ND4J arrays\"",
    "while_full": "String stillWorking = \"still working\"; stillWorking",
    "release": "hog = null; keep = null; System.gc(); \"released\"",
    "after": "int[] fresh = new int[10_000_000]; fresh.length",
}


def probe(out: Path) -> None:
    sys.path.insert(0, str(ROOT / "kernel"))  # run as a script under memcap: no conftest.py
    from parlab_client import Kernel

    results = {}
    try:
        with Kernel() as kernel:
            for name, code in PROBE_CELLS.items():
                try:
                    cell = kernel.run(code, timeout=180)
                    status, text = cell.status, cell.text
                except Exception as e:  # a dead kernel times out
                    status, text = f"no reply: {type(e).__name__}", ""
                results[name] = {"status": status, "text": text, "kernel_alive": kernel.is_alive()}
    finally:
        out.write_text(json.dumps(results, indent=1) + "\n")


def memcap(tmp_path: Path, *command: str) -> tuple[subprocess.CompletedProcess, dict]:
    report = tmp_path / "memcap.json"
    run = subprocess.run([sys.executable, str(MEMCAP), LIMIT, "--report", str(report), "--", *command],
                         cwd=ROOT, capture_output=True, text=True, timeout=900)
    if run.returncode == 3 and "cannot limit memory here" in run.stderr:
        pytest.skip(run.stderr.strip())
    return run, json.loads(report.read_text())


def test_memcap_rejects_a_bad_limit():
    run = subprocess.run([sys.executable, str(MEMCAP), "two gigabytes", "--", "true"], capture_output=True, text=True)
    assert run.returncode == 2 and "limit must look like 2G" in run.stderr, run.stderr


def test_memcap_limit_is_real(tmp_path):
    """The group really limits: a process that touches 3 GiB inside 2 GiB is killed (and counted)."""
    hog = "b = b\"x\" * (3 * 1024 ** 3)"  # every byte written: every page touched
    run, result = memcap(tmp_path, sys.executable, "-c", hog)
    assert run.returncode != 0, "a 3 GiB process should not survive a 2 GiB limit"
    assert result["oom_kills"] >= 1 or "MemoryError" in run.stderr, (result, run.stderr)


def test_full_heap_and_full_nd4j_memory_at_once_leave_the_kernel_working(tmp_path):
    out = tmp_path / "probe.json"
    run, result = memcap(tmp_path, sys.executable, str(Path(__file__).resolve()), "--probe", str(out))
    cells = json.loads(out.read_text())
    print(json.dumps(result), run.stderr[-2000:], json.dumps(cells, indent=1), sep="\n")
    assert result["oom_kills"] == 0, f"the OOM killer ended a process: {result}"
    assert result["peak_bytes"] is None or result["peak_bytes"] < LIMIT_BYTES
    assert cells["heap"]["status"] == "error" and "OutOfMemoryError" in cells["heap"]["text"], cells["heap"]
    assert cells["heap_kept"]["status"] == "ok" and " MB kept on the heap" in cells["heap_kept"]["text"]
    kept_heap_mb = int(cells["heap_kept"]["text"].split()[0])
    assert kept_heap_mb >= 400, f"the heap should hold most of its 768 MiB cap, held {kept_heap_mb} MB"
    native = cells["native"]
    assert native["status"] == "error" and "OutOfMemoryError" in native["text"], native
    assert "maxBytes" in native["text"] or "memory" in native["text"].lower(), native
    assert cells["native_kept"]["status"] == "ok", cells["native_kept"]
    for name in ("while_full", "release", "after"):
        assert cells[name]["status"] == "ok" and cells[name]["kernel_alive"], (name, cells[name])
    assert "still working" in cells["while_full"]["text"]
    assert "10000000" in cells["after"]["text"]


def test_the_heaviest_lesson_runs_in_2_gb(tmp_path):
    """Lesson 02 peaks highest (about 1.46 GiB of kernel RSS, with 03); its checks must pass inside the limit."""
    run, result = memcap(tmp_path, sys.executable, "scripts/nbexec.py", "--out-dir", str(tmp_path),
                         "notebooks/02-slow-and-popular.ipynb")
    print(json.dumps(result), run.stdout, run.stderr[-3000:], sep="\n")
    assert result["oom_kills"] == 0, f"the OOM killer ended a process: {result}"
    assert run.returncode == 0, run.stdout + run.stderr[-3000:]


if __name__ == "__main__":
    if sys.argv[1:2] == ["--probe"] and len(sys.argv) == 3:
        probe(Path(sys.argv[2]))
    else:
        sys.exit("usage: python tests/test_container.py --probe OUT.json (pytest runs the tests)")
