package org.parlab.blas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;

/**
 * ND4J's native BLAS, seen from Java: which library it loaded, how many threads its pools use, and limits on
 * them (Python's {@code threadpoolctl}). The first call loads ND4J's native libraries (a few seconds).
 */
public final class Blas {
    private Blas() {
    }

    /**
     * The size m·n·k of a real matrix product at or below which OpenBLAS runs it on one thread whatever the
     * thread count: 65,536 × {@code GEMM_MULTITHREAD_THRESHOLD} (4 unless OpenBLAS was built otherwise), the test
     * in OpenBLAS's {@code interface/gemm.c}. A 64×64 product is the largest square one that stays on one thread.
     */
    public static final long SINGLE_THREAD_MNK = 4L * 65_536;

    /**
     * Whether OpenBLAS may split an (m×k)·(k×n) real product over several threads: m·n·k above
     * {@link #SINGLE_THREAD_MNK}. Smaller products run on the calling thread, so a BLAS thread limit changes
     * nothing for them.
     *
     * @throws IllegalArgumentException if a dimension is negative
     */
    public static boolean splitsProduct(long m, long n, long k) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("dimensions must be ≥ 0, got " + m + "×" + k + " by " + k + "×" + n);
        }
        return (double) m * n * k > SINGLE_THREAD_MNK;
    }

    /**
     * ND4J's own version fields are 0 for the OpenBLAS it ships with (M2.1); the OpenBLAS it loads is
     * JavaCPP's {@code org.bytedeco:openblas} build, whose header version we report then.
     */
    private static String version(String vendor, Environment env) {
        String nd4j = env.blasMajorVersion() + "." + env.blasMinorVersion() + "." + env.blasPatchVersion();
        if (!"0.0.0".equals(nd4j) || !"OPENBLAS".equals(vendor)) {
            return nd4j;
        }
        try {
            String v = org.bytedeco.openblas.global.openblas_nolapack.OPENBLAS_VERSION.trim();
            return v.startsWith("OpenBLAS ") ? v.substring("OpenBLAS ".length()) : v;
        } catch (LinkageError e) {
            return "unknown";
        }
    }

    /** Which BLAS ND4J loaded and its thread counts. */
    public static BlasInfo info() {
        var blas = Nd4j.factory().blas();
        Environment env = Nd4j.getEnvironment();
        String coreType = System.getenv("OPENBLAS_CORETYPE");
        String waitPolicy = System.getenv("OMP_WAIT_POLICY");
        return new BlasInfo(Nd4j.getBackend().getClass().getSimpleName(), String.valueOf(blas.getBlasVendor()),
                version(String.valueOf(blas.getBlasVendor()), env),
                blas.getMaxThreads(), env.maxThreads(), coreType == null || coreType.isBlank() ? "auto" : coreType,
                waitPolicy == null || waitPolicy.isBlank() ? "default (active)" : waitPolicy);
    }

    /** Threads one BLAS call (a matrix product) may use now. */
    public static int threads() {
        return Nd4j.factory().blas().getMaxThreads();
    }

    /**
     * Limits both native pools, BLAS and libnd4j's OpenMP loops, to {@code threads} until the returned limit is
     * closed: use it in a try-with-resources block. See {@link ThreadLimit} for nesting and threads.
     *
     * @throws IllegalArgumentException unless 1 ≤ {@code threads} ≤ {@link ThreadLimit#MAX_THREADS}
     */
    public static ThreadLimit limit(int threads) {
        ThreadLimit.requireThreads("threads", threads);
        return ThreadLimit.open(threads, threads);
    }

    /**
     * Limits BLAS to {@code blasThreads} and libnd4j's OpenMP loops to {@code nd4jThreads} until the returned
     * limit is closed.
     *
     * @throws IllegalArgumentException unless both are between 1 and {@link ThreadLimit#MAX_THREADS}
     */
    public static ThreadLimit limit(int blasThreads, int nd4jThreads) {
        return ThreadLimit.open(blasThreads, nd4jThreads);
    }

    /** Runs {@code work} with both native pools limited to {@code threads} and returns its result. */
    public static <T> T withThreads(int threads, Supplier<T> work) {
        if (work == null) {
            throw new IllegalArgumentException("work must not be null");
        }
        try (ThreadLimit ignored = limit(threads)) {
            return work.get();
        }
    }

    /** Runs {@code work} with both native pools limited to {@code threads}. */
    public static void withThreads(int threads, Runnable work) {
        if (work == null) {
            throw new IllegalArgumentException("work must not be null");
        }
        try (ThreadLimit ignored = limit(threads)) {
            work.run();
        }
    }

    /**
     * The native thread pools below ND4J, like {@code threadpoolctl.threadpool_info()}: OpenBLAS (asked
     * through its own {@code openblas_get_*} functions, called with JNA as threadpoolctl calls them with
     * ctypes) and libnd4j's OpenMP loops.
     */
    public static List<NativePool> pools() {
        Environment env = Nd4j.getEnvironment();
        var blas = Nd4j.factory().blas();
        String vendor = String.valueOf(blas.getBlasVendor());
        Optional<NativeLibrary> openblas = "OPENBLAS".equals(vendor) ? openBlasLibrary() : Optional.empty();
        String layer = openblas.map(Blas::threadingLayer).orElse("unknown");
        String arch = openblas.map(lib -> callString(lib, "openblas_get_corename")).orElse("unknown");
        String path = openblas.map(lib -> lib.getFile() == null ? "unknown" : lib.getFile().getPath()).orElse("unknown");
        int threads = openblas.map(lib -> callInt(lib, "openblas_get_num_threads")).filter(n -> n > 0)
                .orElse(blas.getMaxThreads());
        NativePool blasPool = new NativePool("blas", "OPENBLAS".equals(vendor) ? "OpenBLAS" : vendor,
                version(vendor, env), layer, arch, threads, path);
        List<String> mapped = mappedLibraries();
        boolean gomp = mapped.stream().anyMatch(lib -> lib.contains("libgomp"));
        String nd4jPath = mapped.stream().filter(lib -> lib.contains("libnd4jcpu")).findFirst().orElse("unknown");
        NativePool nd4jPool = new NativePool("openmp", "libnd4j", nd4jVersion(), gomp ? "openmp" : "unknown",
                "n/a", env.maxMasterThreads(), nd4jPath);
        return List.of(blasPool, nd4jPool);
    }

    /**
     * The environment variables that size native thread pools ({@code OPENBLAS_NUM_THREADS},
     * {@code OMP_NUM_THREADS}, {@code MKL_NUM_THREADS}, {@code OMP_WAIT_POLICY}) with this process's values
     * ({@link System#getenv(String)}) and the pool sizes they led to. They are read once, when the native
     * libraries load; {@link #limit(int)} is the way to change the counts while the kernel runs.
     */
    public static List<ThreadVariable> threadVariables() {
        return ThreadVariable.describe(System.getenv(), ThreadLimit.baselineBlasThreads(), Nd4j.getEnvironment().maxThreads(),
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * OpenBLAS's build configuration, e.g. {@code OpenBLAS 0.3.19 DYNAMIC_ARCH NO_AFFINITY Zen MAX_THREADS=64},
     * or {@code "unknown"} when ND4J did not load OpenBLAS.
     */
    public static String config() {
        return openBlasLibrary().map(lib -> callString(lib, "openblas_get_config")).orElse("unknown").trim();
    }

    /** A peak-rate estimate for this machine from its cores, its clock and the BLAS kernel in use. */
    public static PeakEstimate peak() {
        String kernel = pools().get(0).architecture();
        int flops = PeakEstimate.doubleFlopsPerCycle(kernel);
        return new PeakEstimate(Runtime.getRuntime().availableProcessors(), clockGhz(), flops, kernel,
                PeakEstimate.basis(flops));
    }

    /** The highest "cpu MHz" in /proc/cpuinfo, in GHz; NaN where there is no such file. */
    static double clockGhz() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return Double.NaN;
        }
        try (var lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.toLowerCase(Locale.ROOT).startsWith("cpu mhz"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(':') + 1).trim()) / 1000.0)
                    .max().orElse(Double.NaN);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String threadingLayer(NativeLibrary lib) {
        try {
            int parallel = lib.getFunction("openblas_get_parallel").invokeInt(new Object[0]);
            return switch (parallel) {
                case 0 -> "sequential";
                case 1 -> "pthreads";
                case 2 -> "openmp";
                default -> "unknown";
            };
        } catch (RuntimeException | LinkageError e) {
            return "unknown";
        }
    }

    private static int callInt(NativeLibrary lib, String function) {
        try {
            return lib.getFunction(function).invokeInt(new Object[0]);
        } catch (RuntimeException | LinkageError e) {
            return -1;
        }
    }

    private static String callString(NativeLibrary lib, String function) {
        try {
            Function f = lib.getFunction(function);
            String s = f.invokeString(new Object[0], false);
            return s == null ? "unknown" : s.trim();
        } catch (RuntimeException | LinkageError e) {
            return "unknown";
        }
    }

    /**
     * The OpenBLAS that ND4J's products run on, opened again through JNA. JavaCPP loads two OpenBLAS builds
     * with the same soname ({@code libopenblas.so.0}): {@code openblas_nolapack}, first, which libnd4j binds
     * to and whose thread count ND4J sets, and the full one with LAPACK. We ask the first. It is opened with
     * {@code RTLD_NOLOAD} and without {@code RTLD_GLOBAL} (JNA's default): promoting the second copy into the
     * global symbol scope made later BLAS calls mix the two copies' memory pools and abort the JVM
     * ("too many memory regions").
     */
    private static Optional<NativeLibrary> openBlasLibrary() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        // dlopen flags: RTLD_LAZY | RTLD_NOLOAD, local scope (Linux: 0x1 | 0x4; macOS: 0x1 | 0x10 | RTLD_LOCAL 0x4)
        Integer flags = os.contains("linux") ? Integer.valueOf(0x5) : os.contains("mac") ? Integer.valueOf(0x15) : null;
        if (flags == null) {
            return Optional.empty(); // Windows: LoadLibrary has no such flags; report what ND4J says instead
        }
        try {
            Nd4j.factory().blas(); // make sure ND4J (and so OpenBLAS) is loaded
            String jni = Loader.load(org.bytedeco.openblas.global.openblas_nolapack.class);
            if (jni == null) {
                return Optional.empty();
            }
            Path dir = Path.of(jni).getParent();
            for (String name : List.of("libopenblas_nolapack.so.0", "libopenblas_nolapack.0.dylib")) {
                Path candidate = dir.resolve(name);
                if (Files.exists(candidate)) {
                    return Optional.of(NativeLibrary.getInstance(candidate.toString(),
                            Map.of(Library.OPTION_OPEN_FLAGS, flags)));
                }
            }
            return Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static String nd4jVersion() {
        try (var in = Nd4j.class.getResourceAsStream("/META-INF/maven/org.nd4j/nd4j-api/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            var p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static List<String> mappedLibraries() {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return List.of();
        }
        try (var lines = Files.lines(maps)) {
            return lines.map(l -> l.substring(l.lastIndexOf(' ') + 1)).filter(p -> p.startsWith("/")).distinct().toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
