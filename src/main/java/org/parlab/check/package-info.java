/**
 * Checks that a lesson makes of its own measurements: {@code check(name, value, expectation)}, {@code skip},
 * {@code choice} for decisions, the expectations of {@link org.parlab.check.Expect} ({@code atLeast},
 * {@code atMost}, {@code near}…) with their conditions ({@code onlyIf}, {@code whenCoresFree},
 * {@code speedupOn}), and {@link org.parlab.check.Parameters} to refuse a parameter outside its stated range.
 * A result is shown as one line and emitted as {@code application/vnd.parlab.check+json} for the tests.
 *
 * <p>Layer: a topic package; it uses {@code display} and the machine readings of {@code org.parlab}. Lessons
 * and topic packages (for their parameter checks) may use it.
 */
package org.parlab.check;
