package org.parlab.check;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.DoublePredicate;
import java.util.function.Supplier;

import org.parlab.Numbers;
import org.parlab.timing.CoreCapacity;
import org.parlab.timing.MachineLoad;

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
    private final Bound bound;
    private final CoreGate gate; // null: the verdict does not depend on the cores
    private final Supplier<Expectation> regate; // null: no core guard; else builds this guard again from fresh readings
    /** How far back {@link #whenCoresFree} looks for other programs' work: about the longest measurement. */
    static final Duration LOOKBACK = Duration.ofSeconds(30);
    /** Measures what n threads get; replaced in tests, which cannot make two vCPUs share a core on demand. */
    static BiFunction<Integer, CoreCapacity.Work, CoreCapacity> capacityProbe =
            CoreCapacity::measure;

    /** Which values pass: everything above a bound, everything below one, or something else (a range). */
    enum Bound { LOWER, UPPER, OTHER }

    /**
     * What a claim on cores is judged against: how many it needs, whether its value grows with the cores it
     * gets ({@link #speedupOn}), and the load readings taken when the expectation was made (null: not read).
     */
    private record CoreGate(int needed, CoreCapacity.Work work, boolean grows, MachineLoad now,
                            MachineLoad recent) {
        /** The fewer free cores of the two readings. */
        double freeCores() {
            double free = now == null ? Double.POSITIVE_INFINITY : now.freeCores();
            return recent == null ? free : Math.min(free, recent.freeCores());
        }

        /** The reading with more load: what a skip reports. */
        MachineLoad busier() {
            if (now == null || (recent != null && recent.othersCores() > now.othersCores())) {
                return recent;
            }
            return now;
        }
    }

    Expectation(String description, DoublePredicate test, String skipReason) {
        this(description, test, skipReason, false, Bound.OTHER, null, null);
    }

    private Expectation(String description, DoublePredicate test, String skipReason, boolean unanswered,
                        Bound bound, CoreGate gate, Supplier<Expectation> regate) {
        this.description = Objects.requireNonNull(description, "description");
        this.test = Objects.requireNonNull(test, "test");
        this.skipReason = skipReason;
        this.unanswered = unanswered;
        this.bound = Objects.requireNonNull(bound, "bound");
        this.gate = gate;
        this.regate = regate;
    }

    /** An expectation built from an exercise's answer that is still blank ({@code Double.NaN}). */
    static Expectation unanswered(String description) {
        return new Expectation(description, v -> false, null, true, Bound.OTHER, null, null);
    }

    /** An expectation that passes every value on one side of a bound ({@code atLeast}: LOWER, {@code atMost}: UPPER). */
    static Expectation bounded(String description, DoublePredicate test, Bound bound) {
        return new Expectation(description, test, null, false, bound, null, null);
    }

    /** Skipped for a reason that stays (a precondition, too few cores): measuring again would not change it. */
    private Expectation skipped(String reason) {
        return new Expectation(description, test, reason, false, bound, null, null);
    }

    /** Skipped for the machine's state at the time (load, cores held back): a new measurement may be judged. */
    private Expectation skippedForMachine(String reason, Supplier<Expectation> again) {
        return new Expectation(description, test, reason, false, bound, null, again);
    }

    private Expectation gated(CoreGate g, Supplier<Expectation> again) {
        return new Expectation(description, test, null, false, bound, g, again);
    }

    /**
     * True when this expectation is skipped because of the machine's state when it was made or judged: other
     * programs kept the cores busy, or the cores delivered less than the claim needs although nothing in this
     * machine used them. That state comes and goes, so a new measurement may be judged:
     * {@link Check#check(String, double, java.util.function.DoubleSupplier, Expectation)} measures again.
     * False for a skip that stays (a precondition of {@link #onlyIf}, a machine with too few cores).
     */
    public boolean skippedForMachine() {
        return regate != null && skipReason != null; // only skippedForMachine keeps the guard with a skip
    }

    /**
     * This expectation with its core guard built again from fresh load readings, for a value measured again
     * after the first was skipped for the machine; itself when it has no core guard.
     */
    Expectation regated() {
        return regate == null ? this : regate.get();
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
     * {@link #onlyIf(boolean, String)} for a condition on the measurement itself, read again for each value
     * that {@link Check#check(String, double, java.util.function.DoubleSupplier, Expectation)} measures again:
     * a re-measurement replaces what the condition is about (e.g. a core-capacity reading taken beside the
     * value), so the first reading's answer would not apply to it. Put it after the core guard
     * ({@link #whenCoresFree}, {@link #speedupOn}) it should be read with.
     *
     * <pre>{@code
     * CoreCapacity[] fp = {CoreCapacity.measure(2, CoreCapacity.Work.INDEPENDENT)};
     * atLeast(0.75).whenCoresFree(2).onlyIf(() -> fp[0].disturbance().isEmpty(), () -> "the probe was disturbed")
     * }</pre>
     *
     * @throws IllegalArgumentException if {@code condition} or {@code reason} is null, or the reason is blank
     *                                  where the condition is false
     */
    public Expectation onlyIf(BooleanSupplier condition, Supplier<String> reason) {
        if (condition == null || reason == null) {
            throw new IllegalArgumentException("condition and reason must not be null (use e.g. () -> x > 0, () -> \"why\")");
        }
        if (skipReason == null && !unanswered && !condition.getAsBoolean()) {
            return onlyIf(false, reason.get());   // a precondition: a skip that stays
        }
        if (regate == null || unanswered) {        // never measured again: the condition was read once
            return this;
        }
        // measured again: the fresh guard is built after the new measurement, and reads the condition afresh
        return new Expectation(description, test, skipReason, false, bound, gate,
                () -> regate.get().onlyIf(condition, reason));
    }

    /**
     * The same expectation, applied only when {@code needed} cores are free: the machine has them and other
     * processes are not using them, neither now (measured over 250 ms) nor in the busiest stretch of the
     * measurement being judged, from the kernel's readings (a quarter of the measurement, at least a second, at
     * most 30 s back: see {@link MachineLoad#busiestOfMeasurement}). A claim
     * about running on two cores at once cannot be judged while a browser or another notebook keeps one
     * of them busy; the check is then skipped and says how busy the machine was. A core counts as free when
     * at least half of it is idle.
     *
     * <p>When the check judges the value, it also measures what {@code needed} threads really get
     * ({@link CoreCapacity}, about 0.1 s, tried up to three times): where they get less than
     * {@code needed − ½} cores' worth although no other program is busy (this kernel's own threads, a host
     * that runs the virtual machine on fewer cores, a spent CPU quota), the check is skipped, with that
     * measurement as the reason. For a speed-up, busy cores or a throughput, {@link #speedupOn} judges more
     * often, because it knows which way the cores move the value.
     *
     * @param needed cores the claim needs, at least 1
     * @throws IllegalArgumentException if {@code needed} is less than 1
     */
    public Expectation whenCoresFree(int needed) {
        return whenCoresFree(needed, CoreCapacity.Work.DEPENDENT);
    }

    /**
     * {@link #whenCoresFree(int)} for a claim whose threads do {@code work}: the core-capacity probe runs that
     * kind of work (see {@link CoreCapacity.Work}).
     *
     * @param needed cores the claim needs, at least 1
     * @param work   the kind of work the claim's threads do
     * @throws IllegalArgumentException if {@code needed} is less than 1 or {@code work} is null
     */
    public Expectation whenCoresFree(int needed, CoreCapacity.Work work) {
        Expectation settled = beforeCoreGate(needed, work);
        if (settled != null) {
            return settled;
        }
        Supplier<Expectation> again = () -> whenCoresFree(needed, work);
        MachineLoad now = MachineLoad.measure(Duration.ofMillis(250));
        if (now.freeCores() < needed - 0.5) {
            return skippedForMachine("needs " + freeCores(needed) + ", but " + now
                    + "; run it again on a quieter machine", again);
        }
        // the measurement came before the check: a program that ran during it and has stopped since counts too
        MachineLoad recent = MachineLoad.busiestOfMeasurement(LOOKBACK);
        if (recent != null && recent.freeCores() < needed - 0.5) {
            return skippedForMachine(recentLoad(freeCores(needed), recent), again);
        }
        return needed < 2 ? this : gated(new CoreGate(needed, work, false, null, null), again);
    }

    /**
     * The same expectation for a value that grows with the cores it gets: a speed-up of {@code needed}
     * threads over one, the cores a run kept busy, a throughput. Load moves such a value two ways, and the
     * check asks for the conditions under which its verdict means something:
     * <ul>
     * <li>Other programs take cores from the parallel run and <em>lower</em> the value; so do cores shared
     *   below the operating system. A verdict that rests on a low value (an {@code atLeast} missed, an
     *   {@code atMost} met, any range) needs {@code needed} free cores and the core-capacity probe, as in
     *   {@link #whenCoresFree}; and a missed {@code atLeast} is reported as inconclusive, not failed, when the
     *   cores the readings saw taken could explain the miss: on {@code free} of {@code needed} cores the value
     *   could have been {@code needed ÷ free} times higher on idle ones, and if that would meet the bound, the
     *   load may have decided it.</li>
     * <li>When less than one core is left free, the one-thread run the value is compared with waits for a
     *   core too, while {@code needed} threads claim {@code needed} shares of the machine from the scheduler
     *   (and a thread that wakes up, as threads taking turns at a lock do, is let in ahead of one that never
     *   sleeps): that <em>raises</em> the ratio, and it then measures the scheduler's shares, not the work.
     *   A verdict that rests on a high value (an {@code atLeast} met, an {@code atMost} missed) needs one
     *   whole free core and nothing more: fewer cores cannot have raised the value, so the measurement is
     *   its own evidence that the cores were there, and a browser using half a core does not cost the
     *   lesson its claim.</li>
     * </ul>
     * Where the condition fails, the check is skipped with the load it measured.
     *
     * @param needed cores the claim's threads need, at least 1
     * @throws IllegalArgumentException if {@code needed} is less than 1
     */
    public Expectation speedupOn(int needed) {
        return speedupOn(needed, CoreCapacity.Work.DEPENDENT);
    }

    /**
     * {@link #speedupOn(int)} for threads that do {@code work}: the core-capacity probe runs that kind of work,
     * e.g. {@code INDEPENDENT} for a Mandelbrot image, whose floating-point arithmetic two hyperthreads of one
     * physical core share worse than dependent chains (see {@link CoreCapacity.Work}).
     *
     * @param needed cores the claim's threads need, at least 1
     * @param work   the kind of work the claim's threads do
     * @throws IllegalArgumentException if {@code needed} is less than 1 or {@code work} is null
     */
    public Expectation speedupOn(int needed, CoreCapacity.Work work) {
        Expectation settled = beforeCoreGate(needed, work);
        if (settled != null) {
            return settled;
        }
        return gated(new CoreGate(needed, work, true,
                MachineLoad.measure(Duration.ofMillis(250)),
                MachineLoad.busiestOfMeasurement(LOOKBACK)), () -> speedupOn(needed, work));
    }

    /**
     * What {@link #whenCoresFree} and {@link #speedupOn} share before they read the load: validates the
     * arguments, and returns this expectation when it is already skipped or unanswered, a skipped copy when the
     * machine has fewer than {@code needed} cores, or null when the gate is to be built.
     */
    private Expectation beforeCoreGate(int needed, CoreCapacity.Work work) {
        if (work == null) {
            throw new IllegalArgumentException("work must be CoreCapacity.Work.DEPENDENT or INDEPENDENT, got null");
        }
        if (needed < 1) {
            throw new IllegalArgumentException("needed must be at least 1 core, got " + needed);
        }
        if (skipReason != null || unanswered) {
            return this;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        return cores < needed ? skipped("needs " + needed + " cores; this machine has " + cores) : null;
    }

    /** This expectation judged with the capacity of {@code needed} cores and no load readings (tests). */
    Expectation needingCapacity(int needed) {
        return needed < 2 || skipReason != null || unanswered ? this
                : gated(new CoreGate(needed, CoreCapacity.Work.DEPENDENT, false, null, null),
                        () -> needingCapacity(needed));
    }

    /** {@link #speedupOn} with the given load readings instead of fresh ones (tests). */
    Expectation speedupOn(int needed, MachineLoad now, MachineLoad recent) {
        return skipReason != null || unanswered ? this
                : gated(new CoreGate(needed, CoreCapacity.Work.DEPENDENT, true, now, recent),
                        () -> speedupOn(needed, now, recent));
    }

    /**
     * This expectation as it applies to {@code value}: itself, or a skipped copy when the verdict on
     * {@code value} depends on cores that were not there (see {@link #whenCoresFree} and {@link #speedupOn}).
     * Called by the check once the value is known, so that the probe runs only where a verdict depends on it.
     */
    Expectation judging(double value) {
        if (gate == null || skipReason != null || unanswered || !Double.isFinite(value)) {
            return this;
        }
        boolean passes = test.test(value);
        boolean restsOnHighValue = gate.grows() && ((bound == Bound.LOWER && passes) || (bound == Bound.UPPER && !passes));
        if (restsOnHighValue) {
            if (gate.freeCores() < 1) {
                MachineLoad busier = gate.busier();
                return skippedForMachine(String.format(java.util.Locale.ROOT, "a speed-up is judged only while a whole core"
                        + " is free for the one-thread run it is compared with, but %s; with less than a core"
                        + " free, the one thread waits for a share of the machine while each of the parallel threads"
                        + " claims a share of its own, and the ratio measures the scheduler, not the work; run it"
                        + " again on a quieter machine", loadText(busier)), regate);
            }
            return this; // fewer cores cannot have raised the value: no probe needed
        }
        if (gate.grows()) {
            double free = Math.min(gate.freeCores(), gate.needed());
            if (free < gate.needed() - 0.5) {
                return skippedForMachine("needs " + freeCores(gate.needed()) + ", but " + loadText(gate.busier())
                        + "; run it again on a quieter machine", regate);
            }
            // a missed lower bound that the cores taken could explain: the threads had `free` of `needed` cores,
            // so the value could have been up to needed / free times higher on idle ones
            if (bound == Bound.LOWER && free < gate.needed() && test.test(value * gate.needed() / free)) {
                return skippedForMachine(String.format(java.util.Locale.ROOT, "%s missed %s, but %s: on %.2f of %d cores it"
                        + " could have been %.3g, so the load, not the claim, may have decided it; run it again on"
                        + " a quieter machine", Numbers.format(value), description, loadText(gate.busier()), free,
                        gate.needed(), value * gate.needed() / free), regate);
            }
        }
        String shortfall = capacityShortfall(gate.needed(), gate.work());
        return shortfall == null ? this : skippedForMachine(shortfall, regate);
    }

    /** "1 free core", "2 free cores". */
    private static String freeCores(int n) {
        return n + (n == 1 ? " free core" : " free cores");
    }

    private static String loadText(MachineLoad load) {
        long ms = load.window().toMillis();
        if (ms < 1000) {
            return load.toString(); // the reading at the check
        }
        return load.describe() + (ms == 1000 ? " for a second during or just before the measurement"
                : String.format(java.util.Locale.ROOT, " for %.1f s, the busiest stretch of the measurement", ms / 1000.0));
    }

    private static String recentLoad(String needs, MachineLoad recent) {
        return "needs " + needs + ", but " + loadText(recent) + "; run it again on a quieter machine";
    }

    /** How many times the capacity probe may run before a claim is skipped, and the pause between tries. */
    static final int PROBES = 3;
    static final Duration BETWEEN_PROBES = Duration.ofMillis(250);

    /**
     * Why a claim on {@code needed} cores cannot be judged now although no other program is busy, or null. The
     * probe runs up to {@link #PROBES} times, {@link #BETWEEN_PROBES} apart: what takes the cores for a moment
     * (the JIT compiling the cell that just ran, a native pool still spinning after its last call) has usually
     * stopped by the second try. The reason names what the last try saw.
     */
    static String capacityShortfall(int needed) {
        return capacityShortfall(needed, CoreCapacity.Work.DEPENDENT);
    }

    static String capacityShortfall(int needed, CoreCapacity.Work work) {
        if (needed < 2) {
            return null;
        }
        CoreCapacity capacity = capacityProbe.apply(needed, work);
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
            capacity = capacityProbe.apply(needed, work);
        }
        return null;
    }

    private static String shortfallReason(int needed, CoreCapacity c) {
        String head = "needs " + needed + " cores, but in " + PROBES + " tries over "
                + (PROBES - 1) * BETWEEN_PROBES.toMillis() / 1000.0 + " s " + c + ", although other programs were"
                + " idle: ";
        if (c.sharedWithKernel()) {
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
