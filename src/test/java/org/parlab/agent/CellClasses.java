package org.parlab.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Test support: defines a class of package {@code REPL} from the test classes in a class loader of its own (with
 * its nested classes), as JShell's loader defines a cell's classes. Surefire runs the tests with the kernel's agent
 * ({@code -javaagent}, see pom.xml), which rewrites them as it rewrites cells in the kernel.
 */
public final class CellClasses extends ClassLoader {
    private CellClasses() {
        super(CellClasses.class.getClassLoader());
    }

    /** Fails unless the test JVM runs with the kernel's agent (Surefire's argLine). */
    public static void agentInstalled() {
        if (!Stop.isInstalled()) {
            throw new IllegalStateException("the tests need the kernel's agent: -javaagent:target/parlab-*-agent.jar");
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
                byte[] b = bytes(name); // the agent rewrites it as it is defined
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
