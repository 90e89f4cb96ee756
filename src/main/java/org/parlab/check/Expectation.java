package org.parlab.check;

import java.util.Objects;
import java.util.function.DoublePredicate;

/**
 * What a measured number is expected to be, e.g. {@code atMost(1.1)} or {@code between(1.6, 2.2)}.
 * Made by the factories in {@link Expect}; immutable.
 *
 * <p>An expectation can carry a precondition about the machine: {@code atLeast(1.5).onlyIf(cores >= 2,
 * "needs 2 cores")} is reported as <em>skipped</em> (not passed) where the condition is false.
 */
public final class Expectation {
    private final String description;
    private final DoublePredicate test;
    private final String skipReason; // null: applies
    private final boolean unanswered; // a bound is an exercise's answer that is still NaN
    private final boolean lowerBound; // passes on every value above some bound (atLeast, greaterThan)
    private final int capacityNeeded; // cores whose capacity is probed when judging (0: none)
    /** How far back {@link #whenCoresFree} looks for other programs' work: about the longest measurement. */
    static final java.time.Duration LOOKBACK = java.time.Duration.ofSeconds(30);
    /** Measures what n threads get; replaced in tests, which cannot make two vCPUs share a core on demand. */
    static java.util.function.IntFunction<org.parlab.CoreCapacity> capacityProbe = org.parlab.CoreCapacity::measure;

    Expectation(String description, DoublePredicate test, String skipReason) {
        this(description, test, skipReason, false, false, 0);
    }

    private Expectation(String description, DoublePredicate test, String skipReason, boolean unanswered,
                        boolean lowerBound, int capacityNeeded) {
        this.description = Objects.requireNonNull(description, "description");
        this.test = Objects.requireNonNull(test, "test");
        this.skipReason = skipReason;
        this.unanswered = unanswered;
        this.lowerBound = lowerBound;
        this.capacityNeeded = capacityNeeded;
    }

    /** An expectation built from an exercise's answer that is still blank ({@code Double.NaN}). */
    static Expectation unanswered(String description) {
        return new Expectation(description, v -> false, null, true, false, 0);
    }

    /** A lower bound ({@code atLeast}, {@code greaterThan}): see {@link #whenCoresFree} for what that changes. */
    static Expectation lowerBound(String description, DoublePredicate test) {
        return new Expectation(description, test, null, false, true, 0);
    }

    private Expectation skipped(String reason) {
        return new Expectation(description, test, reason, false, lowerBound, 0);
    }

    /**
     * True when a bound of this expectation is an exercise's answer that is still {@code Double.NaN}: the check
     * reports the exercise as unanswered instead of judging it.
     */
    public boolean unanswered() {
        return unanswered;
    }

    /** Does {@code value} meet this expectation? */
    public boolean test(double value) {
        return test.test(value);
    }

    /** Human-readable form, e.g. {@code "≤ 1.1"}. */
    public String description() {
        return description;
    }

    /** True unless a precondition given with {@link #onlyIf} is false on this machine. */
    public boolean applies() {
        return skipReason == null;
    }

    /** Why this expectation does not apply here, or {@code null} when it does. */
    public String skipReason() {
        return skipReason;
    }

    /**
     * The same expectation, applied only when {@code condition} holds; otherwise the check is skipped and
     * reports {@code reason}.
     *
     * @throws IllegalArgumentException if {@code reason} is null or blank
     */
    public Expectation onlyIf(boolean condition, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason must say why the check would not apply, got: " + reason);
        }
        if (condition || skipReason != null || unanswered) {
            return this;
        }
        return skipped(reason);
    }

    /**
     * The same expectation, applied only when {@code needed} cores are free: the machine has them and other
     * processes are not using them, neither now (measured over 250 ms) nor in any second of the last 30 s,
     * where the kernel keeps readings (see {@link org.parlab.MachineLoad#busiestRecent}). A claim
     * about running on two cores at once cannot be judged while a browser or another notebook keeps one
     * of them busy; the check is then skipped and says how busy the machine was. A core counts as free when
     * at least half of it is idle.
     *
     * <p>When the check judges the value, it may also measure what {@code needed} threads really get
     * ({@link org.parlab.CoreCapacity}, about 0.1 s): where they get less than {@code needed − ½} cores' worth
     * although no other program is busy (a host that runs the virtual machine on fewer cores, a spent CPU
     * quota), the check is skipped, with that measurement as the reason. A lower bound ({@code atLeast},
     * {@code greaterThan}) that the value meets needs no probe: the claims it guards grow with the cores they
     * get (a speed-up, busy cores, a throughput), so fewer cores than needed cannot have met it, and the
     * measurement is its own evidence that the cores were there. Every other verdict, and a missed lower
     * bound, asks the probe first.
     *
     * @param needed cores the claim needs, at least 1
     * @throws IllegalArgumentException if {@code needed} is less than 1
     */
    public Expectation whenCoresFree(int needed) {
        if (needed < 1) {
            throw new IllegalArgumentException("needed must be at least 1 core, got " + needed);
        }
        if (skipReason != null || unanswered) {
            return this;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        if (cores < needed) {
            return skipped("needs " + needed + " cores; this machine has " + cores);
        }
        org.parlab.MachineLoad now = org.parlab.MachineLoad.measure(java.time.Duration.ofMillis(250));
        if (now.freeCores() < needed - 0.5) {
            return skipped("needs " + needed + " free cores, but " + now + "; run it again on a quieter machine");
        }
        // the measurement came before the check: a program that ran during it and has stopped since counts too
        org.parlab.MachineLoad recent = org.parlab.MachineLoad.busiestRecent(LOOKBACK);
        if (recent != null && recent.freeCores() < needed - 0.5) {
            return skipped(String.format(java.util.Locale.ROOT,
                    "needs %d free cores, but other processes kept %.1f of %d cores busy for a second within the"
                            + " last %d s, during the measurement; run it again on a quieter machine",
                    needed, recent.othersCores(), recent.cpus(), LOOKBACK.toSeconds()));
        }
        return needingCapacity(needed);
    }

    /** This expectation with the capacity of {@code needed} cores probed when judging (none below 2). */
    Expectation needingCapacity(int needed) {
        return needed < 2 || skipReason != null || unanswered ? this
                : new Expectation(description, test, null, false, lowerBound, Math.max(needed, capacityNeeded));
    }

    /**
     * This expectation as it applies to {@code value}: itself, or a skipped copy when judging {@code value}
     * needs the cores' capacity (see {@link #whenCoresFree}) and the probe finds it short. Called by the check
     * once the value is known, so that the probe runs only where a verdict depends on it.
     */
    Expectation judging(double value) {
        if (capacityNeeded < 2 || skipReason != null || unanswered || !Double.isFinite(value)
                || (lowerBound && test.test(value))) {
            return this;
        }
        String shortfall = capacityShortfall(capacityNeeded);
        return shortfall == null ? this : skipped(shortfall);
    }

    /** How many times the capacity probe may run before a claim is skipped, and the pause between tries. */
    static final int PROBES = 3;
    static final java.time.Duration BETWEEN_PROBES = java.time.Duration.ofMillis(250);

    /**
     * Why a claim on {@code needed} cores cannot be judged now although no other program is busy, or null. The
     * probe runs up to {@link #PROBES} times, {@link #BETWEEN_PROBES} apart: what takes the cores for a moment
     * (the JIT compiling the cell that just ran, a native pool still spinning after its last call) has usually
     * stopped by the second try. The reason names what the last try saw.
     */
    static String capacityShortfall(int needed) {
        if (needed < 2) {
            return null;
        }
        org.parlab.CoreCapacity capacity = capacityProbe.apply(needed);
        for (int tries = 1; capacity.cores() < needed - 0.5; tries++) {
            if (tries == PROBES) {
                return shortfallReason(needed, capacity);
            }
            try {
                Thread.sleep(BETWEEN_PROBES.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("interrupted while probing the cores");
            }
            capacity = capacityProbe.apply(needed);
        }
        return null;
    }

    private static String shortfallReason(int needed, org.parlab.CoreCapacity c) {
        String head = "needs " + needed + " cores, but in " + PROBES + " tries over "
                + (PROBES - 1) * BETWEEN_PROBES.toMillis() / 1000.0 + " s " + c + ", although other programs were"
                + " idle: ";
        if (c.kernelCores() >= 0.3) {
            return head + "this kernel's own threads took the rest (the JIT compiler finishing the last cells, the"
                    + " garbage collector, or a native pool that spins after a call); run the cell again";
        }
        if (c.cpuCores() < needed - 0.5) {
            return head + "the threads waited for CPU time that nothing in this machine used, so it was held back"
                    + " below the operating system (a spent CPU quota, or a host running this machine's vCPUs on"
                    + " fewer cores); run the cell again in a minute";
        }
        return head + "the threads ran the whole time but did the work of fewer cores, so the cores are shared"
                + " below the operating system (two vCPUs that are hyperthreads of one physical core, or a host"
                + " that takes time the guest's clocks do not show); run the cell again in a minute";
    }

    @Override
    public String toString() {
        return skipReason == null ? description : description + " (skipped: " + skipReason + ")";
    }
}
