package dev.mnemo.kernels.vector.gemm;

import static dev.mnemo.kernels.vector.simd.Simd.F;
import static dev.mnemo.kernels.vector.simd.Simd.ORDER;

import dev.mnemo.kernels.vector.parallel.WorkerPool;
import dev.mnemo.kernels.vector.simd.Simd;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Vector-times-matrix, the GEMM of a single row (M = 1) or, transposed, a single column
 * (N = 1): packing would cost as much as the multiply, so the matrix is read in place.
 * <pre>
 *   y[j] = alpha · Σ_p x[p] · Z[p][j] + beta · y[j]         j &lt; n, p &lt; k
 * </pre>
 * Z is stored depth-major ({@code z[p·ld + j]}: rows of Z are contiguous, an axpy per p) or
 * column-major ({@code z[j·ld + p]}: each output is a dot product). Outputs are split among
 * the pool's threads.
 */
final class Gemv {
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT;
    private static final int L = Simd.LANES;
    private static final int AXPY_UNROLL = 4;
    private static final int DOT_ROWS = 4;

    private Gemv() {}

    static void run(WorkerPool pool, MemorySegment y, MemorySegment x, MemorySegment z, long ld, boolean depthMajor,
                    int n, int k, float alpha, float beta) {
        int align = depthMajor ? AXPY_UNROLL * L : DOT_ROWS;
        int work = n * k;
        if (work < 1 << 15) {
            range(y, x, z, ld, depthMajor, 0, n, k, alpha, beta);
            return;
        }
        pool.run((worker, workers, barrier) -> range(y, x, z, ld, depthMajor,
                WorkerPool.split(n, workers, worker, align), WorkerPool.split(n, workers, worker + 1, align),
                k, alpha, beta));
    }

    private static void range(MemorySegment y, MemorySegment x, MemorySegment z, long ld, boolean depthMajor,
                              int j0, int j1, int k, float alpha, float beta) {
        if (depthMajor) {
            axpyColumns(y, x, z, ld, j0, j1, k, alpha, beta);
        } else {
            dotColumns(y, x, z, ld, j0, j1, k, alpha, beta);
        }
    }

    /** Depth-major Z: y[j0..j1) accumulated one row of Z at a time, four vectors of outputs in registers. */
    private static void axpyColumns(MemorySegment y, MemorySegment x, MemorySegment z, long ld, int j0, int j1,
                                    int k, float alpha, float beta) {
        int j = j0;
        if (Simd.ENABLED) {
            for (; j + AXPY_UNROLL * L <= j1; j += AXPY_UNROLL * L) {
                FloatVector a0 = FloatVector.zero(F), a1 = a0, a2 = a0, a3 = a0;
                for (int p = 0; p < k; p++) {
                    FloatVector xp = FloatVector.broadcast(F, x.getAtIndex(FLOAT, p));
                    long off = (p * ld + j) * Float.BYTES;
                    a0 = FloatVector.fromMemorySegment(F, z, off, ORDER).fma(xp, a0);
                    a1 = FloatVector.fromMemorySegment(F, z, off + L * Float.BYTES, ORDER).fma(xp, a1);
                    a2 = FloatVector.fromMemorySegment(F, z, off + 2L * L * Float.BYTES, ORDER).fma(xp, a2);
                    a3 = FloatVector.fromMemorySegment(F, z, off + 3L * L * Float.BYTES, ORDER).fma(xp, a3);
                }
                finish(y, j, a0, alpha, beta);
                finish(y, j + L, a1, alpha, beta);
                finish(y, j + 2 * L, a2, alpha, beta);
                finish(y, j + 3 * L, a3, alpha, beta);
            }
            for (; j + L <= j1; j += L) {
                FloatVector a0 = FloatVector.zero(F);
                for (int p = 0; p < k; p++) {
                    FloatVector xp = FloatVector.broadcast(F, x.getAtIndex(FLOAT, p));
                    a0 = FloatVector.fromMemorySegment(F, z, (p * ld + j) * Float.BYTES, ORDER).fma(xp, a0);
                }
                finish(y, j, a0, alpha, beta);
            }
        }
        for (; j < j1; j++) {
            float sum = 0f;
            for (int p = 0; p < k; p++) {
                sum = Math.fma(x.getAtIndex(FLOAT, p), z.getAtIndex(FLOAT, p * ld + j), sum);
            }
            finish(y, j, sum, alpha, beta);
        }
    }

    /** Column-major Z: each y[j] a dot product of x with a contiguous row, four rows at a time. */
    private static void dotColumns(MemorySegment y, MemorySegment x, MemorySegment z, long ld, int j0, int j1,
                                   int k, float alpha, float beta) {
        int kv = Simd.loopBound(k);
        int j = j0;
        if (Simd.ENABLED) {
            for (; j + DOT_ROWS <= j1; j += DOT_ROWS) {
                FloatVector a0 = FloatVector.zero(F), a1 = a0, a2 = a0, a3 = a0;
                long r0 = j * ld, r1 = r0 + ld, r2 = r1 + ld, r3 = r2 + ld;
                for (int p = 0; p < kv; p += L) {
                    FloatVector xv = FloatVector.fromMemorySegment(F, x, (long) p * Float.BYTES, ORDER);
                    a0 = FloatVector.fromMemorySegment(F, z, (r0 + p) * Float.BYTES, ORDER).fma(xv, a0);
                    a1 = FloatVector.fromMemorySegment(F, z, (r1 + p) * Float.BYTES, ORDER).fma(xv, a1);
                    a2 = FloatVector.fromMemorySegment(F, z, (r2 + p) * Float.BYTES, ORDER).fma(xv, a2);
                    a3 = FloatVector.fromMemorySegment(F, z, (r3 + p) * Float.BYTES, ORDER).fma(xv, a3);
                }
                finish(y, j, a0.reduceLanes(VectorOperators.ADD) + dotTail(x, z, r0, kv, k), alpha, beta);
                finish(y, j + 1, a1.reduceLanes(VectorOperators.ADD) + dotTail(x, z, r1, kv, k), alpha, beta);
                finish(y, j + 2, a2.reduceLanes(VectorOperators.ADD) + dotTail(x, z, r2, kv, k), alpha, beta);
                finish(y, j + 3, a3.reduceLanes(VectorOperators.ADD) + dotTail(x, z, r3, kv, k), alpha, beta);
            }
        }
        for (; j < j1; j++) {
            long row = j * ld;
            float sum = 0f;
            int p = 0;
            if (Simd.ENABLED) {
                FloatVector acc = FloatVector.zero(F);
                for (; p < kv; p += L) {
                    acc = FloatVector.fromMemorySegment(F, z, (row + p) * Float.BYTES, ORDER)
                            .fma(FloatVector.fromMemorySegment(F, x, (long) p * Float.BYTES, ORDER), acc);
                }
                sum = acc.reduceLanes(VectorOperators.ADD);
            }
            finish(y, j, sum + dotTail(x, z, row, p, k), alpha, beta);
        }
    }

    /** {@code Σ_{p in [from, k)} x[p] · z[row + p]}: the scalar tail of a dot product. */
    private static float dotTail(MemorySegment x, MemorySegment z, long row, int from, int k) {
        float sum = 0f;
        for (int p = from; p < k; p++) {
            sum = Math.fma(x.getAtIndex(FLOAT, p), z.getAtIndex(FLOAT, row + p), sum);
        }
        return sum;
    }

    private static void finish(MemorySegment y, int j, FloatVector acc, float alpha, float beta) {
        long off = (long) j * Float.BYTES;
        FloatVector v = acc.mul(alpha);
        if (beta != 0f) {
            v = FloatVector.fromMemorySegment(F, y, off, ORDER).fma(FloatVector.broadcast(F, beta), v);
        }
        v.intoMemorySegment(y, off, ORDER);
    }

    private static void finish(MemorySegment y, int j, float acc, float alpha, float beta) {
        float v = alpha * acc;
        if (beta != 0f) {
            v += beta * y.getAtIndex(FLOAT, j);
        }
        y.setAtIndex(FLOAT, j, v);
    }
}
