package org.parlab.gil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The calibration of simulated work ("5 ms of interpreted work") recovers from a first measurement taken while
 * the loop still ran slow code, and a later slow look (a busy machine) never lowers it.
 */
class InterpreterCalibrationTest {

    @Test
    void aCalibrationThatCameOutTooSlowIsRaisedByTheNextLook() {
        double rate = Interpreter.bytecodesPerMs();
        try {
            Interpreter.setRateForTest(rate / 2);   // as if calibrated while the loop ran as C1 code
            double again = Interpreter.bytecodesPerMs();
            assertTrue(again > rate * 0.8, "recalibrated to " + again + " of a true " + rate);
        } finally {
            Interpreter.setRateForTest(rate);
        }
    }

    @Test
    void aSlowerLookNeverLowersTheRate() {
        double rate = Interpreter.bytecodesPerMs();
        try {
            Interpreter.setRateForTest(rate * 3);   // faster than this machine can be: every look is slower
            assertEquals(rate * 3, Interpreter.bytecodesPerMs(), 1e-9);
        } finally {
            Interpreter.setRateForTest(rate);
        }
    }
}
