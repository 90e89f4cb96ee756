#!/usr/bin/env python3
"""ParLab's performance benchmark: the Java (ParLab) kernel next to IPython (ipykernel + numpy + matplotlib).

    ./parlab bench                       # start-up and mmul GFLOPS, side by side
    ./parlab bench --course              # also every notebook's wall time and kernel peak RSS
    .venv/bin/python benchmarks/bench.py --repeats 5 --kernel parlab-java --python-kernel python3

In one run, with the two kernels interleaved round by round:

(a) start-up: a fresh kernel, from starting it to the result of ``1+1``, and to a first chart with the
    native library initialised (ParLab: an ND4J 200×200 product, then an XChart chart rendered as a PNG;
    IPython: a numpy 200×200 product, then a matplotlib figure rendered as a PNG), ``--repeats`` fresh
    kernels each, medians reported;
(b) float64 matrix products C = A·B at 500², 1000², 2000², ND4J (in the ParLab kernel) vs numpy (in the
    IPython kernel), both with their default thread counts (all cores), after a warm-up: the median and the
    best of several products, in GFLOPS (2n³ / time); in two forms: a new result (``a.mmul(b)`` vs
    ``a @ b``) and into a preallocated result (``a.mmuli(b, out)``, ``out`` in ND4J's fast 'f' order, vs
    ``np.matmul(a, b, out=out)``). The ParLab kernel also times a plain-Java triple-loop
    product (500², after warm-up: the JIT's peak speed, to see JVM options that hurt it) and checks ND4J's
    500² product against it;
(c) with ``--course``: every notebook executed in a fresh kernel (scripts/nbexec.py), wall time and kernel
    peak RSS.

It writes target/bench/bench.json, bench.md and bench.png. A benchmark: it reports, it asserts nothing
(it does not run in ``./parlab test``).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "kernel"))

from parlab_client import FIRST_CHART, Kernel  # noqa: E402

SIZES = (500, 1000, 2000)

JAVA_CHART = FIRST_CHART
PY_CHART = ("import numpy as np\nimport matplotlib.pyplot as plt\n"
            "m = np.random.rand(200, 200) @ np.random.rand(200, 200)\n"
            "fig, ax = plt.subplots()\nax.plot([1, 2, 3], [m.sum(), 2, 3])\nax.set_title('first chart')\nplt.show()")

# ND4J products in the ParLab kernel; prints one JSON line
JAVA_MMUL = """
String parlabBench() {
    StringBuilder out = new StringBuilder("{\\"threads\\": " + org.parlab.blas.Blas.threads()
        + ", \\"config\\": \\"" + org.parlab.blas.Blas.config() + "\\", \\"sizes\\": {");
    int[] sizes = {SIZES};
    for (int k = 0; k < sizes.length; k++) {
        int n = sizes[k];
        INDArray a = Nd4j.rand(DataType.DOUBLE, n, n), b = Nd4j.rand(DataType.DOUBLE, n, n);
        INDArray c = Nd4j.create(DataType.DOUBLE, new long[] {n, n}, 'f');
        int reps = n >= 2000 ? REPS_BIG : REPS;
        double[] s = new double[reps], t2 = new double[reps];
        // warm-up: at least 5 products and 1 s (the JIT compiles ND4J's Java side of the call)
        for (long w0 = System.nanoTime(), w = 0; w < 5 || System.nanoTime() - w0 < 1_000_000_000L; w++) a.mmul(b).close();
        for (int r = 0; r < reps; r++) { long t = System.nanoTime(); INDArray p = a.mmul(b); s[r] = (System.nanoTime() - t) / 1e9; p.close(); }
        for (long w0 = System.nanoTime(), w = 0; w < 5 || System.nanoTime() - w0 < 1_000_000_000L; w++) a.mmuli(b, c);
        for (int r = 0; r < reps; r++) { long t = System.nanoTime(); a.mmuli(b, c); t2[r] = (System.nanoTime() - t) / 1e9; }
        out.append(k == 0 ? "" : ", ").append("\\"" + n + "\\": {\\"new\\": [");
        for (int r = 0; r < reps; r++) out.append(r == 0 ? "" : ", ").append(s[r]);
        out.append("], \\"out\\": [");
        for (int r = 0; r < reps; r++) out.append(r == 0 ? "" : ", ").append(t2[r]);
        out.append("]}");
    }
    // plain-Java triple loop (i-k-j), the JIT's peak: 3 warm-ups then REPS timed runs; checks ND4J against it
    int n = 500;
    INDArray a = Nd4j.rand(DataType.DOUBLE, n, n), b = Nd4j.rand(DataType.DOUBLE, n, n);
    double[][] x = a.toDoubleMatrix(), y = b.toDoubleMatrix();
    double[] loop = new double[REPS];
    double[][] z = null;
    for (int r = -3; r < REPS; r++) {
        long t = System.nanoTime();
        z = new double[n][n];
        for (int i = 0; i < n; i++) { double[] zi = z[i], xi = x[i];
            for (int kk = 0; kk < n; kk++) { double v = xi[kk]; double[] yk = y[kk];
                for (int j = 0; j < n; j++) zi[j] += v * yk[j]; } }
        if (r >= 0) loop[r] = (System.nanoTime() - t) / 1e9;
    }
    double[][] nd = a.mmul(b).toDoubleMatrix();
    double err = 0;
    for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) err = Math.max(err, Math.abs(nd[i][j] - z[i][j]) / Math.abs(z[i][j]));
    out.append("}, \\"java_loop_500\\": [");
    for (int r = 0; r < REPS; r++) out.append(r == 0 ? "" : ", ").append(loop[r]);
    out.append("], \\"max_rel_error_500\\": ").append(err).append("}");
    return out.toString();
}
System.out.println(parlabBench());
"""

PY_MMUL = """
def _parlab_bench():
    import json, time
    import numpy as np
    from threadpoolctl import threadpool_info
    info = [p for p in threadpool_info() if p.get("user_api") == "blas"]
    out = {"threads": info[0]["num_threads"] if info else None,
           "config": " ".join(str(info[0].get(k)) for k in ("internal_api", "version", "architecture")) if info else "?",
           "sizes": {}}
    rng = np.random.default_rng(1)
    for n in (SIZES,):
        a, b = rng.random((n, n)), rng.random((n, n))
        c = np.empty((n, n))
        reps = REPS_BIG if n >= 2000 else REPS
        w0, w = time.perf_counter(), 0
        while w < 5 or time.perf_counter() - w0 < 1.0:  # warm-up, as on the Java side
            a @ b; w += 1
        new, into = [], []
        for _ in range(reps):
            t = time.perf_counter(); p = a @ b; new.append(time.perf_counter() - t); del p
        w0, w = time.perf_counter(), 0
        while w < 5 or time.perf_counter() - w0 < 1.0:
            np.matmul(a, b, out=c); w += 1
        for _ in range(reps):
            t = time.perf_counter(); np.matmul(a, b, out=c); into.append(time.perf_counter() - t)
        out["sizes"][str(n)] = {"new": new, "out": into}
    print(json.dumps(out))
_parlab_bench()
"""


def machine(kernel: str) -> dict:
    cpu = "?"
    flags: set[str] = set()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name") and cpu == "?":
                cpu = line.split(":", 1)[1].strip()
            if line.startswith("flags") and not flags:
                flags = set(line.split(":", 1)[1].split())
    except OSError:
        cpu = platform.processor() or platform.machine()
    mem = "?"
    try:
        import psutil
        mem = f"{psutil.virtual_memory().total / 2**30:.0f} GiB"
    except ImportError:
        pass
    java = subprocess.run([kernel_java(kernel), "-version"], capture_output=True, text=True).stderr.splitlines()
    simd = "avx512f" if "avx512f" in flags else ("avx2" if "avx2" in flags else "?")
    return {"cpu": cpu, "cores": os.cpu_count(), "memory": mem, "simd": simd,
            "os": platform.platform(), "python": platform.python_version(),
            "java": java[1].strip() if len(java) > 1 else "?"}


def kernel_java(kernel: str) -> str:
    """The java the benchmarked kernel runs on (its kernelspec says), else java on PATH."""
    try:
        from jupyter_client.kernelspec import KernelSpecManager

        spec = KernelSpecManager().get_kernel_spec(kernel)
        return spec.metadata.get("parlab_java") or "java"
    except Exception:
        return "java"


def load() -> float:
    return round(os.getloadavg()[0], 2)


def start_up(kernel: str, chart_code: str) -> dict:
    """Fresh kernel: seconds from start to the result of 1+1, and to a first PNG chart (after 1+1)."""
    t0 = time.monotonic()
    with Kernel(kernel) as k:
        cell = k.run_ok("1+1")
        assert "2" in cell.text, f"1+1 gave {cell.data}"
        first = time.monotonic() - t0
        cell = k.run_ok(chart_code)
        assert cell.has("image/png"), f"no image/png from the chart cell: {cell.data}"
        chart = time.monotonic() - t0
        cpu = k.cpu_seconds()  # CPU seconds of the kernel so far: less sensitive to a busy machine
    return {"first_result_s": round(first, 3), "first_chart_s": round(chart, 3),
            "kernel_cpu_s": None if cpu is None else round(cpu, 2)}


def mmul(kernel: str, code: str, reps: int, reps_big: int, sizes) -> dict:
    code = (code.replace("REPS_BIG", str(reps_big)).replace("REPS", str(reps))
            .replace("SIZES", ", ".join(map(str, sizes))))
    with Kernel(kernel) as k:
        text = k.run_ok(code, timeout=1200).stdout
    line = [l for l in text.splitlines() if l.startswith("{")][-1]
    raw = json.loads(line)
    out = {"threads": raw["threads"], "config": raw["config"], "sizes": {}}
    for n, forms in raw["sizes"].items():
        f = 2 * int(n) ** 3 / 1e9
        s, o = forms["new"], forms["out"]
        out["sizes"][n] = {"median_gflops": round(f / statistics.median(s), 2), "best_gflops": round(f / min(s), 2),
                           "runs": len(s), "out_median_gflops": round(f / statistics.median(o), 2),
                           "out_best_gflops": round(f / min(o), 2)}
    if "java_loop_500" in raw:
        out["java_loop_500_ms"] = round(1e3 * statistics.median(raw["java_loop_500"]), 1)
        out["max_rel_error_500"] = raw["max_rel_error_500"]
    return out


def course(kernel: str) -> list[dict]:
    os.environ["PARLAB_KERNEL"] = kernel
    import nbexec

    nbexec.KERNEL_NAME = kernel
    rows = []
    for p in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        print(f"  course: {p.name} ...", file=sys.stderr, flush=True)
        r = nbexec.execute(p, out_dir=ROOT / "target" / "bench" / "executed")
        rows.append({"notebook": p.stem, "ok": r.ok, "wall_s": r.wall_s, "peak_rss_mb": r.peak_rss_mb,
                     "first_image_s": r.first_image_s, "problems": r.problems[:3]})
    return rows


def med(rows: list[dict], key: str) -> float:
    return round(statistics.median(r[key] for r in rows), 2)


def markdown(res: dict) -> str:
    m, a = res["machine"], res["args"]
    lines = [f"# ParLab benchmark ({res['date']})", "",
             f"Machine: {m['cpu']}, {m['cores']} cores ({m['simd']}), {m['memory']}, {m['os']}; {m['java']}; "
             f"Python {m['python']}. Load average (1 min) {res['load_before']} before, {res['load_after']} after. "
             f"Kernels: `{a['kernel']}` vs `{a['python_kernel']}`.", ""]
    if res.get("start_up"):
        s = res["start_up"]
        lines += [f"## Start-up (median of {a['repeats']} fresh kernels)", "",
                  "| kernel | start → `1+1` (s) | start → first chart (s) | runs, chart (s) | kernel CPU at chart (s) |",
                  "| --- | ---: | ---: | --- | ---: |"]
        for k, label in (("parlab", "Java (ParLab): ND4J product + XChart PNG"),
                         ("ipython", "IPython: numpy product + matplotlib PNG")):
            rows = s[k]
            lines.append(f"| {label} | {med(rows, 'first_result_s'):.2f} | {med(rows, 'first_chart_s'):.2f} | "
                         + ", ".join(f"{r['first_chart_s']:.2f}" for r in rows)
                         + f" | {statistics.median(r['kernel_cpu_s'] or 0 for r in rows):.2f} |")
        lines += ["", f"ParLab / IPython, first chart: **{s['ratio_first_chart']:.2f}×**; "
                  f"first result: {s['ratio_first_result']:.2f}×", ""]
    if res.get("mmul"):
        p, n = res["mmul"]["parlab"], res["mmul"]["ipython"]
        lines += ["## Matrix product, float64, GFLOPS (median / best)", "",
                  f"ND4J: {p['config']}, {p['threads']} threads; numpy: {n['config']}, {n['threads']} threads. "
                  "*New result*: ND4J `a.mmul(b)` vs numpy `a @ b` (each allocates its result; ND4J's is 'c'-ordered, "
                  "which costs it a copy after the BLAS call). *Into out*: ND4J `a.mmuli(b, out)` with an 'f'-ordered "
                  "`out` vs numpy `np.matmul(a, b, out=out)` (the BLAS call alone).", "",
                  "| n | ND4J, new result | numpy, new result | ratio | ND4J, into out | numpy, into out | ratio |",
                  "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for size in p["sizes"]:
            a_, b_ = p["sizes"][size], n["sizes"][size]
            lines.append(f"| {size} | {a_['median_gflops']:.1f} / {a_['best_gflops']:.1f} | "
                         f"{b_['median_gflops']:.1f} / {b_['best_gflops']:.1f} | "
                         f"**{a_['median_gflops'] / b_['median_gflops']:.2f}×** | "
                         f"{a_['out_median_gflops']:.1f} / {a_['out_best_gflops']:.1f} | "
                         f"{b_['out_median_gflops']:.1f} / {b_['out_best_gflops']:.1f} | "
                         f"{a_['out_median_gflops'] / b_['out_median_gflops']:.2f}× |")
        lines += ["", f"Plain-Java triple loop 500² (JIT peak, median): {p['java_loop_500_ms']} ms; "
                  f"ND4J vs that loop, max relative difference: {p['max_rel_error_500']:.1e}", ""]
    if res.get("course"):
        rows = res["course"]
        lines += ["## The course (each notebook in a fresh kernel)", "",
                  "| notebook | ok | wall (s) | kernel peak RSS (GB) |", "| --- | --- | ---: | ---: |"]
        for r in rows:
            lines.append(f"| {r['notebook']} | {'✔' if r['ok'] else '✘'} | {r['wall_s']:.1f} | "
                         f"{r['peak_rss_mb'] / 1024:.2f} |")
        lines.append(f"| **all** | | **{sum(r['wall_s'] for r in rows):.1f}** | "
                     f"**{max(r['peak_rss_mb'] for r in rows) / 1024:.2f}** (max) |")
        lines.append("")
    return "\n".join(lines)


def chart(res: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    panels = [k for k in ("start_up", "mmul", "course") if res.get(k)]
    fig, axes = plt.subplots(1, len(panels), figsize=(5.5 * len(panels), 4.2), squeeze=False)
    colors = {"ParLab (ND4J)": "#c0504d", "IPython (numpy)": "#4f81bd"}
    for ax, panel in zip(axes[0], panels):
        if panel == "start_up":
            s = res["start_up"]
            labels = ["start → 1+1", "start → first chart"]
            for i, (k, name) in enumerate((("parlab", "ParLab (ND4J)"), ("ipython", "IPython (numpy)"))):
                vals = [med(s[k], "first_result_s"), med(s[k], "first_chart_s")]
                ax.bar([x + 0.38 * i for x in range(2)], vals, 0.38, label=name, color=colors[name])
            ax.set_xticks([x + 0.19 for x in range(2)], labels)
            ax.set_ylabel("seconds (median)")
            ax.set_title("Kernel start-up")
            ax.legend()
        elif panel == "mmul":
            m = res["mmul"]
            sizes = list(m["parlab"]["sizes"])
            for i, (k, name) in enumerate((("parlab", "ParLab (ND4J)"), ("ipython", "IPython (numpy)"))):
                ax.bar([x + 0.38 * i for x in range(len(sizes))],
                       [m[k]["sizes"][n]["median_gflops"] for n in sizes], 0.38, label=name, color=colors[name])
            ax.set_xticks([x + 0.19 for x in range(len(sizes))], [f"{n}²" for n in sizes])
            ax.set_ylabel("GFLOPS (median)")
            ax.set_title("float64 product, new result (a.mmul(b) vs a @ b), all cores")
            ax.legend()
        else:
            rows = res["course"]
            ax.barh([r["notebook"][:22] for r in rows], [r["wall_s"] for r in rows], color="#9bbb59")
            ax.invert_yaxis()
            ax.set_xlabel("wall time, s")
            ax.set_title(f"The course: {sum(r['wall_s'] for r in rows):.0f} s in all")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=3, help="fresh kernels per start-up measurement (default 3)")
    ap.add_argument("--mmul-repeats", type=int, default=9, help="timed products at 500² and 1000² (default 9)")
    ap.add_argument("--mmul-repeats-big", type=int, default=5, help="timed products at 2000² (default 5)")
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)), help="matrix sizes (default 500,1000,2000)")
    ap.add_argument("--course", action="store_true", help="also execute every notebook (wall time, peak RSS)")
    ap.add_argument("--no-start-up", action="store_true", help="skip (a), the start-up measurement")
    ap.add_argument("--no-mmul", action="store_true", help="skip (b), the matrix products")
    ap.add_argument("--kernel", default=os.environ.get("PARLAB_KERNEL", "parlab-java"))
    ap.add_argument("--python-kernel", default="python3")
    ap.add_argument("--out", type=Path, default=ROOT / "target" / "bench")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]

    res = {"date": time.strftime("%Y-%m-%d %H:%M"), "machine": machine(args.kernel), "load_before": load(),
           "args": {"repeats": args.repeats, "kernel": args.kernel, "python_kernel": args.python_kernel,
                    "mmul_repeats": args.mmul_repeats, "mmul_repeats_big": args.mmul_repeats_big}}
    if not args.no_start_up:
        su = {"parlab": [], "ipython": []}
        for i in range(args.repeats):
            for k, kernel, code in (("parlab", args.kernel, JAVA_CHART), ("ipython", args.python_kernel, PY_CHART)):
                su[k].append(start_up(kernel, code))
                print(f"start-up {i + 1}/{args.repeats} {k}: {su[k][-1]}", file=sys.stderr, flush=True)
        su["ratio_first_chart"] = round(med(su["parlab"], "first_chart_s") / med(su["ipython"], "first_chart_s"), 3)
        su["ratio_first_result"] = round(med(su["parlab"], "first_result_s") / med(su["ipython"], "first_result_s"), 3)
        res["start_up"] = su
    if not args.no_mmul:
        res["mmul"] = {}
        for k, kernel, code in (("parlab", args.kernel, JAVA_MMUL), ("ipython", args.python_kernel, PY_MMUL)):
            res["mmul"][k] = mmul(kernel, code, args.mmul_repeats, args.mmul_repeats_big, sizes)
            print(f"mmul {k}: {res['mmul'][k]}", file=sys.stderr, flush=True)
        pl, ip = res["mmul"]["parlab"]["sizes"], res["mmul"]["ipython"]["sizes"]
        res["mmul"]["ratio_median"] = {n: round(pl[n]["median_gflops"] / ip[n]["median_gflops"], 3) for n in pl}
        res["mmul"]["ratio_median_out"] = {n: round(pl[n]["out_median_gflops"] / ip[n]["out_median_gflops"], 3)
                                           for n in pl}
    if args.course:
        res["course"] = course(args.kernel)
    res["load_after"] = load()

    (args.out / "bench.json").write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    md = markdown(res)
    (args.out / "bench.md").write_text(md, encoding="utf-8")
    chart(res, args.out / "bench.png")
    print(md)
    print(f"wrote {args.out / 'bench.md'}, bench.json, bench.png", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
