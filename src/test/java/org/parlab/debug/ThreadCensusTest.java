package org.parlab.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

class ThreadCensusTest {

    @Test
    void listsThreadsStartedSinceTheCensusUntilTheyEnd() throws Exception {
        ThreadCensus census = ThreadCensus.take();
        assertTrue(census.count() > 0);
        CountDownLatch release = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "census-test-thread");
        t.start();
        assertEquals(List.of("census-test-thread"), census.newThreadsAlive());
        release.countDown();
        t.join(5000);
        assertEquals(List.of(), census.newThreadsAlive());
    }

    @Test
    void ignoresTheJdksOwnHelperThreads() throws Exception {
        ThreadCensus census = ThreadCensus.take();
        // a process makes the JDK start its "process reaper" helper, which stays for a while
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-version")
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
        assertEquals(List.of(), census.newThreadsAlive());
    }

    /** The kernel replaces an idle cell thread with a new one; the cell that asks runs on it. */
    @Test
    void ignoresTheKernelsCellThreadsAndTheCaller() throws Exception {
        ThreadCensus census = ThreadCensus.take();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        List<List<String>> seen = new java.util.ArrayList<>();
        Thread cell = new Thread(() -> {
            seen.add(census.newThreadsAlive()); // asked from the new cell thread itself
            done.countDown();
        }, "jjava-exec-test-1");
        Thread lesson = new Thread(() -> {
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "lesson-worker");
        lesson.start();
        cell.start();
        cell.join();
        lesson.join();
        assertEquals(List.of(List.of("lesson-worker")), seen);
    }
}
