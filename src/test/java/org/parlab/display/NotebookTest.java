package org.parlab.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;

/** Notebook outside a kernel (no test attaches one: that state is global and would leak into other tests). */
class NotebookTest {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalOut;

    @BeforeEach
    void captureStdout() {
        originalOut = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStdout() {
        System.setOut(originalOut);
    }

    private String out() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void notInAKernel() {
        assertFalse(Notebook.inKernel());
    }

    @Test
    void displayPrintsToStringOutsideAKernel() {
        Notebook.display(List.of(1, 2, 3));
        Notebook.display("✔ text");
        Notebook.display(null);
        assertEquals(List.of("[1, 2, 3]", "✔ text", "null"), out().lines().toList());
    }

    @Test
    void displayMimeReturnsFalseAndDoesNothingOutsideAKernel() {
        assertFalse(Notebook.displayMime(Map.of("text/plain", "hello")));
        assertFalse(Notebook.displayMime(Map.of("application/json", Map.of("a", 1), "text/plain", "a=1")));
        assertEquals("", out());
    }

    @ParameterizedTest
    @NullAndEmptySource
    void displayMimeRejectsAnEmptyBundle(Map<String, Object> bundle) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Notebook.displayMime(bundle));
        assertEquals("bundle must hold at least one MIME type", e.getMessage());
    }

    @Test
    void displayMimeRejectsAnEmptyMutableBundle() {
        assertThrows(IllegalArgumentException.class, () -> Notebook.displayMime(new HashMap<>()));
    }
}
