"""The one kernel client (kernel/parlab_client.py) against IPython's kernel, which starts in about a second:
a cell's streams, values, errors and displays come back apart; an interrupt ends a running cell; a cell that
ends the process is seen to end it; a bad kernel name fails at start. The Java kernel's own behaviour is
tested in test_robustness.py and test_magics.py through the same client."""
from __future__ import annotations

import pytest
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

from parlab_client import Cell, Kernel

PYTHON = "python3"


def python_kernel_installed() -> bool:
    try:
        KernelSpecManager().get_kernel_spec(PYTHON)
        return True
    except NoSuchKernel:
        return False


pytestmark = pytest.mark.skipif(not python_kernel_installed(), reason="no python3 kernel (ipykernel) installed")


@pytest.fixture(scope="module")
def ipython():
    with Kernel(PYTHON, startup_timeout=60) as k:
        yield k


def test_streams_values_and_errors_come_back_apart(ipython):
    cell = ipython.run("import sys\nprint('out'); print('err', file=sys.stderr); 6 * 7")
    assert cell.ok, cell.text
    assert cell.stdout == "out\n" and cell.stderr == "err\n"
    assert cell.data[-1]["text/plain"] == "42"
    assert "out" in cell.text and "42" in cell.text
    cell = ipython.run("1 / 0")
    assert cell.status == "error" and not cell.ok
    assert cell.errors and cell.errors[0].startswith("ZeroDivisionError: division by zero")
    with pytest.raises(RuntimeError, match="ZeroDivisionError"):
        ipython.run_ok("1 / 0")


def test_displays_are_found_by_mime_type(ipython):
    cell = ipython.run("from IPython.display import HTML, display\ndisplay(HTML('<b>x</b>'))")
    assert cell.ok and cell.has("text/html") and not cell.has("image/png")


def test_an_interrupt_ends_a_running_cell(ipython):
    cell = ipython.run("import time\nprint('looping', flush=True)\nwhile True: time.sleep(0.01)", timeout=30,
                       interrupt_after_output=0.5)
    assert cell.status == "error" and "KeyboardInterrupt" in cell.text
    assert ipython.run("'still here'").ok
    assert ipython.cores_used(0.5) < 0.5


def test_a_cell_that_ends_the_process_is_seen_to_end_it():
    with Kernel(PYTHON, startup_timeout=60) as k:
        pid = k.pid
        # IPython sends output from a background thread: give it half a second before the process ends
        cell = k.run_until_exit("import os, time\nprint('bye', flush=True)\ntime.sleep(0.5)\nos._exit(3)", timeout=30)
        assert cell.status == "exited" and not k.is_alive(), pid
        assert "bye" in cell.stdout


def test_an_unknown_kernel_fails_to_start():
    with pytest.raises(NoSuchKernel):
        Kernel("no-such-kernel-here").start()


def test_a_cell_record_joins_its_text_in_order_of_kind():
    cell = Cell(status="ok", content={}, stdout="a", stderr="b", data=[{"text/plain": "c"}], errors=["E: d"])
    assert cell.text == "abcE: d" and cell.ok and cell.has("text/plain")
