package dev.mnemo.kernel;

import static org.junit.jupiter.api.Assertions.fail;

import dev.mnemo.tensor.Tensor;
import java.util.function.DoubleSupplier;

/**
 * Central finite-difference gradient check: perturbs entries of an input by ±eps, re-evaluates
 * the scalar loss (accumulated in double) and compares {@code (L(x+eps) - L(x-eps)) / 2eps}
 * with the analytic gradient. Passes when {@code |num - ana| <= atol + rtol · max(|num|, |ana|)}.
 */
public final class FiniteDifference {
    private final double eps;
    private final double rtol;
    private final double atol;
    private double worst;

    public FiniteDifference(double eps, double rtol, double atol) {
        this.eps = eps;
        this.rtol = rtol;
        this.atol = atol;
    }

    /** The default for float32 kernels with inputs of order 1: eps 1e-2, 1 % relative, 5e-4 absolute. */
    public static FiniteDifference forFloat32() {
        return new FiniteDifference(1e-2, 1e-2, 5e-4);
    }

    /**
     * Checks up to {@code maxEntries} entries (evenly spaced) of {@code input} against {@code analytic}.
     *
     * @param loss evaluates the loss at the current values of {@code input}
     */
    public void check(String label, Tensor input, Tensor analytic, DoubleSupplier loss, int maxEntries) {
        if (analytic == null) {
            fail(label + ": analytic gradient missing");
        }
        long n = input.size();
        long stride = Math.max(1, n / maxEntries);
        for (long i = 0; i < n; i += stride) {
            float original = input.get(i);
            input.set(i, (float) (original + eps));
            double plus = loss.getAsDouble();
            input.set(i, (float) (original - eps));
            double minus = loss.getAsDouble();
            input.set(i, original);
            double numeric = (plus - minus) / (2 * eps);
            double exact = analytic.get(i);
            double diff = Math.abs(numeric - exact);
            worst = Math.max(worst, diff / (atol + rtol * Math.max(Math.abs(numeric), Math.abs(exact))));
            if (diff > atol + rtol * Math.max(Math.abs(numeric), Math.abs(exact))) {
                fail(String.format("%s: gradient at flat index %d: finite difference %.6g, analytic %.6g",
                        label, i, numeric, exact));
            }
        }
    }

    /** Largest error seen, as a fraction of the allowed error (below 1 passes). */
    public double worstFraction() {
        return worst;
    }
}
