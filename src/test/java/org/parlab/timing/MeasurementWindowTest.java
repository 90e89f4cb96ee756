package org.parlab.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/** Which measurement a judgement's core guard weighs. */
class MeasurementWindowTest {
    private static final long MINUTE = 60_000_000_000L;

    @Test
    void checksOfOneMeasurementShareItsWindowAndTheNextMarkOpensANewOne() throws Exception {
        MeasurementWindow.start(1);   // closes whatever an earlier test left open
        MeasurementWindow.mark();
        MeasurementWindow.mark();     // a second entry point inside the same measurement: same window
        OptionalLong first = MeasurementWindow.start(MINUTE);
        assertEquals(first, MeasurementWindow.start(MINUTE), "a second check of the same measurement");
        Thread.sleep(2);
        MeasurementWindow.mark();
        assertTrue(MeasurementWindow.start(MINUTE).getAsLong() > first.getAsLong(), "a new measurement, a new window");
    }

    /**
     * Lesson 01 measures speed-ups with and without the GIL in one cell and judges them one by one in the
     * next. When the first is measured again because the machine was busy, the second still judges the
     * first measurement's value, taken under that load: its guard must read the first measurement's window,
     * not the quieter one of the repeat.
     */
    @Test
    void aMeasurementTakenAsideLeavesTheWindowItInterrupted() throws Exception {
        MeasurementWindow.start(1);
        MeasurementWindow.mark();
        OptionalLong measurement = MeasurementWindow.start(MINUTE);   // the first check of the measurement
        Thread.sleep(2);
        long repeat = MeasurementWindow.aside(() -> {
            MeasurementWindow.mark();
            return MeasurementWindow.start(MINUTE).getAsLong();
        });
        assertTrue(repeat > measurement.getAsLong(), "the repeat is judged by its own window");
        assertEquals(measurement, MeasurementWindow.start(MINUTE), "the next check judges the first measurement");
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> MeasurementWindow.aside(null));
        assertThrows(IllegalArgumentException.class, () -> MeasurementWindow.start(0));
    }
}
