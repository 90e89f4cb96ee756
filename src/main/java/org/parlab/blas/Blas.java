package org.parlab.blas;

import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's native BLAS, seen from Java. The first call loads ND4J's native libraries (a few seconds).
 */
public final class Blas {
    private Blas() {
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
}
