package org.parlab.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimingTest {

    private static List<Double> parse(String samples) {
        List<Double> out = new ArrayList<>();
        for (String s : samples.trim().split("\\s+")) {
            out.add(Double.parseDouble(s));
        }
        return out;
    }

    @ParameterizedTest(name = "[{0}] -> median {1}")
    @CsvSource({
            "5,                 5",
            "3 1 2,             2",
            "9 1 5 3 7,         5",
            "1 100 2 3 1000,    3",
            "4 2,               3",
            "1 4 2 3,           2.5",
            "10 1 1 10,         5.5",
            "7 7 7 7 7 7,       7",
            "0.5 0.25 0.75 1.0, 0.625"})
    void medianOfOddAndEvenCounts(String samples, double median) {
        Timing t = new Timing("t", parse(samples));
        assertEquals(median, t.medianMs(), 1e-12);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource({"5, 5, 5", "3 1 2, 1, 3", "9 -1 5 30 7, -1, 30", "1.5 1.25, 1.25, 1.5"})
    void minAndMax(String samples, double min, double max) {
        Timing t = new Timing("t", parse(samples));
        assertEquals(min, t.minMs());
        assertEquals(max, t.maxMs());
    }

    @Test
    void repeatsCountsSamplesAndSamplesKeepTheirOrder() {
        Timing t = new Timing("t", List.of(3.0, 1.0, 2.0));
        assertEquals(3, t.repeats());
        assertEquals(List.of(3.0, 1.0, 2.0), t.samplesMs());
    }

    @Test
    void samplesAreCopiedAndUnmodifiable() {
        List<Double> source = new ArrayList<>(List.of(1.0, 2.0));
        Timing t = new Timing("t", source);
        source.add(100.0);
        assertEquals(2, t.repeats());
        assertThrows(UnsupportedOperationException.class, () -> t.samplesMs().add(5.0));
    }

    @Test
    void needsAtLeastOneSample() {
        assertEquals("samplesMs must hold at least one sample",
                assertThrows(IllegalArgumentException.class, () -> new Timing("t", List.of())).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Timing("t", null));
    }

    @Test
    void toStringSummarises() {
        Timing t = new Timing("sum", List.of(1.5, 1.25, 12.345));
        assertEquals("sum: 1.5 ms ± 250 µs per call (median ± MAD of 3 runs, 1 call each) ⚠ spread 17 %: the machine"
                + " was busy or the work varies; rerun, or raise repeats", t.toString());
    }
}
