"""On Java 20 and later the watchdog cannot stop a runaway thread (Thread.stop is gone): the student must be told.

The kernel is installed a second time on the newest JDK found (PARLAB_NEW_JAVA, else /usr/lib/jvm/*), a cell
that ignores interrupts is interrupted, and the next cell, however short, must say that a thread is still
using a core and how to restart. Skipped when no Java 20+ is installed.
"""
from __future__ import annotations

import glob
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from parlab_client import Kernel

ROOT = Path(__file__).resolve().parent.parent
KERNEL = "parlab-java-newjdk"


def java_feature(java: str) -> int:
    out = subprocess.run([java, "-XshowSettings:properties", "-version"], capture_output=True, text=True).stderr
    m = re.search(r"java\.specification\.version = (\d+)", out)
    return int(m.group(1)) if m else 0


def newest_java() -> str | None:
    candidates = [os.environ["PARLAB_NEW_JAVA"]] if os.environ.get("PARLAB_NEW_JAVA") else \
        sorted(glob.glob("/usr/lib/jvm/*/bin/java"))
    best = max(((java_feature(j), j) for j in candidates if os.access(j, os.X_OK)), default=(0, None))
    return best[1] if best[0] >= 20 else None


@pytest.fixture(scope="module")
def new_kernel():
    java = newest_java()
    if java is None:
        pytest.skip("no Java 20+ installed (set PARLAB_NEW_JAVA): the warning path cannot be exercised here")
    subprocess.run([sys.executable, str(ROOT / "kernel" / "install.py"), "--name", KERNEL, "--java", java,
                    "--no-cds"],
                   check=True, capture_output=True)
    with Kernel(KERNEL) as kernel:
        yield kernel


def test_the_next_cell_says_a_thread_is_still_running(new_kernel):
    cell = new_kernel.run("Runtime.version().feature()")
    assert cell.ok and int(cell.text.strip()) >= 20, cell.text
    cell = new_kernel.run('System.out.println("looping"); long spins = 0; while (true) { spins++; }',
                          interrupt_after_output=1.5)
    assert cell.status == "error", cell.text
    cell = new_kernel.run("1 + 1")  # a cell far shorter than the watchdog's poll interval
    assert cell.ok, cell.text
    text = cell.text
    assert "is still using a core" in text and "cannot stop it" in text and "Restart Kernel" in text, text
    assert "2" in text
