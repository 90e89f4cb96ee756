#!/usr/bin/env python3
"""Register the "Java (ParLab)" Jupyter kernel in the current Python environment.

The kernel is JJava (PyPI ``jjava``) started directly on a Java 21+ JVM (``--java``, else ``$JAVA_HOME``,
which ``./parlab`` and ``scripts/install.sh`` set to the newest JDK found, else ``java`` on PATH), with the ParLab library
(``target/parlab-*.jar``) and its runtime dependencies (``target/kernel-lib/*.jar``, written by
``mvn package``) on its classpath, the JVM options in ``kernel/jvm.options`` and the imports in
``kernel/startup.jshell``, and ParLab's agent (``-javaagent:target/parlab-*-agent.jar``,
``org.parlab.agent``), which lets ■ stop a cell's loops and refuses ``System.exit`` from a cell. Run it with the Python of the environment that runs Jupyter::

    python kernel/install.py [--name parlab-java] [--java /path/to/java] [--jvm-opt=-Xmx1g ...]
    python kernel/install.py --debug-port 5005      # a second kernel, "Java (ParLab, debugger on :5005)"

With ``--debug-port`` it installs a separate kernelspec (default name ``parlab-java-debug``) whose JVM
listens for a debugger (JDWP) on 127.0.0.1:PORT without waiting for one; attach an IDE's "remote JVM debug"
configuration, or ``jdb -attach 127.0.0.1:PORT``, to the running kernel.

It is idempotent: running it again replaces the kernelspec.

Faster start-up (see docs/performance.md): after writing the kernelspec it starts the kernel once on a few
training cells (``1+1``, an ND4J product and an XChart chart, a Tablesaw table). That run

* extracts JavaCPP's native libraries (ND4J, OpenBLAS) into JavaCPP's cache (``~/.javacpp/cache``), which a
  fresh machine's first kernel would otherwise do on its first ND4J call (seconds for ~400 MB);
* on Java 25+, writes an AOT cache (JEP 483/514/515: the classes the kernel loaded, already parsed and linked,
  and the method profiles; ``-XX:AOTCacheOutput``) to ``target/kernel-cds/NAME.aot``, which the kernelspec then
  maps (``-XX:AOTCache``). Older JDKs cannot archive a JVM that runs a Java agent without a diagnostic flag, so
  on Java 21-24 the kernel uses the JDK's own class-data archive only. The cache is rebuilt only when what it
  depends on changes (the java, jjava.jar, the JVM options, the library's jars); a missing or unusable one is
  ignored by the JVM (``-XX:AOTMode=auto``), so the kernel always starts. ``--no-cds`` skips it.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from parlab_client import FIRST_CHART, Kernel  # kernel/parlab_client.py, next to this script

ROOT = Path(__file__).resolve().parent.parent
KERNEL_DIR = ROOT / "kernel"
MIN_JAVA = 21


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


def library_jars() -> list[Path]:
    return sorted((ROOT / "target").glob("parlab-*.jar")) + sorted((ROOT / "target" / "kernel-lib").glob("*.jar"))


def library_classpath() -> list[str]:
    jars = sorted((ROOT / "target").glob("parlab-*.jar"))
    jars = [j for j in jars if not j.name.endswith(("-sources.jar", "-javadoc.jar", "-tests.jar", "-agent.jar"))]
    lib = ROOT / "target" / "kernel-lib"
    if not jars or not lib.is_dir():
        fail("the library is not built: run `mvn package -DskipTests` first (target/parlab-*.jar, target/kernel-lib/)")
    return [str(jars[-1]), str(lib / "*.jar")]


def agent_jar() -> Path:
    """target/parlab-VERSION-agent.jar, the kernel's -javaagent (its manifest finds ASM in target/kernel-lib/)."""
    jars = sorted((ROOT / "target").glob("parlab-*-agent.jar"))
    if not jars:
        fail("the agent is not built: run `mvn package -DskipTests` first (target/parlab-*-agent.jar)")
    return jars[-1]


def jvm_options(extra: list[str], java_version: int) -> list[str]:
    """kernel/jvm.options for this Java: a line "NN+: OPTION" applies from Java NN on."""
    opts = [f"-javaagent:{agent_jar()}"]
    for line in (KERNEL_DIR / "jvm.options").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        m = re.fullmatch(r"(\d+)\+:\s*(\S+)", line)
        if m:
            if java_version >= int(m.group(1)):
                opts.append(m.group(2))
        elif line:
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
    spec["metadata"]["parlab_java"] = str(java)
    return spec


def launched(spec: dict) -> dict:
    """The spec as installed: on POSIX systems the JVM starts through kernel/launch.sh, which sizes the native
    thread pools (OpenBLAS, OpenMP) to the container's CPU quota before their libraries load."""
    if os.name != "posix" or os.environ.get("PARLAB_NO_LAUNCHER") == "1":
        return spec
    out = dict(spec)
    out["argv"] = ["/bin/sh", str(KERNEL_DIR / "launch.sh")] + list(spec["argv"])
    return out


TRAINING_CELLS = [
    "1+1",
    FIRST_CHART,
    "Table.create(\"t\", DoubleColumn.create(\"x\", new double[] {1, 2}))",
]


def cds_key(spec: dict, kernel_dir: Path) -> str:
    """What the archive depends on: the JVM (its build), jjava.jar and its path, the JVM options."""
    h = hashlib.sha256()
    java = spec["argv"][0]
    h.update(subprocess.run([java, "-version"], capture_output=True, text=True).stderr.encode())
    h.update(java.encode())
    h.update(str(kernel_dir / "jjava.jar").encode())
    h.update((kernel_dir / "jjava.jar").read_bytes())
    h.update(json.dumps(spec["argv"][1:-1]).encode())
    h.update(json.dumps(TRAINING_CELLS).encode())
    for jar in library_jars():  # the library's classes are archived too (a changed class is read from its jar)
        h.update(f"{jar.name} {jar.stat().st_size}".encode())
    return h.hexdigest()


AOT_MIN_JAVA = 25  # -XX:AOTCacheOutput: a one-step training run (JEP 514)


def train(spec: dict, kernel_dir: Path, archive: Path, log: Path) -> bool:
    """Runs the kernel on TRAINING_CELLS with -XX:AOTCacheOutput=archive; True if the cache was written."""
    tmp_archive = archive.with_suffix(".tmp.aot")
    tmp_archive.unlink(missing_ok=True)
    ok, code = False, None
    try:
        # parlab.allowExit: the agent lets this kernel's System.exit through (the archive is written at exit)
        kernel = Kernel.launch(spec, kernel_dir, jvm_options=[f"-XX:AOTCacheOutput={tmp_archive}",
                                                              "-Dparlab.allowExit=true"], log=log)
    except Exception as e:  # the kernel still works without an archive
        with open(log, "a", encoding="utf-8") as out:
            print(f"  AOT-cache training could not start the kernel: {type(e).__name__}: {e}", file=out)
        return False
    try:
        replies = [kernel.run(cell, timeout=180) for cell in TRAINING_CELLS]
        # exit the JVM from a cell: the cache is written at a normal exit (a child JVM assembles it), and after a
        # shutdown request the JVM lingers (non-daemon threads) until Jupyter would kill it
        kernel.run_until_exit("System.exit(0);", timeout=300)
        code = kernel.wait_exit(1)
        ok = all(r.ok for r in replies)
    except Exception as e:
        with open(log, "a", encoding="utf-8") as out:
            print(f"  AOT-cache training failed: {type(e).__name__}: {e}", file=out)
    finally:
        kernel.stop()
    if ok and code == 0 and tmp_archive.is_file() and tmp_archive.stat().st_size > 0:
        tmp_archive.replace(archive)
        return True
    tmp_archive.unlink(missing_ok=True)
    return False


def with_cds(spec: dict, name: str, kernel_dir: Path) -> str:
    """Builds (or reuses) target/kernel-cds/NAME.aot and adds it to spec's argv; returns what happened."""
    version = java_feature_version(Path(spec["argv"][0]))
    if version < AOT_MIN_JAVA:
        return f"no AOT cache on Java {version} (needs {AOT_MIN_JAVA}+): the kernel starts with the JDK's class-data archive"
    out = ROOT / "target" / "kernel-cds"
    out.mkdir(parents=True, exist_ok=True)
    archive, stamp = out / f"{name}.aot", out / f"{name}.key"
    key = cds_key(spec, kernel_dir)
    if archive.is_file() and stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == key:
        status = f"AOT cache up to date: {archive}"
    else:
        archive.unlink(missing_ok=True)
        t0 = time.monotonic()
        if not train(spec, kernel_dir, archive, out / f"{name}.train.log"):
            return f"AOT cache NOT built (the kernel starts without it; see {out / f'{name}.train.log'})"
        stamp.write_text(key + "\n", encoding="utf-8")
        status = f"AOT cache built in {time.monotonic() - t0:.0f} s: {archive}"
    # -XX:AOTMode=auto (the default): a cache that is missing or no longer matches is ignored; the -Xlog
    # options keep the JVM's warning about a stale one out of the kernel's output
    spec["argv"][1:1] = [f"-XX:AOTCache={archive}", "-XX:AOTMode=auto", "-Xlog:aot=off", "-Xlog:cds=off"]
    return status


def project_version() -> str:
    m = re.search(r"<artifactId>parlab</artifactId>\s*<version>([^<]+)</version>",
                  (ROOT / "pom.xml").read_text(encoding="utf-8"))
    return m.group(1) if m else "unknown"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--name", default="parlab-java", help="kernelspec name (default: parlab-java)")
    ap.add_argument("--java", help="the java executable (21+) to run the kernel with (default: JAVA_HOME, then PATH)")
    ap.add_argument("--jvm-opt", action="append", default=[], metavar="OPT",
                    help="an extra JVM option, e.g. --jvm-opt=-Xmx1g (repeatable)")
    ap.add_argument("--debug-port", type=int, metavar="PORT",
                    help="install a kernel whose JVM accepts a debugger (JDWP) on 127.0.0.1:PORT")
    ap.add_argument("--prefix", default=sys.prefix,
                    help="install under PREFIX/share/jupyter/kernels (default: this Python's prefix)")
    ap.add_argument("--no-cds", action="store_true",
                    help="no AOT cache (no training run; the kernel loads its classes the slow way)")
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
    spec = build_spec(java, jvm_options(extra, java_feature_version(java)))
    if args.debug_port is not None:
        spec["display_name"] = f"{spec['display_name'][:-1]}, debugger on :{args.debug_port})"

    from jupyter_client.kernelspec import KernelSpecManager

    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp) / args.name
        d.mkdir()
        shutil.copy2(resources / "jjava.jar", d / "jjava.jar")
        for logo in resources.glob("logo-*.png"):
            shutil.copy2(logo, d / logo.name)
        (d / "kernel.json").write_text(json.dumps(launched(spec), indent=2) + "\n", encoding="utf-8")
        dest = KernelSpecManager().install_kernel_spec(str(d), args.name, prefix=args.prefix)
    cds = None
    if not args.no_cds and args.debug_port is None:  # (a training run would open the debugger's port)
        # trained on the installed jjava.jar: the archive records the class path, and a different one voids it
        cds = with_cds(spec, args.name, Path(dest))
        (Path(dest) / "kernel.json").write_text(json.dumps(launched(spec), indent=2) + "\n", encoding="utf-8")
    print(f"installed kernel '{args.name}' ({spec['display_name']}) in {dest}")
    if cds:
        print(f"  {cds}")
    print(f"  java: {java}")
    print(f"  classpath: {spec['env']['JJAVA_CLASSPATH']}")


if __name__ == "__main__":
    main()
