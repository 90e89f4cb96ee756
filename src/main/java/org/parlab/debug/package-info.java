/**
 * Debugging parallel code: {@link org.parlab.debug.Log} (thread-aware log lines with levels),
 * {@link org.parlab.debug.Deadlocks} (find and describe a deadlock), {@link org.parlab.debug.Bisect} (binary
 * search for the first failing input) and {@link org.parlab.debug.ThreadCensus} (the threads alive now, to
 * tell which ones a block started).
 *
 * <p>Layer: near the bottom; it uses no other package of the library. Lessons and topic packages may use it.
 */
package org.parlab.debug;
