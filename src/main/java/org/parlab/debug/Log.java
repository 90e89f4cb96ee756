package org.parlab.debug;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Thread-aware logging in one call, on the JDK's own {@code java.util.logging}:
 *
 * <pre>{@code
 * Logger log = Log.threadAware("race");
 * log.info("counted " + n);   // 14:03:07.412 [parlab-workers-3-1] INFO race: counted 250000
 * }</pre>
 *
 * Every line carries the time to the millisecond and the name of the thread that logged it, and each record is
 * written whole: lines from several threads never interleave mid-line, unlike bare {@code System.out.print}
 * calls. Records go to {@code System.out} (the cell's output in a notebook).
 */
public final class Log {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

    private Log() {
    }

    /** The line format: {@code HH:mm:ss.SSS [thread] LEVEL logger: message}. */
    public static final class ThreadFormatter extends Formatter {
        @Override
        public String format(LogRecord r) {
            // formatting runs on the thread that logs: its name is the caller's
            String line = String.format(Locale.ROOT, "%s [%s] %s %s: %s%n",
                    LocalTime.now().format(TIME), Thread.currentThread().getName(), r.getLevel().getName(),
                    r.getLoggerName(), formatMessage(r));
            if (r.getThrown() != null) {
                line += "    " + r.getThrown() + System.lineSeparator();
            }
            return line;
        }
    }

    /**
     * A logger named {@code name} that writes thread-aware lines to {@code System.out} at level INFO and above.
     * Calling it again with the same name reconfigures the same logger (no duplicate lines).
     *
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static Logger threadAware(String name) {
        return threadAware(name, Level.INFO);
    }

    /** As {@link #threadAware(String)}, from {@code level} up. */
    public static Logger threadAware(String name, Level level) {
        return threadAware(name, level, System.out);
    }

    /**
     * As {@link #threadAware(String)}, writing to {@code out} instead of {@code System.out} (a
     * {@code ByteArrayOutputStream} wrapped in a {@code PrintStream} lets a check read the lines back).
     */
    public static Logger threadAware(String name, Level level, PrintStream out) {
        if (out == null) {
            throw new IllegalArgumentException("out must not be null");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (level == null) {
            throw new IllegalArgumentException("level must not be null");
        }
        Logger logger = Logger.getLogger(name);
        for (Handler h : logger.getHandlers()) {
            logger.removeHandler(h);
        }
        logger.addHandler(new StdoutHandler(out, level));
        logger.setLevel(level);
        logger.setUseParentHandlers(false); // the root logger's ConsoleHandler writes to stderr
        return logger;
    }

    /** Writes whole records to a stream and flushes each one, so lines show up as they are logged. */
    private static final class StdoutHandler extends StreamHandler {
        StdoutHandler(PrintStream out, Level level) {
            super(out, new ThreadFormatter());
            setLevel(level);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            super.publish(record);
            flush();
        }

        @Override
        public synchronized void close() {
            flush(); // never close System.out
        }
    }

    /** For tests: whether a handler is ours. */
    static boolean isThreadAware(Handler h) {
        return h instanceof StdoutHandler && !(h instanceof ConsoleHandler);
    }
}
