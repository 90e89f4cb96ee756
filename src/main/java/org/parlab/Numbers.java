package org.parlab;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formatting shared by checks and tables: about 4 significant digits, no exponent for everyday magnitudes. */
public final class Numbers {
    private Numbers() {
    }

    /**
     * {@code v} for people: integers as integers; 1234.5 (one decimal from 1000 up); 12.35, 0.1234, 0.001235
     * (4 significant digits); 1.23e-05 and 1.23e+06 outside [0.0001, 10⁶); trailing zeros dropped.
     */
    public static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        if (a >= 1e6 || a < 1e-4) {
            String s = String.format(Locale.ROOT, "%.2e", v);      // 1.23e-05
            int e = s.indexOf('e');
            return trimZeros(s.substring(0, e)) + s.substring(e);
        }
        if (a >= 1000) {
            return trimZeros(String.format(Locale.ROOT, "%.1f", v));
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static String trimZeros(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
