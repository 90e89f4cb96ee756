package org.parlab.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

class LogTest {

    @Test
    void everyLineCarriesTimeAndThreadAndLinesFromThreadsStayWhole() throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Logger log = Log.threadAware("test.log");
            Log.threadAware("test.log"); // again: still one handler
            assertEquals(1, log.getHandlers().length);
            Thread[] threads = new Thread[4];
            for (int t = 0; t < threads.length; t++) {
                threads[t] = new Thread(() -> {
                    for (int i = 0; i < 50; i++) {
                        log.info("message " + i);
                    }
                }, "logger-" + t);
                threads[t].start();
            }
            for (Thread t : threads) {
                t.join();
            }
        } finally {
            System.setOut(old);
        }
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(200, lines.size());
        for (String line : lines) {
            assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[logger-[0-3]] INFO test\\.log: message \\d+"), line);
        }
    }

    @Test
    void rejectsBlankNames() {
        assertThrows(IllegalArgumentException.class, () -> Log.threadAware(" "));
        assertThrows(IllegalArgumentException.class, () -> Log.threadAware("x", null));
    }
}
