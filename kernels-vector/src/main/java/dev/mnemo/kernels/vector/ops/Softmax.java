package dev.mnemo.kernels.vector.ops;

import static dev.mnemo.kernels.vector.ops.Elementwise.load;
import static dev.mnemo.kernels.vector.simd.Simd.F;
import static dev.mnemo.kernels.vector.simd.Simd.LANES;
import static dev.mnemo.kernels.vector.simd.Simd.ORDER;

import dev.mnemo.kernels.vector.simd.Simd;
import dev.mnemo.kernels.vector.simd.VectorMath;
import dev.mnemo.tensor.Tensor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Softmax and log-softmax over the last axis, row by row, and their gradients:
 * <pre>
 *   softmax:     y_j = e^{x_j - m} / s                 s = Σ_k e^{x_k - m},  m = max_k x_k
 *   logSoftmax:  y_j = x_j - m - log s
 *   backward:    dx += y ⊙ (dy - Σ dy·y)    /    dx += dy - e^y Σ dy
 * </pre>
 * Three vector passes per row (max; exponentials and their sum; scaling), sums in float
 * vectors added up in double.
 */
public final class Softmax {
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT;

    private Softmax() {}

    /** {@code y = softmax(x)} or {@code logSoftmax(x)} over the last axis; y may be x. */
    public static void forward(Tensor y, Tensor x, boolean log) {
        int n = x.dim(-1);
        long rows = n == 0 ? 0 : x.size() / n;
        MemorySegment in = x.segment(), out = y.segment();
        for (long r = 0; r < rows; r++) {
            long base = r * n;
            float max = max(in, base, n);
            double sum = expShifted(log ? null : out, in, base, n, max);
            if (log) {
                addConstant(out, in, base, n, (float) (-max - Math.log(sum)));
            } else {
                scaleInPlace(out, base, n, (float) (1.0 / sum));
            }
        }
    }

    /** Gradient of softmax ({@code log == false}) or log-softmax, accumulated into dx. */
    public static void backward(Tensor dx, Tensor dy, Tensor y, boolean log) {
        int n = y.dim(-1);
        long rows = n == 0 ? 0 : y.size() / n;
        MemorySegment g = dx.segment(), d = dy.segment(), out = y.segment();
        for (long r = 0; r < rows; r++) {
            long base = r * n;
            float dot = (float) (log ? sum(d, base, n) : dot(d, out, base, n));
            int j = 0;
            if (Simd.ENABLED) {
                for (int end = Simd.loopBound(n); j < end; j += LANES) {
                    long i = base + j;
                    FloatVector yv = load(out, i), dv = load(d, i), gv = load(g, i);
                    FloatVector term = log ? dv.sub(VectorMath.exp(yv).mul(dot)) : yv.mul(dv.sub(dot));
                    gv.add(term).intoMemorySegment(g, i * Float.BYTES, ORDER);
                }
            }
            for (; j < n; j++) {
                long i = base + j;
                float yj = out.getAtIndex(FLOAT, i), dj = d.getAtIndex(FLOAT, i);
                float term = log ? dj - VectorMath.exp(yj) * dot : yj * (dj - dot);
                g.setAtIndex(FLOAT, i, g.getAtIndex(FLOAT, i) + term);
            }
        }
    }

    private static float max(MemorySegment s, long base, int n) {
        float max = Float.NEGATIVE_INFINITY;
        int j = 0;
        if (Simd.ENABLED && n >= LANES) {
            FloatVector m = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
            for (int end = Simd.loopBound(n); j < end; j += LANES) {
                m = m.max(load(s, base + j));
            }
            max = m.reduceLanes(VectorOperators.MAX);
        }
        for (; j < n; j++) {
            max = Math.max(max, s.getAtIndex(FLOAT, base + j));
        }
        return max;
    }

    /** {@code out_j = e^{in_j - max}} (not stored when out is null, so x may alias y); returns their sum. */
    private static double expShifted(MemorySegment out, MemorySegment in, long base, int n, float max) {
        double sum = 0;
        int j = 0;
        if (Simd.ENABLED) {
            FloatVector acc = FloatVector.zero(F);
            for (int end = Simd.loopBound(n); j < end; j += LANES) {
                FloatVector e = VectorMath.exp(load(in, base + j).sub(max));
                if (out != null) {
                    e.intoMemorySegment(out, (base + j) * Float.BYTES, ORDER);
                }
                acc = acc.add(e);
            }
            sum = acc.reduceLanes(VectorOperators.ADD);
        }
        for (; j < n; j++) {
            float e = VectorMath.exp(in.getAtIndex(FLOAT, base + j) - max);
            if (out != null) {
                out.setAtIndex(FLOAT, base + j, e);
            }
            sum += e;
        }
        return sum;
    }

    /** {@code out_j = in_j + c}. */
    private static void addConstant(MemorySegment out, MemorySegment in, long base, int n, float c) {
        int j = 0;
        if (Simd.ENABLED) {
            for (int end = Simd.loopBound(n); j < end; j += LANES) {
                load(in, base + j).add(c).intoMemorySegment(out, (base + j) * Float.BYTES, ORDER);
            }
        }
        for (; j < n; j++) {
            out.setAtIndex(FLOAT, base + j, in.getAtIndex(FLOAT, base + j) + c);
        }
    }

    private static void scaleInPlace(MemorySegment s, long base, int n, float c) {
        int j = 0;
        if (Simd.ENABLED) {
            for (int end = Simd.loopBound(n); j < end; j += LANES) {
                load(s, base + j).mul(c).intoMemorySegment(s, (base + j) * Float.BYTES, ORDER);
            }
        }
        for (; j < n; j++) {
            s.setAtIndex(FLOAT, base + j, s.getAtIndex(FLOAT, base + j) * c);
        }
    }

    private static double sum(MemorySegment s, long base, int n) {
        double sum = 0;
        int j = 0;
        if (Simd.ENABLED) {
            FloatVector acc = FloatVector.zero(F);
            for (int end = Simd.loopBound(n); j < end; j += LANES) {
                acc = acc.add(load(s, base + j));
            }
            sum = acc.reduceLanes(VectorOperators.ADD);
        }
        for (; j < n; j++) {
            sum += s.getAtIndex(FLOAT, base + j);
        }
        return sum;
    }

    private static double dot(MemorySegment a, MemorySegment b, long base, int n) {
        double sum = 0;
        int j = 0;
        if (Simd.ENABLED) {
            FloatVector acc = FloatVector.zero(F);
            for (int end = Simd.loopBound(n); j < end; j += LANES) {
                acc = load(a, base + j).fma(load(b, base + j), acc);
            }
            sum = acc.reduceLanes(VectorOperators.ADD);
        }
        for (; j < n; j++) {
            sum += a.getAtIndex(FLOAT, base + j) * b.getAtIndex(FLOAT, base + j);
        }
        return sum;
    }
}
