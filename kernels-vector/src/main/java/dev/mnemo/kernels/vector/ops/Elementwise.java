package dev.mnemo.kernels.vector.ops;

import static dev.mnemo.kernels.vector.simd.Simd.F;
import static dev.mnemo.kernels.vector.simd.Simd.LANES;
import static dev.mnemo.kernels.vector.simd.Simd.ORDER;

import dev.mnemo.kernels.vector.simd.Simd;
import dev.mnemo.tensor.Tensor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The element-wise ops and reductions of the SPI: a vector loop over whole vectors, then a
 * scalar tail (which is the whole loop when the Vector API is off).
 */
public final class Elementwise {
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT;

    private Elementwise() {}

    /** {@code out = a + b}. */
    public static void add(Tensor out, Tensor a, Tensor b) {
        MemorySegment o = out.segment(), x = a.segment(), y = b.segment();
        long n = out.size(), i = 0;
        if (Simd.ENABLED) {
            for (long end = Simd.loopBound(n); i < end; i += LANES) {
                load(x, i).add(load(y, i)).intoMemorySegment(o, i * Float.BYTES, ORDER);
            }
        }
        for (; i < n; i++) {
            o.setAtIndex(FLOAT, i, x.getAtIndex(FLOAT, i) + y.getAtIndex(FLOAT, i));
        }
    }

    /** {@code out = a ⊙ b}. */
    public static void mul(Tensor out, Tensor a, Tensor b) {
        MemorySegment o = out.segment(), x = a.segment(), y = b.segment();
        long n = out.size(), i = 0;
        if (Simd.ENABLED) {
            for (long end = Simd.loopBound(n); i < end; i += LANES) {
                load(x, i).mul(load(y, i)).intoMemorySegment(o, i * Float.BYTES, ORDER);
            }
        }
        for (; i < n; i++) {
            o.setAtIndex(FLOAT, i, x.getAtIndex(FLOAT, i) * y.getAtIndex(FLOAT, i));
        }
    }

    /** {@code y += alpha · x}. */
    public static void axpy(float alpha, Tensor x, Tensor y) {
        axpy(alpha, x.segment(), 0, y.segment(), 0, y.size());
    }

    /** {@code y[yOff + i] += alpha · x[xOff + i]} for {@code i < n} (float indices). */
    public static void axpy(float alpha, MemorySegment x, long xOff, MemorySegment y, long yOff, long n) {
        long i = 0;
        if (Simd.ENABLED) {
            for (long end = Simd.loopBound(n); i < end; i += LANES) {
                load(x, xOff + i).fma(FloatVector.broadcast(F, alpha), load(y, yOff + i)).intoMemorySegment(y, (yOff + i) * Float.BYTES, ORDER);
            }
        }
        for (; i < n; i++) {
            y.setAtIndex(FLOAT, yOff + i, Math.fma(alpha, x.getAtIndex(FLOAT, xOff + i), y.getAtIndex(FLOAT, yOff + i)));
        }
    }

    /** {@code m[from + i] += c} for {@code i < count}. */
    public static void addConstant(MemorySegment m, long from, long count, float c) {
        long i = 0;
        if (Simd.ENABLED) {
            for (long end = Simd.loopBound(count); i < end; i += LANES) {
                load(m, from + i).add(c).intoMemorySegment(m, (from + i) * Float.BYTES, ORDER);
            }
        }
        for (; i < count; i++) {
            m.setAtIndex(FLOAT, from + i, m.getAtIndex(FLOAT, from + i) + c);
        }
    }

    /** {@code Σ m[from + i]} for {@code i < count}, vector partial sums added in double. */
    public static double sum(MemorySegment m, long from, long count) {
        long i = 0;
        double sum = 0;
        if (Simd.ENABLED) {
            FloatVector acc = FloatVector.zero(F);
            for (long end = Simd.loopBound(count); i < end; i += LANES) {
                acc = acc.add(load(m, from + i));
            }
            sum = acc.reduceLanes(VectorOperators.ADD);
        }
        for (; i < count; i++) {
            sum += m.getAtIndex(FLOAT, from + i);
        }
        return sum;
    }

    /** {@code x *= alpha}. */
    public static void scale(Tensor x, float alpha) {
        MemorySegment s = x.segment();
        long n = x.size(), i = 0;
        if (Simd.ENABLED) {
            for (long end = Simd.loopBound(n); i < end; i += LANES) {
                load(s, i).mul(alpha).intoMemorySegment(s, i * Float.BYTES, ORDER);
            }
        }
        for (; i < n; i++) {
            s.setAtIndex(FLOAT, i, alpha * s.getAtIndex(FLOAT, i));
        }
    }

    /** {@code y[r, j] += bias[j]} for {@code y [R, J]}. */
    public static void addRowVector(Tensor y, Tensor bias) {
        int cols = bias.dim(0);
        long rows = cols == 0 ? 0 : y.size() / cols;
        for (long r = 0; r < rows; r++) {
            axpy(1f, bias.segment(), 0, y.segment(), r * cols, cols);
        }
    }

    /** {@code out[j] += Σ_r x[r, j]} for {@code x [R, J]}. */
    public static void sumRows(Tensor out, Tensor x) {
        int cols = out.dim(0);
        long rows = cols == 0 ? 0 : x.size() / cols;
        sumRows(out.segment(), x.segment(), rows, cols);
    }

    /** {@code out[j] += Σ_{r < rows} x[r·cols + j]}: bias gradients. */
    public static void sumRows(MemorySegment out, MemorySegment x, long rows, int cols) {
        for (long r = 0; r < rows; r++) {
            axpy(1f, x, r * cols, out, 0, cols);
        }
    }

    /** {@code Σ x_i²}: vector partial sums in float over blocks, accumulated in double. */
    public static double sumOfSquares(Tensor x) {
        MemorySegment s = x.segment();
        long n = x.size(), i = 0;
        double sum = 0;
        if (Simd.ENABLED) {
            final long block = 64L * LANES;
            for (long end = n - n % block; i < end; i += block) {
                FloatVector acc = FloatVector.zero(F);
                for (long j = i; j < i + block; j += LANES) {
                    FloatVector v = load(s, j);
                    acc = v.fma(v, acc);
                }
                sum += acc.reduceLanes(VectorOperators.ADD);
            }
        }
        for (; i < n; i++) {
            double v = s.getAtIndex(FLOAT, i);
            sum += v * v;
        }
        return sum;
    }

    /** The vector of floats at float index {@code i}. */
    static FloatVector load(MemorySegment s, long i) {
        return FloatVector.fromMemorySegment(F, s, i * Float.BYTES, ORDER);
    }
}
