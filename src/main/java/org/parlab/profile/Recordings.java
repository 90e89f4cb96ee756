package org.parlab.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import org.parlab.debug.ThreadCensus;

/** Runs code under a JFR recording; closes the recording and deletes its file whatever happens. */
final class Recordings {
    /** Prefix of the temporary files recordings are dumped to (deleted before the call returns). */
    static final String FILE_PREFIX = "parlab-jfr-";
    /** Name of the recordings, so a thread dump or {@code jcmd JFR.check} shows whose they are. */
    static final String NAME = "parlab-profile";

    private Recordings() {
    }

    /** What a run under a recording produced. */
    record Result(Object value, long wallNanos, List<RecordedEvent> events, long callerId, Set<Long> startedBefore,
            long allocatedBytes) {
        /** True for events of the calling thread or of threads the code started. */
        boolean ours(RecordedThread t) {
            if (t == null) {
                return false;
            }
            long id = t.getJavaThreadId();
            if (id == callerId) {
                return true;
            }
            String name = t.getJavaName();
            return !startedBefore.contains(id) && name != null && !name.startsWith("JFR ");
        }
    }

    static Result run(Code code, Consumer<Recording> settings) {
        return run(code, settings, () -> { });
    }

    /** Runs {@code code} under a recording with {@code settings}; {@code beforeCode} runs just before it, recorded. */
    static Result run(Code code, Consumer<Recording> settings, Runnable beforeCode) {
        if (code == null) {
            throw new IllegalArgumentException("code must not be null");
        }
        Set<Long> before = new HashSet<>();
        for (Thread t : ThreadCensus.liveThreads()) {
            before.add(t.getId());
        }
        Thread me = Thread.currentThread();
        Path file = null;
        Recording rec = new Recording();
        try {
            rec.setName(NAME);
            rec.setToDisk(true);
            settings.accept(rec);
            rec.start();
            beforeCode.run();
            long bytes0 = Allocations.allocatedBytes(me);
            long t0 = System.nanoTime();
            Object value;
            try {
                value = invoke(code);
            } finally {
                rec.stop();
            }
            long wall = System.nanoTime() - t0;
            long bytes = Allocations.allocatedBytes(me) - bytes0;
            file = Files.createTempFile(FILE_PREFIX, ".jfr");
            rec.dump(file);
            List<RecordedEvent> events = RecordingFile.readAllEvents(file);
            return new Result(value, wall, events, me.getId(), before, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the JFR recording", e);
        } finally {
            rec.close();
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file; nothing more to do
                }
            }
        }
    }

    /**
     * Runs the code. Stack samples are cut at this method: every frame above it is the profiled code's. Checked
     * exceptions are wrapped (an interrupt becomes a {@link CancellationException}), unchecked ones pass as they are.
     */
    static Object invoke(Code code) {
        try {
            return code.run();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            CancellationException c = new CancellationException("the profiled code was interrupted");
            c.initCause(e);
            throw c;
        } catch (Exception e) {
            throw new IllegalStateException("the profiled code threw " + e, e);
        }
    }
}
