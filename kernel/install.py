#!/usr/bin/env python3
"""Register the "Java (ParLab)" Jupyter kernel in the current Python environment.

The kernel is JJava (PyPI ``jjava``) started directly on a Java 17+ JVM, with the ParLab library
(``target/parlab-*.jar``) and its runtime dependencies (``target/kernel-lib/*.jar``, written by
``mvn package``) on its classpath, the JVM options in ``kernel/jvm.options`` and the imports in
``kernel/startup.jshell``. Run it with the Python of the environment that runs Jupyter::

    python kernel/install.py [--name parlab-java] [--java /path/to/java] [--jvm-opt=-Xmx1g ...]
    python kernel/install.py --debug-port 5005      # a second kernel, "Java (ParLab, debugger on :5005)"

With ``--debug-port`` it installs a separate kernelspec (default name ``parlab-java-debug``) whose JVM
listens for a debugger (JDWP) on 127.0.0.1:PORT without waiting for one; attach an IDE's "remote JVM debug"
configuration, or ``jdb -attach 127.0.0.1:PORT``, to the running kernel.

It is idempotent: running it again replaces the kernelspec.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KERNEL_DIR = ROOT / "kernel"
MIN_JAVA = 17


def fail(msg: str) -> None:
    print(f"kernel/install.py: {msg}", file=sys.stderr)
    sys.exit(1)


def find_java(explicit: str | None) -> Path:
    """The java to run the kernel with: --java, else $JAVA_HOME/bin/java, else java on PATH."""
    candidates = []
    if explicit:
        candidates.append(explicit)
    if os.environ.get("JAVA_HOME"):
        candidates.append(str(Path(os.environ["JAVA_HOME"]) / "bin" / "java"))
    on_path = shutil.which("java")
    if on_path:
        candidates.append(on_path)
    for c in candidates:
        p = Path(c)
        if p.is_file() and os.access(p, os.X_OK):
            p = p.resolve()
            version = java_feature_version(p)
            if version >= MIN_JAVA:
                return p
            if explicit:
                fail(f"--java {c} is Java {version}; the course needs Java {MIN_JAVA}+")
    fail(f"no Java {MIN_JAVA}+ found (tried {candidates or 'nothing: set JAVA_HOME or put java on PATH'})")
    raise AssertionError


def java_feature_version(java: Path) -> int:
    out = subprocess.run([str(java), "-XshowSettings:properties", "-version"], capture_output=True, text=True)
    m = re.search(r"java\.specification\.version = (\d+)", out.stderr)
    return int(m.group(1)) if m else 0


def jjava_resources() -> Path:
    """The directory where the pip package jjava put jjava.jar."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        spec = KernelSpecManager().get_kernel_spec("java")
        d = Path(spec.resource_dir)
        if (d / "jjava.jar").is_file():
            return d
    except NoSuchKernel:
        pass
    d = Path(sys.prefix) / "share" / "jupyter" / "kernels" / "java"
    if (d / "jjava.jar").is_file():
        return d
    fail("jjava.jar not found: install the Python requirements first (pip install -r requirements.txt)")
    raise AssertionError


def library_classpath() -> list[str]:
    jars = sorted((ROOT / "target").glob("parlab-*.jar"))
    jars = [j for j in jars if not j.name.endswith(("-sources.jar", "-javadoc.jar", "-tests.jar"))]
    lib = ROOT / "target" / "kernel-lib"
    if not jars or not lib.is_dir():
        fail("the library is not built: run `mvn package -DskipTests` first (target/parlab-*.jar, target/kernel-lib/)")
    return [str(jars[-1]), str(lib / "*.jar")]


def jvm_options(extra: list[str]) -> list[str]:
    opts = []
    for line in (KERNEL_DIR / "jvm.options").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            opts.append(line)
    return opts + extra


def build_spec(java: Path, opts: list[str]) -> dict:
    spec = json.loads((KERNEL_DIR / "kernel.json.template").read_text(encoding="utf-8"))
    argv = []
    for a in spec["argv"]:
        if a == "@JVM_OPTS@":
            argv.extend(opts)
        elif a == "@JAVA@":
            argv.append(str(java))
        else:
            argv.append(a)
    spec["argv"] = argv
    spec["env"]["JJAVA_CLASSPATH"] = os.pathsep.join(library_classpath())
    spec["env"]["JJAVA_STARTUP_SCRIPTS_PATH"] = str(KERNEL_DIR / "startup.jshell")
    # the Python that runs Jupyter: lessons that compare with CPython run it (org.parlab.gil.CPython)
    spec["env"]["PARLAB_PYTHON"] = sys.executable
    spec["metadata"]["parlab_version"] = project_version()
    return spec


def project_version() -> str:
    m = re.search(r"<artifactId>parlab</artifactId>\s*<version>([^<]+)</version>",
                  (ROOT / "pom.xml").read_text(encoding="utf-8"))
    return m.group(1) if m else "unknown"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--name", default="parlab-java", help="kernelspec name (default: parlab-java)")
    ap.add_argument("--java", help="the java executable to run the kernel with (default: JAVA_HOME, then PATH)")
    ap.add_argument("--jvm-opt", action="append", default=[], metavar="OPT",
                    help="an extra JVM option, e.g. --jvm-opt=-Xmx1g (repeatable)")
    ap.add_argument("--debug-port", type=int, metavar="PORT",
                    help="install a kernel whose JVM accepts a debugger (JDWP) on 127.0.0.1:PORT")
    ap.add_argument("--prefix", default=sys.prefix,
                    help="install under PREFIX/share/jupyter/kernels (default: this Python's prefix)")
    args = ap.parse_args()

    extra = list(args.jvm_opt)
    if args.debug_port is not None:
        if not 1024 <= args.debug_port <= 65535:
            fail(f"--debug-port must be between 1024 and 65535, got {args.debug_port}")
        if args.name == "parlab-java":
            args.name = "parlab-java-debug"
        # server=y: the kernel listens; suspend=n: it starts without waiting for the debugger
        extra.append(f"-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:{args.debug_port}")
    if not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", args.name):
        fail(f"--name must be lower-case letters, digits, '.', '_' or '-', got {args.name!r}")
    java = find_java(args.java)
    resources = jjava_resources()
    spec = build_spec(java, jvm_options(extra))
    if args.debug_port is not None:
        spec["display_name"] = f"{spec['display_name'][:-1]}, debugger on :{args.debug_port})"

    from jupyter_client.kernelspec import KernelSpecManager

    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp) / args.name
        d.mkdir()
        shutil.copy2(resources / "jjava.jar", d / "jjava.jar")
        for logo in resources.glob("logo-*.png"):
            shutil.copy2(logo, d / logo.name)
        (d / "kernel.json").write_text(json.dumps(spec, indent=2) + "\n", encoding="utf-8")
        dest = KernelSpecManager().install_kernel_spec(str(d), args.name, prefix=args.prefix)
    print(f"installed kernel '{args.name}' ({spec['display_name']}) in {dest}")
    print(f"  java: {java}")
    print(f"  classpath: {spec['env']['JJAVA_CLASSPATH']}")


if __name__ == "__main__":
    main()
