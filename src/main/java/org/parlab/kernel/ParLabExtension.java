package org.parlab.kernel;

import java.util.Base64;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.internal.chartpart.Chart;
import org.parlab.chart.ChartImages;
import org.parlab.chart.Plot;
import org.parlab.display.Notebook;
import org.parlab.table.Tables;

import tech.tablesaw.table.Relation;

/**
 * The ParLab extension for the JJava kernel, found through {@code META-INF/services}. It makes XChart charts
 * and {@link Plot}s render as PNG images and Tablesaw tables as HTML tables, whether they are a cell's value
 * or passed to {@code display(...)}, and lets library code show output through {@link Notebook}. It also
 * starts the {@link Watchdog}, which stops threads that keep running after their cell was interrupted (system
 * property {@code parlab.watchdog=false} turns it off), and the {@link ExitReport}, which explains under the
 * cell why a {@code System.exit} ended the kernel. It registers the profiling magics {@code %timeit},
 * {@code %%timeit}, {@code %%prun} and {@code %%memit} ({@link org.parlab.profile.Magics}).
 *
 * <p>Installation never throws: an exception here would stop the kernel from starting.
 */
public final class ParLabExtension implements Extension {

    @Override
    public void install(BaseKernel kernel) {
        try {
            if (System.getProperty("java.awt.headless") == null) {
                System.setProperty("java.awt.headless", "true");
            }
            registerRenderers(kernel.getRenderer());
            Notebook.attach(kernel);
            ProfilingMagics.register(kernel.getMagicsRegistry());
            if (!"false".equals(System.getProperty("parlab.watchdog"))) {
                Watchdog.install();
            }
            ExitReport.install();
            org.parlab.timing.MachineLoad.startSampling(); // lets a check see what ran during its measurement
            watchCellStarts(kernel);
        } catch (Throwable t) { // never take the kernel down at start-up
            System.err.println("ParLab: the kernel extension could not be installed: " + t);
        }
    }

    /** Lets the watchdog speak in every cell: JShell tells its listeners about each snippet a cell evaluates. */
    private static void watchCellStarts(BaseKernel kernel) {
        try {
            java.lang.reflect.Field f = BaseKernel.class.getDeclaredField("executionCount");
            f.setAccessible(true);
            java.util.concurrent.atomic.AtomicInteger count = (java.util.concurrent.atomic.AtomicInteger) f.get(kernel);
            Watchdog.setCellCounter(count::get);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // no counter: the watchdog spaces its warnings in time instead
        }
        jdk.jshell.JShell shell = jshell(kernel);
        if (shell != null) { // else another kernel: the watchdog still warns from its own polls
            shell.onSnippetEvent(e -> Watchdog.atCellStart());
            org.parlab.profile.CellMethods.resolveWith(name -> classesDefining(shell, name));
            JavadocSources.install(shell); // Shift-Tab: the library's Javadoc beside the JDK's
        }
    }

    /**
     * The classes JShell compiled the active methods named {@code name} into, oldest first. {@code Snippet}'s
     * {@code classFullName()} is package-private; the kernelspec opens {@code jdk.jshell} to the class path for it.
     */
    static java.util.List<String> classesDefining(jdk.jshell.JShell shell, String name) {
        try {
            java.lang.reflect.Method fullName = jdk.jshell.Snippet.class.getDeclaredMethod("classFullName");
            fullName.setAccessible(true);
            java.util.List<String> out = new java.util.ArrayList<>();
            for (jdk.jshell.MethodSnippet m : shell.methods().toList()) {
                if (m.name().equals(name) && shell.status(m).isActive()) {
                    out.add((String) fullName.invoke(m));
                }
            }
            return out;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return java.util.List.of();
        }
    }

    /**
     * The kernel's JShell (JJava's {@code JavaKernel.getJShell()}, not part of the extension API that this library
     * compiles against), or null for a kernel without one.
     */
    static jdk.jshell.JShell jshell(BaseKernel kernel) {
        try {
            return (jdk.jshell.JShell) kernel.getClass().getMethod("getJShell").invoke(kernel);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    static void registerRenderers(Renderer renderer) {
        renderer.createRegistration(Chart.class)
                .preferring(MIMEType.IMAGE_PNG)
                .supporting(MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN)
                .register((chart, ctx) -> {
                    ctx.renderIfRequested(MIMEType.IMAGE_PNG, () -> base64Png((Chart<?, ?>) chart));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> ChartImages.describe((Chart<?, ?>) chart));
                });
        renderer.createRegistration(Plot.class)
                .preferring(MIMEType.IMAGE_PNG)
                .supporting(MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN)
                .register((plot, ctx) -> {
                    ctx.renderIfRequested(MIMEType.IMAGE_PNG, () -> Base64.getEncoder().encodeToString(plot.png()));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, plot::describe);
                });
        renderer.createRegistration(Relation.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register((table, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> Tables.html(table));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> Tables.text(table));
                });
    }

    private static String base64Png(Chart<?, ?> chart) {
        return Base64.getEncoder().encodeToString(ChartImages.png(chart));
    }
}
