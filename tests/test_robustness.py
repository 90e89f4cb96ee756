"""What a student can type must not take the kernel down or leave it burning a core.

Each case runs a bad cell in a real "Java (ParLab)" kernel, then an ordinary cell that must succeed:
compile error, runtime exception, a runaway loop, a runaway pool of threads, a runaway parallel stream and a
runaway virtual thread (all interrupted: the kernel's CPU use must drop back within 2 s), an out-of-memory cell
(heap and ND4J's native memory), a deadlocking cell, and System.exit / Runtime.halt, which end only the cell:
the notebook's variables live on. tests/test_other_jdks.py runs the same cases on every other JDK 21+.
"""
from __future__ import annotations

import pytest

from support import assert_no_core_burning, ordinary_cell_works


def test_compile_error(kernel):
    cell = kernel.run("int x = ;")
    assert cell.status == "error"
    ordinary_cell_works(kernel, "after a compile error")


def test_runtime_exception(kernel):
    cell = kernel.run('Object o = null; o.toString();')
    assert cell.status == "error"
    assert "NullPointerException" in cell.text, cell.text
    ordinary_cell_works(kernel, "after an exception")


def test_runaway_loop_is_stopped_after_interrupt(kernel):
    cell = kernel.run('System.out.println("looping"); long spins = 0; while (true) { spins++; }',
                      interrupt_after_output=1.5)
    assert cell.status == "error", cell.text
    assert_no_core_burning(kernel, 2.0, "2 s after the interrupt")  # "CPU drops back within 2 s"
    ordinary_cell_works(kernel, "after a runaway loop")


def test_runaway_pool_is_stopped_after_interrupt(kernel):
    code = """
    for (int i = 0; i < 2; i++) {
        Thread t = new Thread(() -> { double x = 0; while (true) { x += Math.sqrt(x + 1); } }, "runaway-" + i);
        t.setDaemon(true);
        t.start();
    }
    System.out.println("started 2 threads");
    Thread.sleep(60_000);
    """
    cell = kernel.run(code, interrupt_after_output=1.5)
    assert cell.status == "error", cell.text
    assert_no_core_burning(kernel, 2.0, "2 s after the interrupt")
    cell = kernel.run('Thread.getAllStackTraces().keySet().stream()'
                                '.filter(t -> t.getName().startsWith("runaway-")).count()')
    assert cell.ok and cell.text.strip().endswith("0"), cell.text
    ordinary_cell_works(kernel, "after a runaway pool")


def test_runaway_parallel_stream_is_stopped_after_interrupt(kernel):
    code = """
    System.out.println("a parallel stream that never ends");
    java.util.stream.IntStream.range(0, 64).parallel().forEach(i -> { double x = 0; while (true) { x += Math.sqrt(x + i); } });
    """
    cell = kernel.run(code, interrupt_after_output=1.5)
    assert cell.status == "error", cell.text
    assert_no_core_burning(kernel, 2.0, "2 s after interrupting a parallel stream")
    ordinary_cell_works(kernel, "after a runaway parallel stream")
    cell = kernel.run("java.util.stream.IntStream.range(0, 1000).parallel().sum()")
    assert cell.ok and cell.text.strip().endswith("499500"), f"the common pool after a stop: {cell.text}"


def test_runaway_virtual_thread_is_stopped_after_interrupt(kernel):
    code = """
    Thread v = Thread.ofVirtual().name("runaway-virtual").start(() -> { long n = 0; while (true) { n++; } });
    System.out.println("started a virtual thread");
    v.join();
    """
    cell = kernel.run(code, interrupt_after_output=1.5)
    assert cell.status == "error", cell.text
    assert_no_core_burning(kernel, 2.0, "2 s after interrupting a cell that waited for a runaway virtual thread")
    cell = kernel.run("v.isAlive()")
    assert cell.ok and cell.text.strip() == "false", cell.text
    ordinary_cell_works(kernel, "after a runaway virtual thread")


def test_out_of_memory_on_the_heap(kernel):
    cell = kernel.run("long[][] hog = new long[1000][]; for (int i = 0; i < hog.length; i++) hog[i] = new long[10_000_000];")
    assert cell.status == "error"
    assert "OutOfMemoryError" in cell.text, cell.text
    kernel.run("hog = null;")
    ordinary_cell_works(kernel, "after running out of heap")


def test_out_of_memory_in_nd4j(kernel):
    cell = kernel.run("INDArray huge = Nd4j.create(DataType.DOUBLE, 20_000, 20_000);")  # 3.2 GB
    assert cell.status == "error"
    assert "OutOfMemoryError" in cell.text or "memory" in cell.text.lower(), cell.text
    ordinary_cell_works(kernel, "after running out of native memory")


def test_deadlocking_cell_can_be_interrupted(kernel):
    code = """
    Object left = new Object(), right = new Object();
    Thread a = new Thread(() -> { synchronized (left) { sleepQuietly(); synchronized (right) { } } }, "deadlock-a");
    Thread b = new Thread(() -> { synchronized (right) { sleepQuietly(); synchronized (left) { } } }, "deadlock-b");
    a.setDaemon(true); b.setDaemon(true);
    a.start(); b.start();
    System.out.println("started a and b");
    a.join();
    """
    kernel.run("void sleepQuietly() { try { Thread.sleep(100); } catch (InterruptedException e) { } }")
    cell = kernel.run(code, interrupt_after_output=2.0)
    assert cell.status == "error", cell.text
    cell = kernel.run("Deadlocks.find().threadNames()")
    assert "deadlock-a" in cell.text and "deadlock-b" in cell.text, cell.text
    assert_no_core_burning(kernel, 1.0, "deadlocked threads should not use CPU")
    ordinary_cell_works(kernel, "after a deadlock")


@pytest.mark.parametrize("call", ["System.exit(3);", "Runtime.getRuntime().exit(3);", "Runtime.getRuntime().halt(3);"])
def test_exit_ends_the_cell_and_the_variables_live_on(kernel, call):
    kernel.run_ok("int kept = 42;")
    cell = kernel.run(call)
    assert cell.status == "error", f"{call} should end only the cell: {cell.status} {cell.text}"
    assert "would end the Java kernel" in cell.text and "Restart Kernel" in cell.text, cell.text
    assert kernel.is_alive(), f"{call} ended the kernel"
    cell = kernel.run("kept")
    assert cell.ok and cell.text.strip() == "42", f"the notebook's variable after {call}: {cell.text}"
