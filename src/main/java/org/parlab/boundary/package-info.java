/**
 * The Python half of lesson 04's boundary crossing: {@link org.parlab.boundary.PythonSums} runs the shipped
 * numpy-versus-loops script and reads its results.
 *
 * <p>Layer: a topic package; it uses {@code org.parlab}. Lessons may use it.
 */
package org.parlab.boundary;
