/**
 * The bridge from library code to the notebook ({@link org.parlab.display.Notebook}): shows a value or a MIME
 * bundle in the current cell, or prints it outside a kernel.
 *
 * <p>Layer: the bottom. It uses no other package of the library, and any package may use it; the kernel
 * extension attaches it at start. Lessons do not need it (JJava has {@code display(...)}).
 */
package org.parlab.display;
