"""The course in a real browser: JupyterLab from this environment, 00-welcome run in headless Chromium.

JupyterLab serves a copy of notebooks/ (00-welcome without its stored outputs, so everything the test sees
comes from this run, and nothing is saved into the repository) on a free local port with a token. Playwright
drives Debian's Chromium (PARLAB_CHROMIUM, else /usr/bin/chromium; Playwright never downloads a browser
here): the notebook opens on the Java (ParLab) kernel, Run → Run All Cells, and once the kernel is idle
every code cell must have an execution count, a PNG chart must be rendered (natural size > 0) and no error
or stderr output may be shown. The screenshot goes to target/browser/00-welcome.png. JupyterLab, its
kernel and the browser are stopped afterwards, also when the test fails.
"""
from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import nbformat
import psutil
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = "00-welcome.ipynb"
from parlab_client import KERNEL_NAME  # noqa: E402  (kernel/ is on sys.path: conftest.py)
SCREENSHOT = ROOT / "target" / "browser" / "00-welcome.png"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# JupyterLab settings for the test's own settings directory: no "Jupyter news?" pop-up over the notebook,
# and every cell kept in the page (JupyterLab 4 otherwise leaves cells far outside the view out of the DOM)
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false"},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}
SERVER_START_S = 120     # a cold Python on a busy 2-core machine
KERNEL_READY_S = 180
RUN_ALL_S = 600          # 00-welcome takes about 10 s; a busy machine may take many times that


def chromium() -> str:
    """The Chromium to drive, or a pytest skip/fail saying why there is none."""
    path = os.environ.get("PARLAB_CHROMIUM") or "/usr/bin/chromium"
    if os.access(path, os.X_OK):
        return path
    if os.environ.get("PARLAB_CHROMIUM") or os.environ.get("PARLAB_NO_APT") == "1" or os.geteuid() != 0:
        pytest.skip(f"no Chromium at {path}: install Debian's chromium (apt-get install --no-install-recommends "
                    "chromium) or set PARLAB_CHROMIUM to a Chromium executable")
    pytest.fail(f"no Chromium at {path}, although running as root: scripts/test-tools.sh (run by ./parlab test) "
                "should have installed it with apt-get")
    raise AssertionError


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_json(url: str, method: str = "GET", timeout: float = 10):
    req = urllib.request.Request(url, method=method)
    with urllib.request.urlopen(req, timeout=timeout) as r:
        body = r.read()
    return json.loads(body) if body else None


class Lab:
    """A JupyterLab server in its own scratch directory; stop() ends it and every process it started."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.token = secrets.token_hex(16)
        self.log_path = workdir / "jupyterlab.log"
        self.proc: subprocess.Popen | None = None
        self.port = 0
        self._children: dict[int, psutil.Process] = {}

    def url(self, path: str, **query: str) -> str:
        q = "&".join(f"{k}={v}" for k, v in {**query, "token": self.token}.items())
        return f"http://127.0.0.1:{self.port}/{path.lstrip('/')}?{q}"

    def start(self) -> None:
        settings = self.workdir / "settings"
        for name, value in LAB_SETTINGS.items():
            (settings / name).parent.mkdir(parents=True, exist_ok=True)
            (settings / name).write_text(json.dumps(value), encoding="utf-8")
        env = dict(os.environ,
                   JUPYTER_TOKEN=self.token,
                   JUPYTER_CONFIG_DIR=str(self.workdir / "config"),     # no user configuration
                   JUPYTER_RUNTIME_DIR=str(self.workdir / "runtime"),
                   JUPYTER_DATA_DIR=str(self.workdir / "data"))         # kernels: this environment's only
        for attempt in range(3):  # another process may take the free port before the server binds it
            self.port = free_port()
            argv = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={self.port}",
                    "--ip=127.0.0.1", "--ServerApp.port_retries=0", "--ServerApp.log_level=WARN",
                    f"--ServerApp.root_dir={self.workdir / 'root'}",
                    f"--LabApp.user_settings_dir={settings}",
                    f"--LabApp.workspaces_dir={self.workdir / 'workspaces'}",
                    "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
            if os.geteuid() == 0:
                argv.append("--allow-root")
            with open(self.log_path, "ab") as log:
                self.proc = subprocess.Popen(argv, cwd=self.workdir, env=env, stdin=subprocess.DEVNULL,
                                             stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
            deadline = time.monotonic() + SERVER_START_S
            while time.monotonic() < deadline and self.proc.poll() is None:
                try:
                    http_json(self.url("api/status"), timeout=5)
                    return
                except (urllib.error.URLError, OSError, ValueError):
                    time.sleep(0.5)
            if self.proc.poll() is None:
                self.stop()
                raise AssertionError(f"JupyterLab did not answer within {SERVER_START_S} s\n{self.log_tail()}")
        raise AssertionError(f"JupyterLab did not start (3 attempts)\n{self.log_tail()}")

    def remember_children(self) -> None:
        """Notes the server's child processes (kernels), which live in sessions of their own."""
        if self.proc is None:
            return
        try:
            for p in psutil.Process(self.proc.pid).children(recursive=True):
                self._children[p.pid] = p
        except psutil.Error:
            pass

    def sessions(self) -> list[dict]:
        return http_json(self.url("api/sessions")) or []

    def wait_for_idle_kernel(self, path: str, timeout_s: float) -> list[str]:
        """Waits until a session of `path` has an idle kernel; returns the kernel names of its sessions."""
        deadline = time.monotonic() + timeout_s
        while True:
            mine = [s["kernel"] for s in self.sessions() if s.get("path") == path and s.get("kernel")]
            if any(k.get("execution_state") == "idle" for k in mine):
                return [k.get("name") for k in mine]
            if time.monotonic() > deadline:
                raise AssertionError(f"no idle kernel for {path} after {timeout_s} s: {mine}\n{self.log_tail()}")
            time.sleep(0.5)

    def stop(self) -> None:
        if self.proc is None:
            return
        self.remember_children()
        if self.proc.poll() is None:
            try:  # shuts down the kernels, then the server
                http_json(self.url("api/shutdown"), method="POST", timeout=10)
                self.proc.wait(timeout=20)
            except (urllib.error.URLError, OSError, ValueError, subprocess.TimeoutExpired):
                pass
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        for p in self._children.values():
            try:
                p.kill()
            except psutil.Error:
                pass
        psutil.wait_procs(list(self._children.values()), timeout=10)
        self.proc = None

    def log_tail(self, lines: int = 40) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no JupyterLab log)"
        return "JupyterLab log (last lines):\n" + "\n".join(text.splitlines()[-lines:])


@contextlib.contextmanager
def lab_serving_a_copy(workdir: Path):
    """JupyterLab serving a copy of notebooks/ in which 00-welcome has no stored outputs."""
    root = workdir / "root"
    shutil.copytree(ROOT / "notebooks", root / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    nb = nbformat.read(root / "notebooks" / NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nbformat.write(nb, root / "notebooks" / NOTEBOOK)
    server = Lab(workdir)
    try:
        server.start()
        yield server
    finally:
        server.stop()


def test_welcome_notebook_kernel_is_parlab():
    nb = nbformat.read(ROOT / "notebooks" / NOTEBOOK, as_version=4)
    spec = nb.metadata.get("kernelspec", {})
    assert spec.get("name") == KERNEL_NAME, f"{NOTEBOOK} asks for kernel {spec.get('name')!r}, not {KERNEL_NAME!r}"
    assert spec.get("display_name") == "Java (ParLab)"


# JavaScript run in the page; all of them look at the notebook shown in the main area
JS_KERNEL_NAME = "() => document.querySelector('.jp-NotebookPanel .jp-Toolbar-kernelName')?.textContent.trim()"
JS_PROMPTS = ("() => [...document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell .jp-InputPrompt')]"
              ".map(e => e.textContent.trim())")
SEL_STDERR = ('.jp-NotebookPanel .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"], '
              '.jp-NotebookPanel .jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"]')
# done: the kernel is idle and either every code cell has a count or an error stopped "Run All"
JS_DONE = """() => {
    const status = document.querySelector('.jp-Notebook-ExecutionIndicator')?.dataset.status;
    const prompts = [...document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell .jp-InputPrompt')]
        .map(e => e.textContent.trim());
    if (status !== 'idle' || prompts.length === 0 || prompts.includes('[*]:')) return false;
    return prompts.every(p => /^\\[\\d+\\]:$/.test(p)) || document.querySelector('%s') !== null;
}""" % SEL_STDERR.replace("'", "\\'")
SEL_IMG = ".jp-NotebookPanel .jp-OutputArea-output img"
JS_IMAGES = """() => [...document.querySelectorAll('.jp-NotebookPanel .jp-OutputArea-output img')]
    .map(e => ({src: e.src.slice(0, 22), w: e.naturalWidth, h: e.naturalHeight, complete: e.complete}))"""


def run_welcome(sync_api, executable: str, workdir: Path, code_cells: int) -> dict:
    """Opens 00-welcome in a fresh JupyterLab and browser, runs all cells and returns what the page showed."""
    with lab_serving_a_copy(workdir) as lab, sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch_persistent_context(
            str(workdir / "chromium-profile"), executable_path=executable, headless=True,
            chromium_sandbox=False, args=CHROMIUM_ARGS, viewport={"width": 1280, "height": 900},
            timeout=120_000)
        try:
            page = browser.pages[0] if browser.pages else browser.new_page()
            page.set_default_timeout(120_000)
            try:
                page.goto(lab.url(f"lab/tree/notebooks/{NOTEBOOK}"), wait_until="domcontentloaded")
                page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=KERNEL_READY_S * 1000)
                # the notebook's kernel, started by JupyterLab from the notebook's metadata: shown in the
                # toolbar, and idle after its start-up (the server's view: the page shows the kernel's
                # state only once it has run something)
                page.wait_for_function(f"() => ({JS_KERNEL_NAME})() === 'Java (ParLab)'",
                                       timeout=KERNEL_READY_S * 1000, polling=500)
                kernels = lab.wait_for_idle_kernel(f"notebooks/{NOTEBOOK}", KERNEL_READY_S)
                assert kernels == [KERNEL_NAME], f"sessions of {NOTEBOOK} run kernels {kernels}"
                lab.remember_children()
                assert page.locator(".jp-NotebookPanel .jp-CodeCell").count() == code_cells

                page.get_by_role("menuitem", name="Run", exact=True).click()
                page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
                t0 = time.monotonic()
                page.wait_for_function(JS_DONE, timeout=RUN_ALL_S * 1000, polling=1000)
                shown = {
                    "run_s": time.monotonic() - t0,
                    "errors": list(dict.fromkeys(page.locator(SEL_STDERR).all_inner_texts())),
                    "prompts": page.evaluate(JS_PROMPTS),
                    "images": page.evaluate(JS_IMAGES),
                }
                if page.locator(SEL_IMG).count():
                    page.locator(SEL_IMG).first.scroll_into_view_if_needed()
                return shown
            finally:
                page.screenshot(path=str(SCREENSHOT))
        finally:
            browser.close()


def test_welcome_runs_in_jupyterlab_in_chromium(tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed "
                                   "(pip install -r requirements.txt)")
    executable = chromium()
    nb = nbformat.read(ROOT / "notebooks" / NOTEBOOK, as_version=4)
    code_cells = sum(1 for c in nb.cells if c.cell_type == "code")
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    SCREENSHOT.unlink(missing_ok=True)

    # a failed check shows a ✘ line, not an error (the notebook tests judge the checks): any error is a breakage
    shown = run_welcome(sync_api, executable, tmp_path / "run1", code_cells)

    assert not shown["errors"], f"{NOTEBOOK} shows error output in the browser:\n" + "\n---\n".join(shown["errors"])
    prompts = shown["prompts"]
    assert len(prompts) == code_cells and all(p[1:-2].isdigit() for p in prompts), \
        f"not every code cell ran: prompts {prompts}"
    charts = [i for i in shown["images"] if i["src"].startswith("data:image/png") and i["w"] > 0 and i["h"] > 0]
    assert charts, f"no rendered PNG chart in the output areas: {shown['images']}"
    assert SCREENSHOT.stat().st_size > 10_000
    print(f"\n{NOTEBOOK} in Chromium: Run All took {shown['run_s']:.1f} s; {len(charts)} chart(s), "
          f"{charts[0]['w']}×{charts[0]['h']} px; screenshot {SCREENSHOT.relative_to(ROOT)}")
