"""What a student can type must not take the kernel down or leave it burning a core.

Each case runs a bad cell in a real "Java (ParLab)" kernel, then an ordinary cell that must succeed:
compile error, runtime exception, a runaway loop and a runaway pool of threads (both interrupted: the
kernel's CPU use must drop back within 2 s), an out-of-memory cell (heap and ND4J's native memory) and a
deadlocking cell. System.exit ends the kernel: the cell must say so, and after Jupyter's restart the next
cell runs.
"""
from __future__ import annotations

from parlab_client import Kernel
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


def test_system_exit_is_explained_and_the_next_cell_runs():
    """System.exit ends the JVM (refusing it would need a SecurityManager, which slowed parallel streams): the
    cell must say why, Jupyter restarts the kernel, and the next cell runs. Own kernel: this one dies."""
    with Kernel() as kernel:
        cell = kernel.run_until_exit("System.exit(3);", timeout=30)
        assert cell.status == "exited", "System.exit should end the kernel process"
        assert "called System.exit()" in cell.stdout + cell.stderr, cell.text
        kernel.restart()
        ordinary_cell_works(kernel, "after System.exit and a restart")
