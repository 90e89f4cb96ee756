"""The robustness cases (tests/test_robustness.py) on every other JDK 21+ of the machine.

The course kernel runs on the newest JDK that set-up found; students have others (21 is the oldest the course
supports, 26 drops Thread.stop for good). Each other JDK 21+ found in /usr/lib/jvm (or named in
PARLAB_OTHER_JAVA, ':'-separated java executables) gets a kernel of its own, installed without an AOT cache, and
runs the same cases: ■ stops runaway loops, pools, parallel streams and virtual threads, System.exit ends only
the cell. Skipped when the machine has no other JDK 21+.
"""
from __future__ import annotations

import glob
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from parlab_client import Kernel
from test_robustness import *  # noqa: F401,F403  (the cases, run again with this module's `kernel`)

ROOT = Path(__file__).resolve().parent.parent


def java_feature(java: str) -> int:
    out = subprocess.run([java, "-XshowSettings:properties", "-version"], capture_output=True, text=True).stderr
    m = re.search(r"java\.specification\.version = (\d+)", out)
    return int(m.group(1)) if m else 0


def default_kernel_java() -> str:
    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec(os.environ.get("PARLAB_KERNEL", "parlab-java"))
    return os.path.realpath(spec.metadata.get("parlab_java", ""))


def other_jdks() -> list[tuple[int, str]]:
    names = os.environ["PARLAB_OTHER_JAVA"].split(":") if os.environ.get("PARLAB_OTHER_JAVA") else \
        sorted(glob.glob("/usr/lib/jvm/*/bin/java"))
    seen = {default_kernel_java()}
    found = []
    for j in names:
        real = os.path.realpath(j)
        if real in seen or not os.access(real, os.X_OK):
            continue
        seen.add(real)
        v = java_feature(real)
        if v >= 21:
            found.append((v, real))
    return sorted(found)


JDKS = other_jdks()
if not JDKS:
    pytest.skip(f"no JDK 21+ besides the course kernel's ({default_kernel_java()}) on this machine "
                "(set PARLAB_OTHER_JAVA): the cases ran on that one in test_robustness.py", allow_module_level=True)


@pytest.fixture(scope="module", params=JDKS, ids=[f"java{v}" for v, _ in JDKS])
def kernel(request):
    version, java = request.param
    name = f"parlab-java-jdk{version}"
    subprocess.run([sys.executable, str(ROOT / "kernel" / "install.py"), "--name", name, "--java", java, "--no-cds"],
                   check=True, capture_output=True)
    with Kernel(name) as k:
        cell = k.run("Runtime.version().feature()")
        assert cell.ok and int(cell.text.strip()) == version, cell.text
        yield k
