package org.parlab;

import java.util.Locale;

/** Number formatting shared by checks and tables: about 4 significant digits, no exponent for everyday magnitudes. */
public final class Numbers {
    private Numbers() {
    }

    /** {@code v} for people: integers as integers, 1234.5, 12.345, 0.1234, 1.23e-05. */
    public static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        if (a >= 1e6 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        String s = String.format(Locale.ROOT, a >= 100 ? "%.1f" : a >= 1 ? "%.3f" : "%.4f", v);
        // trim trailing zeros of the fraction, keep at least one digit after the point
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "");
            if (s.endsWith(".")) {
                s = s + "0";
            }
        }
        return s;
    }
}
