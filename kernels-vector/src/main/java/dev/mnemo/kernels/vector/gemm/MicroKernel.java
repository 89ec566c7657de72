package dev.mnemo.kernels.vector.gemm;

import static dev.mnemo.kernels.vector.simd.Simd.F;
import static dev.mnemo.kernels.vector.simd.Simd.ORDER;

import dev.mnemo.kernels.vector.simd.Simd;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import jdk.incubator.vector.FloatVector;

/**
 * The register-tiled GEMM micro-kernel: an {@code MR × NR} tile of C from a packed A
 * micro-panel ({@code [kc][MR]}, see {@link Panels}) and a packed B micro-panel
 * ({@code [kc][NR]}):
 * <pre>
 *   C[i, j] = Σ_p A[p][i] · B[p][j]  +  beta · C[i, j]        (beta == 0: C is not read)
 * </pre>
 * With 512-bit vectors the tile is 8 × 32: sixteen accumulators, two B vectors and one
 * broadcast A value live in registers. Edge tiles (fewer rows or columns) go through a small
 * array so only valid entries of C are touched.
 */
final class MicroKernel {
    /**
     * Rows of the register tile. 8 × 2 vectors (16 accumulators) ran the kernel at 98 % of the
     * FMA peak here, 6 × 2 (12) at 80-90 %; 24 accumulators spill. (A CPU with only 16 vector
     * registers, AVX2 without AVX-512, would want 6.)
     */
    static final int MR = 8;
    /** Columns of the register tile: two vectors (16 floats when the Vector API is off). */
    static final int NR = Simd.ENABLED ? 2 * Simd.LANES : 16;

    private static final int L = Simd.LANES;
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT;

    private MicroKernel() {}

    /** A scratch tile for {@link #run}, one per thread. */
    static float[] newTile() {
        return new float[MR * NR];
    }

    /**
     * Computes one tile.
     *
     * @param kc   depth of the panels
     * @param a    packed A, micro-panel at {@code aOff}
     * @param b    packed B, micro-panel at {@code bOff}
     * @param c    C's memory; tile origin at float index {@code cOff}, row stride {@code ldc}
     * @param rows valid rows of the tile (at most MR)
     * @param cols valid columns of the tile (at most NR)
     * @param tile scratch of {@code MR × NR} floats for edge tiles
     */
    static void run(int kc, float[] a, int aOff, float[] b, int bOff, MemorySegment c, long cOff, long ldc,
                    int rows, int cols, float beta, float[] tile) {
        if (Simd.ENABLED && rows == 1) {
            vectorRow(kc, a, aOff, b, bOff, c, cOff, cols, beta, tile);
        } else if (Simd.ENABLED) {
            vector(kc, a, aOff, b, bOff, c, cOff, ldc, rows, cols, beta, tile);
        } else {
            scalar(kc, a, aOff, b, bOff, c, cOff, ldc, rows, cols, beta, tile);
        }
    }

    private static void vector(int kc, float[] a, int aOff, float[] b, int bOff, MemorySegment c, long cOff,
                               long ldc, int rows, int cols, float beta, float[] tile) {
        FloatVector c00 = FloatVector.zero(F), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        FloatVector c60 = c00, c61 = c00, c70 = c00, c71 = c00;
        for (int p = 0; p < kc; p++) {
            int bi = bOff + p * NR;
            int ai = aOff + p * MR;
            FloatVector b0 = FloatVector.fromArray(F, b, bi);
            FloatVector b1 = FloatVector.fromArray(F, b, bi + L);
            FloatVector av = FloatVector.broadcast(F, a[ai]);
            c00 = av.fma(b0, c00);
            c01 = av.fma(b1, c01);
            av = FloatVector.broadcast(F, a[ai + 1]);
            c10 = av.fma(b0, c10);
            c11 = av.fma(b1, c11);
            av = FloatVector.broadcast(F, a[ai + 2]);
            c20 = av.fma(b0, c20);
            c21 = av.fma(b1, c21);
            av = FloatVector.broadcast(F, a[ai + 3]);
            c30 = av.fma(b0, c30);
            c31 = av.fma(b1, c31);
            av = FloatVector.broadcast(F, a[ai + 4]);
            c40 = av.fma(b0, c40);
            c41 = av.fma(b1, c41);
            av = FloatVector.broadcast(F, a[ai + 5]);
            c50 = av.fma(b0, c50);
            c51 = av.fma(b1, c51);
            av = FloatVector.broadcast(F, a[ai + 6]);
            c60 = av.fma(b0, c60);
            c61 = av.fma(b1, c61);
            av = FloatVector.broadcast(F, a[ai + 7]);
            c70 = av.fma(b0, c70);
            c71 = av.fma(b1, c71);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + L);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + L);
        c60.intoArray(tile, 6 * NR);
        c61.intoArray(tile, 6 * NR + L);
        c70.intoArray(tile, 7 * NR);
        c71.intoArray(tile, 7 * NR + L);
        storeTile(tile, c, cOff, ldc, rows, cols, beta);
    }

    /**
     * A tile of one valid row (batch-1 recurrences, GEMV-like tails): two steps of p at a time
     * into four accumulators, so the FMA chains do not wait on each other.
     */
    private static void vectorRow(int kc, float[] a, int aOff, float[] b, int bOff, MemorySegment c, long cOff,
                                  int cols, float beta, float[] tile) {
        FloatVector e0 = FloatVector.zero(F), e1 = e0, o0 = e0, o1 = e0;
        int p = 0;
        for (; p + 1 < kc; p += 2) {
            int bi = bOff + p * NR;
            FloatVector av = FloatVector.broadcast(F, a[aOff + p * MR]);
            e0 = av.fma(FloatVector.fromArray(F, b, bi), e0);
            e1 = av.fma(FloatVector.fromArray(F, b, bi + L), e1);
            FloatVector aw = FloatVector.broadcast(F, a[aOff + (p + 1) * MR]);
            o0 = aw.fma(FloatVector.fromArray(F, b, bi + NR), o0);
            o1 = aw.fma(FloatVector.fromArray(F, b, bi + NR + L), o1);
        }
        if (p < kc) {
            int bi = bOff + p * NR;
            FloatVector av = FloatVector.broadcast(F, a[aOff + p * MR]);
            e0 = av.fma(FloatVector.fromArray(F, b, bi), e0);
            e1 = av.fma(FloatVector.fromArray(F, b, bi + L), e1);
        }
        e0.add(o0).intoArray(tile, 0);
        e1.add(o1).intoArray(tile, L);
        storeTile(tile, c, cOff, 0, 1, cols, beta);
    }

    /**
     * {@code C = tile + beta · C} over the valid {@code rows × cols} corner, whole rows with
     * vectors. (The accumulators go through the tile rather than a helper taking vectors: a
     * call that receives vectors boxes them, which cost the kernel 80 % of its speed here.)
     */
    private static void storeTile(float[] tile, MemorySegment c, long cOff, long ldc, int rows, int cols, float beta) {
        if (cols != NR) {
            mergeTile(tile, c, cOff, ldc, rows, cols, beta);
            return;
        }
        FloatVector vb = FloatVector.broadcast(F, beta);
        for (int i = 0; i < rows; i++) {
            long off = (cOff + i * ldc) * Float.BYTES;
            for (int j = 0; j < NR; j += L) {
                FloatVector v = FloatVector.fromArray(F, tile, i * NR + j);
                long o = off + (long) j * Float.BYTES;
                if (beta != 0f) {
                    v = FloatVector.fromMemorySegment(F, c, o, ORDER).fma(vb, v);
                }
                v.intoMemorySegment(c, o, ORDER);
            }
        }
    }

    /** The scalar twin of {@link #vector}: the same tile with plain loops. */
    private static void scalar(int kc, float[] a, int aOff, float[] b, int bOff, MemorySegment c, long cOff,
                               long ldc, int rows, int cols, float beta, float[] tile) {
        java.util.Arrays.fill(tile, 0f);
        for (int p = 0; p < kc; p++) {
            int bi = bOff + p * NR;
            int ai = aOff + p * MR;
            for (int i = 0; i < MR; i++) {
                float av = a[ai + i];
                for (int j = 0; j < NR; j++) {
                    tile[i * NR + j] = Math.fma(av, b[bi + j], tile[i * NR + j]);
                }
            }
        }
        mergeTile(tile, c, cOff, ldc, rows, cols, beta);
    }

    /** {@code C = tile + beta · C} over the valid {@code rows × cols} corner. */
    private static void mergeTile(float[] tile, MemorySegment c, long cOff, long ldc, int rows, int cols, float beta) {
        for (int i = 0; i < rows; i++) {
            long row = cOff + i * ldc;
            for (int j = 0; j < cols; j++) {
                float v = tile[i * NR + j];
                if (beta != 0f) {
                    v += beta * c.getAtIndex(FLOAT, row + j);
                }
                c.setAtIndex(FLOAT, row + j, v);
            }
        }
    }
}
