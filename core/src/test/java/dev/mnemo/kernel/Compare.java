package dev.mnemo.kernel;

import static org.junit.jupiter.api.Assertions.fail;

import dev.mnemo.tensor.Tensor;
import java.util.Arrays;

/**
 * Compares tensors element-wise, like llm.c's {@code check_tensor}: the error is
 * {@code max |actual - expected|} divided by {@code max(1, max |expected|)}, so it is relative
 * for large values and absolute for small ones. Keeps the largest error seen for a summary.
 */
public final class Compare {
    private final String backend;
    private double worst;
    private String worstLabel = "-";
    private int cases;

    public Compare(String backend) {
        this.backend = backend;
    }

    /** Fails with the label, the first differing index and both values if the error exceeds {@code tolerance}. */
    public void close(String label, Tensor expected, Tensor actual, double tolerance) {
        if (expected == null && actual == null) {
            return;
        }
        if (expected == null || actual == null || !Arrays.equals(expected.shape(), actual.shape())) {
            fail(label + ": shapes differ: expected " + expected + ", actual " + actual);
        }
        double scale = 1;
        for (long i = 0; i < expected.size(); i++) {
            scale = Math.max(scale, Math.abs(expected.get(i)));
        }
        double maxDiff = 0;
        long at = -1;
        for (long i = 0; i < expected.size(); i++) {
            double diff = Math.abs((double) actual.get(i) - expected.get(i));
            if (!(diff <= maxDiff)) { // also catches NaN
                maxDiff = Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff;
                at = i;
            }
        }
        double error = maxDiff / scale;
        cases++;
        if (error > worst) {
            worst = error;
            worstLabel = label;
        }
        if (error > tolerance) {
            fail(String.format("%s [%s]: max error %.3g > %.1g at flat index %d: expected %.8g, actual %.8g",
                    label, backend, error, tolerance, at, expected.get(at), actual.get(at)));
        }
    }

    /** One line for the test log: how many comparisons and the worst error. */
    public String summary(String what) {
        return String.format("[%s] %s: %d comparisons, max error %.2e (%s)", backend, what, cases, worst, worstLabel);
    }
}
