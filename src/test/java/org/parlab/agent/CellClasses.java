package org.parlab.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Test support: loads a class of package {@code REPL} from the test classes the way the kernel's agent hands it to
 * JShell's loader, rewritten by {@link CellInstrumenter}, in a class loader of its own (with its nested classes,
 * so that a lambda's body is instrumented too). {@link #agentInstalled()} makes {@link Stop#isInstalled()} true, as
 * {@code -javaagent} would.
 */
public final class CellClasses extends ClassLoader {
    private CellClasses() {
        super(CellClasses.class.getClassLoader());
    }

    /** Marks the agent as installed in this (test) JVM, with its quiet handler for stopped threads. */
    public static synchronized void agentInstalled() {
        if (!Stop.isInstalled()) {
            StopAgent.quietStops();
            Stop.markInstalled();
        }
    }

    /** Class {@code name} (e.g. {@code REPL.CellCode}), instrumented. */
    public static Class<?> load(String name) {
        try {
            return new CellClasses().loadClass(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Calls static method {@code method} of the instrumented class, unwrapping what it throws. */
    public static Object call(Class<?> cls, String method, Object... args) throws Throwable {
        for (Method m : cls.getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                try {
                    return m.invoke(null, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new IllegalArgumentException("no method " + method + " with " + args.length + " arguments in " + cls);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith("REPL.")) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] original = bytes(name);
                byte[] rewritten = new CellInstrumenter().transform(this, name.replace('.', '/'), null, null, original);
                byte[] b = rewritten == null ? original : rewritten;
                c = defineClass(name, b, 0, b.length);
            }
            return c;
        }
    }

    private static byte[] bytes(String name) throws ClassNotFoundException {
        try (InputStream in = CellClasses.class.getClassLoader().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
