package org.parlab.display;

import java.util.Map;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * The bridge from library code to the notebook: the bottom layer, which every topic package may use and which
 * uses none of them. Inside the ParLab kernel (after the kernel extension, {@code org.parlab.kernel}, has
 * attached it) {@link #display(Object)} shows a value in the current cell's output the way a cell's value is
 * shown: charts as PNG, tables as HTML. Outside a kernel (unit tests, plain {@code java}) it prints text.
 */
public final class Notebook {
    private static volatile Object kernel; // a BaseKernel; typed Object so this class loads without JJava

    private Notebook() {
    }

    /**
     * Internal: called once by the kernel extension with JJava's kernel, so that {@link #display} reaches the
     * notebook. Not for notebooks.
     */
    public static void attach(Object baseKernel) {
        if (baseKernel == null) {
            throw new IllegalArgumentException("baseKernel must not be null");
        }
        kernel = baseKernel;
    }

    /** True when running inside a Jupyter kernel that installed the ParLab extension. */
    public static boolean inKernel() {
        return kernel != null;
    }

    /**
     * Shows {@code value} in the cell's output: rendered by the kernel (PNG for charts, HTML for tables) or,
     * outside a kernel, printed with {@code toString()}.
     */
    public static void display(Object value) {
        Object k = kernel;
        if (k == null) {
            System.out.println(value);
            return;
        }
        Bridge.display(k, value);
    }

    /**
     * Emits one display-data message with the given MIME bundle (MIME type → data; JSON types take a
     * {@code Map}). Returns false, doing nothing, outside a kernel.
     *
     * @throws IllegalArgumentException if the bundle is null or empty
     */
    public static boolean displayMime(Map<String, Object> bundle) {
        if (bundle == null || bundle.isEmpty()) {
            throw new IllegalArgumentException("bundle must hold at least one MIME type");
        }
        Object k = kernel;
        if (k == null) {
            return false;
        }
        Bridge.displayMime(k, bundle);
        return true;
    }

    /** Only this nested class touches JJava types, so the library works without JJava on the classpath. */
    private static final class Bridge {
        static void display(Object k, Object value) {
            BaseKernel bk = (BaseKernel) k;
            bk.display(bk.getRenderer().render(value));
        }

        static void displayMime(Object k, Map<String, Object> bundle) {
            DisplayData data = new DisplayData();
            bundle.forEach(data::putData);
            ((BaseKernel) k).display(data);
        }
    }
}
