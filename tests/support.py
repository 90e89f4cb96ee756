"""Helpers the kernel tests share (the fixtures live in conftest.py)."""
from __future__ import annotations

import time

from parlab_client import Kernel

# A thread left running keeps a whole core busy (0.8 to 1.0 cores); an idle kernel still compiles and collects
# for a moment after each cell (typically up to a third of a core in a 1 s window).
IDLE_CORES = 0.5


def ordinary_cell_works(kernel: Kernel, tag: str) -> None:
    """After whatever went before, an ordinary cell still runs and shows its value."""
    cell = kernel.run(f'String after = "{tag}"; after')
    assert cell.ok, cell.text
    assert tag in cell.text


def assert_no_core_burning(kernel: Kernel, settle: float, what: str) -> None:
    """After `settle` seconds, the kernel must use less than IDLE_CORES over the next 2 s."""
    time.sleep(settle)
    used = kernel.cores_used(2.0)
    assert used < IDLE_CORES, f"{what}: the kernel still uses {used:.2f} cores"
