package dev.mnemo.kernels.vector.gemm;

import static dev.mnemo.kernels.vector.gemm.MicroKernel.MR;
import static dev.mnemo.kernels.vector.gemm.MicroKernel.NR;

import dev.mnemo.kernels.vector.parallel.Barrier;
import dev.mnemo.kernels.vector.parallel.Scratch;
import dev.mnemo.kernels.vector.parallel.WorkerPool;
import dev.mnemo.tensor.Tensor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@code C = alpha · op(A) · op(B) + beta · C} on row-major float32 matrices, blocked for the
 * caches as in BLIS / Goto's algorithm:
 * <pre>
 *   for jc over N in NC:        for pc over K in KC:
 *     pack op(B)[pc, jc] into NR-wide panels        (shared, packed by all threads)
 *     for ic over this thread's rows in MC:
 *       pack alpha · op(A)[ic, pc] into MR-high panels (per thread)
 *       for each B panel, for each A panel: MicroKernel (MR × NR tile of C)
 * </pre>
 * Threads split the rows of C; the B block (KC × NC, 1 MiB) is packed once for all of them,
 * with a barrier after packing and one before it is overwritten. For skinny C (at most
 * {@link #SKINNY_ROWS} rows) they split the columns and pack their own B blocks instead. A
 * single row or column goes to {@link Gemv}. The packing and multiply steps are public for kernels that reuse a
 * packed weight matrix across calls (the recurrent GEMM of each time step).
 */
public final class Gemm {
    /** Depth of a block: a B micro-panel (KC × NR floats, 32 KiB at 512 bits) stays in L1. */
    static final int KC = 256;
    /** Rows of C per A block (96 KiB packed, in L2). */
    static final int MC = 96;
    /** Columns of C per B block. */
    static final int NC = 1024;
    /**
     * Up to this many rows, when C is at least twice as wide as high, threads split the columns
     * instead of the rows: each packs only its own part of B, with no barriers. With a row split
     * every thread reads all of packed B, and for few rows B's traffic is the cost
     * (64 x 1024 x 1024: 0.92 ms, 146 GFLOP/s).
     */
    static final int SKINNY_ROWS = 256;

    private static final int SLOT_B = Scratch.GEMM_B;
    private static final int SLOT_A = Scratch.GEMM_A;
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT;

    private Gemm() {}

    /** Width of a packed B panel (the register tile's columns). */
    public static int panelWidth() {
        return NR;
    }

    /** Height of a packed A panel (the register tile's rows). */
    public static int panelHeight() {
        return MR;
    }

    /** The SPI's gemm: see {@code KernelBackend.gemm}. */
    public static void gemm(WorkerPool pool, Tensor c, Tensor a, boolean transA, Tensor b, boolean transB,
                            float alpha, float beta) {
        int m = c.dim(0), n = c.dim(1);
        int k = transA ? a.dim(0) : a.dim(1);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0f) {
            scale(c.segment(), (long) m * n, beta);
            return;
        }
        long lda = a.dim(1), ldb = b.dim(1);
        if (m == 1) {
            // y[j] = Σ_p a[p] · op(B)[p][j]; a is contiguous either way
            Gemv.run(pool, c.segment(), a.segment(), b.segment(), ldb, !transB, n, k, alpha, beta);
        } else if (n == 1) {
            // Cᵀ = op(B)ᵀ · op(A)ᵀ: the column of C is contiguous, as is op(B)'s single column
            Gemv.run(pool, c.segment(), b.segment(), a.segment(), lda, transA, m, k, alpha, beta);
        } else {
            blocked(pool, c.segment(), m, n, k, a.segment(), lda, transA, b.segment(), ldb, transB, alpha, beta);
        }
    }

    private static void blocked(WorkerPool pool, MemorySegment c, int m, int n, int k,
                                MemorySegment a, long lda, boolean transA, MemorySegment b, long ldb, boolean transB,
                                float alpha, float beta) {
        Operands op = new Operands(c, m, n, k, a, lda, transA, b, ldb, transB, alpha, beta);
        int bPackSize = Panels.packedSize(Math.min(NC, n), Math.min(KC, k), NR);
        if ((long) m * n * k < 1L << 18) {
            blocks(op, 0, m, 0, n, Scratch.floats(SLOT_B, bPackSize), 0, 1, Barrier.single());
        } else if (m <= SKINNY_ROWS && n >= 2 * m) {
            pool.run((worker, workers, barrier) -> {
                int n0 = WorkerPool.split(n, workers, worker, NR), n1 = WorkerPool.split(n, workers, worker + 1, NR);
                blocks(op, 0, m, n0, n1, Scratch.floats(SLOT_B, bPackSize), 0, 1, Barrier.single());
            });
        } else {
            float[] bPack = Scratch.floats(SLOT_B, bPackSize);
            pool.run((worker, workers, barrier) -> {
                int m0 = WorkerPool.split(m, workers, worker, MR), m1 = WorkerPool.split(m, workers, worker + 1, MR);
                blocks(op, m0, m1, 0, n, bPack, worker, workers, barrier);
            });
        }
    }

    /** The operands of one {@code gemm} call; A is {@code [M, K]} (or {@code [K, M]} when transposed), B likewise. */
    private record Operands(MemorySegment c, int m, int n, int k, MemorySegment a, long lda, boolean transA,
                            MemorySegment b, long ldb, boolean transB, float alpha, float beta) {}

    /**
     * The blocked loops over rows {@code [m0, m1)} and columns {@code [n0, n1)} of C. The B blocks
     * are packed into {@code bPack} by the {@code workers} that share it, panel by panel, between
     * two barriers; each then packs its own A blocks.
     */
    private static void blocks(Operands op, int m0, int m1, int n0, int n1, float[] bPack,
                               int worker, int workers, Barrier barrier) {
        float[] aPack = Scratch.floats(SLOT_A, Panels.packedSize(Math.min(MC, op.m), Math.min(KC, op.k), MR));
        float[] tile = MicroKernel.newTile();
        for (int jc = n0; jc < n1; jc += NC) {
            int nc = Math.min(NC, n1 - jc);
            int panels = (nc + NR - 1) / NR;
            for (int pc = 0; pc < op.k; pc += KC) {
                int kc = Math.min(KC, op.k - pc);
                for (int q = worker; q < panels; q += workers) {
                    Panels.pack(bPack, q * NR * kc, op.b, op.ldb, op.transB, jc + q * NR, Math.min(NR, nc - q * NR),
                            pc, kc, NR, 1f);
                }
                barrier.await();
                float betaHere = pc == 0 ? op.beta : 1f;
                for (int ic = m0; ic < m1; ic += MC) {
                    int mc = Math.min(MC, m1 - ic);
                    Panels.pack(aPack, 0, op.a, op.lda, !op.transA, ic, mc, pc, kc, MR, op.alpha);
                    multiplyBlock(op.c, (long) ic * op.n + jc, op.n, aPack, 0, mc, bPack, 0, nc, kc, betaHere, tile);
                }
                barrier.await();
            }
        }
    }

    /**
     * {@code C[rows, cols] = packedA · packedB + beta · C} for packed panels of depth {@code kc}
     * (serial; the caller parallelises). C starts at float index {@code cOff} with row stride {@code ldc}.
     */
    public static void multiplyBlock(MemorySegment c, long cOff, long ldc, float[] aPack, int aOff, int rows,
                                     float[] bPack, int bOff, int cols, int kc, float beta, float[] tile) {
        for (int jr = 0; jr < cols; jr += NR) {
            int bPanel = bOff + jr * kc;
            int nr = Math.min(NR, cols - jr);
            for (int ir = 0; ir < rows; ir += MR) {
                MicroKernel.run(kc, aPack, aOff + ir * kc, bPack, bPanel, c, cOff + ir * ldc + jr, ldc,
                        Math.min(MR, rows - ir), nr, beta, tile);
            }
        }
    }

    /** A scratch tile for {@link #multiplyBlock}. */
    public static float[] newTile() {
        return MicroKernel.newTile();
    }

    /** Floats needed to pack {@code cols} columns of op(B) (or rows of op(A) with {@code forA}) of depth {@code k}. */
    public static int packedSize(int count, int k, boolean forA) {
        return Panels.packedSize(count, k, forA ? MR : NR);
    }

    /**
     * Packs columns {@code [c0, c0 + cols)} of {@code op(B)} (all K rows) into {@code dst} at
     * {@code off}, for {@link #multiplyBlock}. {@code b} is {@code [K, N]}, or {@code [N, K]} when transposed.
     */
    public static void packB(float[] dst, int off, Tensor b, boolean transB, int c0, int cols) {
        int k = transB ? b.dim(1) : b.dim(0);
        Panels.pack(dst, off, b.segment(), b.dim(1), transB, c0, cols, 0, k, NR, 1f);
    }

    /**
     * Packs rows {@code [r0, r0 + rows)} of a row-major {@code [M, K]} matrix stored in {@code a}
     * (row stride {@code lda}) into {@code dst} at {@code off}, for {@link #multiplyBlock}.
     */
    public static void packA(float[] dst, int off, MemorySegment a, long lda, int r0, int rows, int k) {
        Panels.pack(dst, off, a, lda, true, r0, rows, 0, k, MR, 1f);
    }

    /** {@code x = beta · x} for {@code count} floats; {@code beta == 0} writes zeros (even over NaN). */
    static void scale(MemorySegment x, long count, float beta) {
        if (beta == 0f) {
            x.asSlice(0, count * Float.BYTES).fill((byte) 0);
        } else if (beta != 1f) {
            for (long i = 0; i < count; i++) {
                x.setAtIndex(FLOAT, i, beta * x.getAtIndex(FLOAT, i));
            }
        }
    }
}
