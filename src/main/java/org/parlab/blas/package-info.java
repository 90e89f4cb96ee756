/**
 * The native thread pools behind ND4J: {@link org.parlab.blas.Blas} (the pools' table, like threadpoolctl, and
 * {@code Blas.limit(n)}, a scoped limit like {@code threadpool_limits}), the thread-count environment variables
 * ({@link org.parlab.blas.ThreadVariable}), a peak estimate and the product grid of lesson 03
 * ({@link org.parlab.blas.ProductGrid}, queried by its parameters).
 *
 * <p>Layer: a topic package; it uses {@code timing}. Lessons may use it.
 */
package org.parlab.blas;
