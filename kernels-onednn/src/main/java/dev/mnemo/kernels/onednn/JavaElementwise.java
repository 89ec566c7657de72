package dev.mnemo.kernels.onednn;

import dev.mnemo.tensor.Tensor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The small memory-bound ops in plain Java loops over the segments: {@code add}, {@code mul},
 * {@code axpy}, {@code scale}, {@code addRowVector}, {@code sumRows}, {@code sumOfSquares}, and the
 * small {@code +=} of {@link DnnlAccumulate}.
 * A oneDNN binary or sum primitive would add a descriptor lookup and a native call per op for work
 * that reads each float once; these run on the calling thread, outside oneDNN's lock.
 */
final class JavaElementwise {
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT;

    private JavaElementwise() {}

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

    /** {@code y += alpha · x}. */
    static void axpy(float alpha, Tensor x, Tensor y) {
        axpy(alpha, x.segment(), y.segment(), y.size());
    }

    /** {@code y[0..n) += alpha · x[0..n)} over raw segments. */
    static void axpy(float alpha, MemorySegment x, MemorySegment y, long n) {
        for (long i = 0; i < n; i++) {
            y.setAtIndex(F, i, y.getAtIndex(F, i) + alpha * x.getAtIndex(F, i));
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
