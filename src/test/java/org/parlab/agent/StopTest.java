package org.parlab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The agent's rewrite of cell classes, on {@code REPL.CellCode} loaded as the kernel would load a cell. */
class StopTest {
    private static final Class<?> CELL = CellClasses.load("REPL.CellCode");

    @AfterEach
    void lower() {
        Stop.lower();
    }

    @Test
    void onlyClassesCompiledFromCellsAreRewritten() {
        CellInstrumenter t = new CellInstrumenter();
        assertNull(t.transform(getClass().getClassLoader(), "org/parlab/Numbers", null, null, new byte[] {1, 2}));
        assertNull(t.transform(null, "REPL/$JShell$1", null, null, new byte[] {1, 2}), "the boot loader's classes");
        assertNull(t.transform(getClass().getClassLoader(), "REPL/$JShell$1", null, null, new byte[] {1, 2}),
                "a class that cannot be read loads unchanged");
        assertTrue(CellInstrumenter.isCellClass("REPL/$JShell$12$Point"));
    }

    @Test
    void aRaisedStopEndsALoopOnAnotherThreadAndAThreadStartedLaterIsSpared() throws Throwable {
        AtomicReference<Throwable> died = new AtomicReference<>();
        Thread runaway = new Thread(() -> {
            try {
                ((Runnable) CellClasses.call(CELL, "spinner")).run();
            } catch (Throwable e) {
                died.set(e);
            }
        }, "runaway");
        runaway.start();
        Thread.sleep(1000); // long enough for the JIT to compile the loop, with the stop's plain field hoisted
        assertTrue(runaway.isAlive());
        Thread me = Thread.currentThread();
        Stop.raise(List.of(), t -> t == me);
        runaway.join(TimeUnit.SECONDS.toMillis(5));
        assertFalse(runaway.isAlive(), "the loop still runs 5 s after the stop was raised");
        assertInstanceOf(CellStopped.class, died.get());
        assertTrue(died.get().getMessage().contains("'runaway'"), died.get().getMessage());

        // a thread created after the raise belongs to a newer cell; this one is spared by the predicate
        AtomicReference<Object> result = new AtomicReference<>();
        Thread later = new Thread(() -> {
            try {
                result.set(CellClasses.call(CELL, "count", 1000L));
            } catch (Throwable e) {
                result.set(e);
            }
        });
        later.start();
        later.join(5000);
        assertEquals(499500L, result.get());
        assertEquals(499500L, CellClasses.call(CELL, "count", 1000L), "a thread the predicate spares");
        Stop.lower();
        assertFalse(Stop.isRaised());
    }

    @Test
    void aDoomedCellThreadIsStoppedEvenIfSpared() throws Throwable {
        Stop.raise(List.of(Thread.currentThread()), t -> true);
        assertThrows(CellStopped.class, () -> CellClasses.call(CELL, "count", 10L));
        Stop.lower();
        assertEquals(45L, CellClasses.call(CELL, "count", 10L));
    }

    @Test
    void exitsFromACellEndTheCellNotTheJvm() {
        for (String call : List.of("exit", "runtimeExit", "halt")) {
            KernelExitRefused e = assertThrows(KernelExitRefused.class, () -> CellClasses.call(CELL, call, 3));
            assertEquals(3, e.status());
            assertTrue(e.getMessage().contains("(3) would end the Java kernel") && e.getMessage().contains("Restart"),
                    e.getMessage());
        }
    }

    @Test
    void raiseNamesItsBadArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Stop.raise(null, t -> true));
        assertTrue(e.getMessage().contains("cellThreads"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Stop.raise(List.of(), null));
        assertTrue(e.getMessage().contains("spare"), e.getMessage());
    }
}
