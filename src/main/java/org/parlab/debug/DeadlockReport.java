package org.parlab.debug;

import java.util.List;

import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The threads of the JVM that are deadlocked: each waits for a lock that another one of them holds.
 *
 * @param threads one entry per deadlocked thread; empty when there is no deadlock
 */
public record DeadlockReport(List<Entry> threads) {

    /**
     * One deadlocked thread.
     *
     * @param thread     its name
     * @param state      its state, e.g. {@code WAITING} (a {@code java.util.concurrent} lock) or {@code BLOCKED}
     *                   (a {@code synchronized} monitor)
     * @param waitsFor   the lock it waits for, e.g. {@code java.util.concurrent.locks.ReentrantLock$NonfairSync@1b2c}
     * @param heldBy     the thread that holds that lock
     * @param waitingAt  the top frames of its stack, innermost first, that are not JDK code
     */
    public record Entry(String thread, String state, String waitsFor, String heldBy, String waitingAt) {
    }

    public DeadlockReport {
        threads = List.copyOf(threads);
    }

    /** Whether any thread is deadlocked. */
    public boolean found() {
        return !threads.isEmpty();
    }

    /** Names of the deadlocked threads. */
    public List<String> threadNames() {
        return threads.stream().map(Entry::thread).toList();
    }

    /** The report as a table, one row per thread. */
    public Table toTable() {
        return Table.create("deadlocked threads",
                StringColumn.create("thread", threads.stream().map(Entry::thread).toList()),
                StringColumn.create("state", threads.stream().map(Entry::state).toList()),
                StringColumn.create("waits for", threads.stream().map(Entry::waitsFor).toList()),
                StringColumn.create("held by", threads.stream().map(Entry::heldBy).toList()),
                StringColumn.create("waiting at", threads.stream().map(Entry::waitingAt).toList()));
    }

    @Override
    public String toString() {
        if (!found()) {
            return "no deadlock";
        }
        StringBuilder sb = new StringBuilder("deadlock between " + threads.size() + " threads:");
        for (Entry e : threads) {
            sb.append("\n  ").append(e.thread()).append(" waits for ").append(e.waitsFor()).append(" held by ")
                    .append(e.heldBy()).append(" at ").append(e.waitingAt());
        }
        return sb.toString();
    }
}
