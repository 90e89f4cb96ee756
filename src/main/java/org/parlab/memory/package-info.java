/**
 * Memory: bytes a block allocates ({@link org.parlab.memory.Memory#allocation}) and up-front refusals of sizes
 * that cannot fit ({@code requireHeap}, {@code requireOffHeap}), with the numbers.
 *
 * <p>Layer: near the bottom; it uses no other package of the library. Lessons and every package may use it.
 */
package org.parlab.memory;
