package org.parlab.blas;

import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's native BLAS, seen from Java. The first call loads ND4J's native libraries (a few seconds).
 */
public final class Blas {
    private Blas() {
    }

    /** Which BLAS ND4J loaded and its thread counts. */
    public static BlasInfo info() {
        var blas = Nd4j.factory().blas();
        Environment env = Nd4j.getEnvironment();
        String coreType = System.getenv("OPENBLAS_CORETYPE");
        String waitPolicy = System.getenv("OMP_WAIT_POLICY");
        return new BlasInfo(Nd4j.getBackend().getClass().getSimpleName(), String.valueOf(blas.getBlasVendor()),
                env.blasMajorVersion() + "." + env.blasMinorVersion() + "." + env.blasPatchVersion(),
                blas.getMaxThreads(), env.maxThreads(), coreType == null || coreType.isBlank() ? "auto" : coreType,
                waitPolicy == null || waitPolicy.isBlank() ? "default (active)" : waitPolicy);
    }
}
