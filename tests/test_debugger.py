"""The debugger steps of lesson 06, checked: install the debug kernel, start it, attach jdb, detach.

`kernel/install.py --debug-port PORT` adds a kernel whose JVM listens for a debugger (JDWP). This test
installs one into a temporary prefix, starts it the way JupyterLab would, runs a cell, attaches the JDK's
command-line debugger (jdb, an ordinary JDWP client like an IDE's "remote JVM debug"), lists the kernel's
threads through it, detaches, and checks that the kernel still runs cells.
"""
from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from parlab_client import Kernel

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def debug_kernel(tmp_path_factory):
    prefix = tmp_path_factory.mktemp("debug-kernel")
    port = free_port()
    subprocess.run([sys.executable, str(ROOT / "kernel" / "install.py"), "--debug-port", str(port),
                    "--prefix", str(prefix)], check=True, capture_output=True, text=True)
    kernels = prefix / "share" / "jupyter" / "kernels"
    spec = json.loads((kernels / "parlab-java-debug" / "kernel.json").read_text())
    with Kernel("parlab-java-debug", kernel_dirs=[str(kernels)]) as kernel:
        yield port, spec, kernel


def test_debug_kernel_is_named_and_listens(debug_kernel):
    port, spec, _ = debug_kernel
    assert spec["display_name"] == f"Java (ParLab, debugger on :{port})"
    assert f"-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:{port}" in spec["argv"]
    # the JDWP handshake: the client sends "JDWP-Handshake" and the JVM answers the same 14 bytes
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(b"JDWP-Handshake")
        assert s.recv(14) == b"JDWP-Handshake"


def test_jdb_attaches_lists_threads_and_detaches(debug_kernel):
    port, spec, kernel = debug_kernel
    kernel.run_ok('String marker = "before the debugger";')
    java = spec["metadata"]["parlab_java"]
    jdb = Path(java).with_name("jdb")
    if not jdb.exists():
        pytest.skip(f"no jdb next to {java} (a JRE without the JDK tools)")
    out = subprocess.run([str(jdb), "-attach", f"127.0.0.1:{port}"], input="threads\nquit\n",
                         capture_output=True, text=True, timeout=60)
    text = out.stdout + out.stderr
    assert "Group main:" in text, text
    assert "jjava-exec" in text or "jjava" in text.lower(), text
    # the kernel keeps working after the debugger detached
    kernel.run_ok('String after = marker + ", and after";')
