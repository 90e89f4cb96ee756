"""One way to drive a Jupyter kernel from Python: start it, run a cell, collect what the cell showed, stop.

The tests, the benchmark and the installer's training run all talk to the "Java (ParLab)" kernel through
this module, so that a change in how a kernel is started or how its messages are read happens in one place::

    from parlab_client import Kernel

    with Kernel() as k:                      # the installed kernel named by $PARLAB_KERNEL, else parlab-java
        cell = k.run("1 + 1")
        assert cell.ok and "2" in cell.text

A kernel the Jupyter machinery knows by name is started with ``jupyter_client``'s ``KernelManager``. The
installer's training run starts a JVM that is not installed yet, from a kernel spec and extra JVM options:
``Kernel.launch(spec, ...)`` starts that process itself and connects to it through a connection file.

``notebooks`` are executed with nbclient (``scripts/nbexec.py``), which also starts its kernel by
``KERNEL_NAME``.
"""
from __future__ import annotations

import os
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

KERNEL_NAME = os.environ.get("PARLAB_KERNEL", "parlab-java")

#: The cell every start-up measurement runs: a product computed with ND4J, then a chart of it (PNG).
FIRST_CHART = ("INDArray m = Nd4j.rand(DataType.DOUBLE, 200, 200).mmul(Nd4j.rand(DataType.DOUBLE, 200, 200));\n"
               "double[] xs = {1, 2, 3}; double[] ys = {m.sumNumber().doubleValue(), 2, 3};\n"
               "QuickChart.getChart(\"first chart\", \"x\", \"y\", \"y(x)\", xs, ys)")


@dataclass
class Cell:
    """What one executed cell sent back."""

    status: str                                      # the reply's status: "ok", "error" or "aborted"
    content: dict                                    # the execute reply's content
    stdout: str = ""                                 # what the cell printed to stdout
    stderr: str = ""                                 # ... and to stderr
    data: list[dict] = field(default_factory=list)   # the MIME bundles of its results and displays
    errors: list[str] = field(default_factory=list)  # "ename: evalue" and the traceback, per error

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def text(self) -> str:
        """Everything the cell showed as text, in order of kind: streams, text/plain of results, errors."""
        plain = "".join(d.get("text/plain", "") for d in self.data)
        return self.stdout + self.stderr + plain + "\n".join(self.errors)

    def has(self, mime: str) -> bool:
        """Whether some result or display of the cell carried `mime`, e.g. ``image/png``."""
        return any(mime in d for d in self.data)


class Kernel:
    """A running kernel and a blocking client on it. Use it as a context manager, or call start and stop."""

    def __init__(self, name: str | None = None, *, kernel_dirs: list[str] | None = None,
                 startup_timeout: float = 180):
        self.name = name or KERNEL_NAME
        self.kernel_dirs = kernel_dirs
        self.startup_timeout = startup_timeout
        self.km = None       # jupyter_client KernelManager (None for a launched process)
        self.kc = None       # BlockingKernelClient
        self._proc = None    # subprocess.Popen of a launched kernel
        self._tmp = None

    # ---- starting and stopping -------------------------------------------------------------------------

    def start(self) -> "Kernel":
        from jupyter_client.manager import KernelManager

        kwargs = {}
        if self.kernel_dirs is not None:
            from jupyter_client.kernelspec import KernelSpecManager

            kwargs["kernel_spec_manager"] = KernelSpecManager(kernel_dirs=self.kernel_dirs)
        self.km = KernelManager(kernel_name=self.name, **kwargs)
        self.km.start_kernel()
        self.kc = self.km.client()
        self.kc.start_channels()
        try:
            self.kc.wait_for_ready(timeout=self.startup_timeout)
        except BaseException:
            self.stop()
            raise
        return self

    @classmethod
    def launch(cls, spec: dict, resource_dir: Path, *, jvm_options: list[str] = (), log: Path | None = None,
               startup_timeout: float = 180) -> "Kernel":
        """Starts the process of kernel spec `spec` (its argv and env) with `jvm_options` inserted after the
        java executable, outside Jupyter's kernel registry, and connects to it. Its output goes to `log`."""
        from jupyter_client import BlockingKernelClient
        from jupyter_client.connect import write_connection_file

        k = cls(spec.get("display_name", "launched"), startup_timeout=startup_timeout)
        k._tmp = tempfile.TemporaryDirectory()
        conn, _ = write_connection_file(str(Path(k._tmp.name) / "kernel.json"), ip="127.0.0.1")
        argv = [a.replace("{resource_dir}", str(resource_dir)).replace("{connection_file}", conn)
                for a in spec["argv"]]
        argv[1:1] = list(jvm_options)
        out = open(log, "w", encoding="utf-8") if log else subprocess.DEVNULL
        try:
            k._proc = subprocess.Popen(argv, env=dict(os.environ, **spec.get("env", {})), stdout=out,
                                       stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        finally:
            if log:
                out.close()
        k.kc = BlockingKernelClient(connection_file=conn)
        k.kc.load_connection_file()
        k.kc.start_channels(hb=False)  # no manager: the process itself says whether it died
        try:
            k.kc.wait_for_ready(timeout=startup_timeout)
        except BaseException:
            k.stop()
            raise
        return k

    def stop(self) -> None:
        """Stops the channels and the kernel (at once: a kernel under test may be stuck)."""
        if self.kc is not None:
            self.kc.stop_channels()
        if self.km is not None:
            self.km.shutdown_kernel(now=True)
        if self._proc is not None and self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def restart(self) -> None:
        self.km.restart_kernel(now=True)
        self.kc.wait_for_ready(timeout=self.startup_timeout)

    def __enter__(self) -> "Kernel":
        return self if self.kc is not None else self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # ---- the process -----------------------------------------------------------------------------------

    @property
    def pid(self) -> int:
        return self._proc.pid if self._proc is not None else self.km.provisioner.process.pid

    def process(self):
        """The kernel's process as a psutil.Process (CPU times, threads, memory)."""
        import psutil

        return psutil.Process(self.pid)

    def is_alive(self) -> bool:
        return self._proc.poll() is None if self._proc is not None else self.km.is_alive()

    def wait_exit(self, timeout: float) -> int | None:
        """Waits up to `timeout` s for the kernel process to end; its exit code, or None if it still runs."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.is_alive():
                return self._proc.returncode if self._proc is not None else 0
            time.sleep(0.1)
        return None

    def _cpu(self) -> float:
        t = self.process().cpu_times()
        return t.user + t.system

    def cpu_seconds(self) -> float | None:
        """CPU seconds (user + system) the kernel process has used so far, None if unknown."""
        try:
            return self._cpu()
        except Exception:
            return None

    def cores_used(self, seconds: float) -> float:
        """Average number of cores the kernel process uses over the next `seconds` (this call sleeps)."""
        before = self._cpu()
        time.sleep(seconds)
        return (self._cpu() - before) / seconds

    def interrupt(self) -> None:
        self.km.interrupt_kernel()

    def interrupt_after(self, seconds: float) -> threading.Thread:
        """Interrupts the kernel `seconds` from now, from a daemon thread (the cell blocks this one)."""
        t = threading.Thread(target=lambda: (time.sleep(seconds), self.interrupt()), daemon=True)
        t.start()
        return t

    # ---- cells -----------------------------------------------------------------------------------------

    def run(self, code: str, timeout: float = 120, interrupt_after_output: float | None = None) -> Cell:
        """Executes `code` and waits for its reply; returns what the cell sent. Raises TimeoutError.

        With `interrupt_after_output`, the kernel is interrupted that many seconds after the cell's first output
        arrives: the cell is then known to run. (A timer started before sending can fire while the kernel still
        compiles the cell; JJava has nothing to cancel then, and the interrupt is lost.)"""
        cell = Cell(status="", content={})
        timer: list[threading.Thread] = []

        def hook(msg: dict) -> None:
            _collect(cell, msg)
            if interrupt_after_output is not None and not timer and msg["msg_type"] in _OUTPUTS:
                timer.append(self.interrupt_after(interrupt_after_output))

        reply = self.kc.execute_interactive(code, timeout=timeout, output_hook=hook)
        cell.content = reply["content"]
        cell.status = cell.content.get("status", "")
        return cell

    def run_ok(self, code: str, timeout: float = 120) -> Cell:
        """`run`, raising RuntimeError with what the cell showed unless it succeeded."""
        cell = self.run(code, timeout)
        if not cell.ok:
            raise RuntimeError(f"cell failed: {cell.content.get('ename')}: {cell.content.get('evalue')}\n"
                               + cell.text[-2000:])
        return cell

    def run_until_exit(self, code: str, timeout: float = 30) -> Cell:
        """Sends `code` that ends the kernel (System.exit) and collects its output until the process is
        gone; no reply comes. Returns the cell with status "exited", or "running" if it did not end."""
        cell = Cell(status="running", content={})
        msg_id = self.kc.execute(code)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.is_alive():
            self._drain(cell, msg_id, 0.5)
        self._drain(cell, msg_id, 0.5, until_empty=True)  # what arrived before the process ended
        if not self.is_alive():
            cell.status = "exited"
        return cell

    def _drain(self, cell: Cell, msg_id: str, wait: float, until_empty: bool = False) -> None:
        while True:
            try:
                msg = self.kc.get_iopub_msg(timeout=wait)
            except Exception:  # queue.Empty, or the channel of a process that has ended
                return
            if msg.get("parent_header", {}).get("msg_id") == msg_id:
                _collect(cell, msg)
            if not until_empty:
                return


_OUTPUTS = ("stream", "execute_result", "display_data")


def _collect(cell: Cell, msg: dict) -> None:
    c, kind = msg["content"], msg["msg_type"]
    if kind == "stream":
        if c.get("name") == "stderr":
            cell.stderr += c["text"]
        else:
            cell.stdout += c["text"]
    elif kind in ("execute_result", "display_data"):
        cell.data.append(c.get("data", {}))
    elif kind == "error":
        cell.errors.append(c["ename"] + ": " + c["evalue"] + "\n" + "\n".join(c.get("traceback", [])))
