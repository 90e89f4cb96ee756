package org.parlab.boundary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.parlab.Python;

/**
 * The Python side of the summation lesson: runs the shipped {@code python_sums.py} (numpy's {@code np.sum},
 * the built-in {@code sum} and a for-loop over an ndarray and over a list) with the Python that runs Jupyter.
 */
public final class PythonSums {
    private PythonSums() {
    }

    /**
     * One measured method.
     *
     * @param method   what was timed, e.g. {@code np.sum(ndarray)}
     * @param medianMs median time per call, in ms
     */
    public record Result(String method, double medianMs) {
    }

    /** True when Python with numpy can be started. */
    public static boolean available() {
        return Python.available("numpy");
    }

    /**
     * Sums {@code n} random floats each way, {@code repeats} timed runs after a warm-up.
     *
     * @throws IllegalArgumentException unless 1 ≤ n ≤ 10⁸ and 1 ≤ repeats ≤ 50
     * @throws IllegalStateException    if Python or numpy is missing or the script fails
     */
    public static List<Result> measure(int n, int repeats) {
        if (n < 1 || n > 100_000_000) {
            throw new IllegalArgumentException("n must be in [1, 100000000], got " + n);
        }
        if (repeats < 1 || repeats > 50) {
            throw new IllegalArgumentException("repeats must be in [1, 50], got " + repeats);
        }
        List<Result> results = new ArrayList<>();
        for (String line : Python.runScript(PythonSums.class, "python_sums.py",
                List.of("--tsv", "--n", Integer.toString(n), "--repeats", Integer.toString(repeats)),
                Duration.ofMinutes(5))) {
            String[] f = line.split("\t");
            if (f.length == 2) {
                results.add(new Result(f[0], Double.parseDouble(f[1])));
            }
        }
        return results;
    }
}
