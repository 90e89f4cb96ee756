package org.parlab.kernel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.parlab.profile.Code;

/**
 * Internal: how a profiling magic gets hold of the code it compiled. The magic evaluates a JShell snippet that
 * calls {@link #hand} with a ticket, the snippet's first stack frame and the cell's code as a lambda; the magic
 * then {@link #take takes} both under that ticket. Public only because the snippet is compiled outside this
 * package; it lives in the extension's package, which notebooks do not import.
 */
public final class CodeHandoff {
    private static final Map<Long, Code> HANDED = new ConcurrentHashMap<>();
    private static final Map<Long, StackTraceElement> WHERE = new ConcurrentHashMap<>();
    private static final AtomicLong TICKETS = new AtomicLong();

    private CodeHandoff() {
    }

    /** A new ticket for {@link #hand}. */
    static long ticket() {
        return TICKETS.incrementAndGet();
    }

    /**
     * Called by the snippet a magic compiles, with where the snippet's first line ended up ({@code where} is
     * {@code new Throwable().getStackTrace()[0]}, evaluated on that line) and the compiled code.
     *
     * @throws IllegalArgumentException if {@code where} or {@code code} is null
     */
    public static void hand(long ticket, StackTraceElement where, Code code) {
        if (where == null) {
            throw new IllegalArgumentException("where must not be null");
        }
        if (code == null) {
            throw new IllegalArgumentException("code must not be null");
        }
        HANDED.put(ticket, code);
        WHERE.put(ticket, where);
    }

    /** Takes the code handed over under {@code ticket}, or null. */
    static Code take(long ticket) {
        return HANDED.remove(ticket);
    }

    /** Takes where the snippet handed over under {@code ticket} begins, or null. */
    static StackTraceElement takeWhere(long ticket) {
        return WHERE.remove(ticket);
    }
}
