package dev.mnemo.kernel;

import dev.mnemo.tensor.Tensor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The default element-wise ops and reductions of {@link KernelBackend}: plain loops over the
 * tensors' memory, on the calling thread. They read each float once, so a backend overrides them
 * only where it has something faster (SIMD lanes); a native primitive per op would add a lookup and
 * a call for no gain.
 */
final class Elementwise {
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT;

    private Elementwise() {}

    static void add(Tensor out, Tensor a, Tensor b) {
        MemorySegment o = out.segment(), x = a.segment(), y = b.segment();
        for (long i = 0, n = out.size(); i < n; i++) {
            o.setAtIndex(F, i, x.getAtIndex(F, i) + y.getAtIndex(F, i));
        }
    }

    static void mul(Tensor out, Tensor a, Tensor b) {
        MemorySegment o = out.segment(), x = a.segment(), y = b.segment();
        for (long i = 0, n = out.size(); i < n; i++) {
            o.setAtIndex(F, i, x.getAtIndex(F, i) * y.getAtIndex(F, i));
        }
    }

    static void axpy(float alpha, Tensor x, Tensor y) {
        MemorySegment xs = x.segment(), ys = y.segment();
        for (long i = 0, n = y.size(); i < n; i++) {
            ys.setAtIndex(F, i, ys.getAtIndex(F, i) + alpha * xs.getAtIndex(F, i));
        }
    }

    static void scale(Tensor x, float alpha) {
        MemorySegment s = x.segment();
        for (long i = 0, n = x.size(); i < n; i++) {
            s.setAtIndex(F, i, alpha * s.getAtIndex(F, i));
        }
    }

    /** {@code y[r, j] += bias[j]}. */
    static void addRowVector(Tensor y, Tensor bias) {
        MemorySegment s = y.segment(), b = bias.segment();
        int cols = bias.dim(0);
        long rows = cols == 0 ? 0 : y.size() / cols;
        for (long r = 0; r < rows; r++) {
            long base = r * cols;
            for (int j = 0; j < cols; j++) {
                s.setAtIndex(F, base + j, s.getAtIndex(F, base + j) + b.getAtIndex(F, j));
            }
        }
    }

    /** {@code out[j] += Σ_r x[r, j]}, summed in double per column before the add. */
    static void sumRows(Tensor out, Tensor x) {
        MemorySegment s = x.segment(), o = out.segment();
        int cols = out.dim(0);
        long rows = cols == 0 ? 0 : x.size() / cols;
        double[] sums = new double[cols];
        for (long r = 0; r < rows; r++) {
            long base = r * cols;
            for (int j = 0; j < cols; j++) {
                sums[j] += s.getAtIndex(F, base + j);
            }
        }
        for (int j = 0; j < cols; j++) {
            o.setAtIndex(F, j, (float) (o.getAtIndex(F, j) + sums[j]));
        }
    }

    static double sumOfSquares(Tensor x) {
        MemorySegment s = x.segment();
        double sum = 0;
        for (long i = 0, n = x.size(); i < n; i++) {
            double v = s.getAtIndex(F, i);
            sum += v * v;
        }
        return sum;
    }
}
