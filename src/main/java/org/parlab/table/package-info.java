/**
 * Tables a lesson types in one line: {@link org.parlab.table.Tables#of} turns a list of records into a
 * Tablesaw table, which the kernel renders as HTML.
 *
 * <p>Layer: a topic package; it uses {@code org.parlab} only. Lessons and topic packages may use it.
 */
package org.parlab.table;
