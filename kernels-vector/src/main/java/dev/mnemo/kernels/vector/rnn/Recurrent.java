package dev.mnemo.kernels.vector.rnn;

import dev.mnemo.kernels.vector.gemm.Gemm;
import dev.mnemo.kernels.vector.ops.Elementwise;
import dev.mnemo.kernels.vector.parallel.Scratch;
import dev.mnemo.kernels.vector.parallel.WorkerPool;
import dev.mnemo.kernels.vector.simd.Simd;
import dev.mnemo.tensor.Tensor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * What LSTM and GRU share: the parallel step loops (each thread owns a slice of hidden units,
 * packs its rows of W_hh once, and runs recurrent GEMM plus fused pass per step with one
 * barrier) and the gradients summed over all steps.
 */
final class Recurrent {
    private Recurrent() {}

    /** One sample's fused forward pass over units {@code [j0, j1)} (see {@link LstmCell#forward}). */
    interface ForwardPass {
        void run(MemorySegment gates, long gOff, int units, int b, long row, int j0, int j1, float[] next, float[] tmp);
    }

    /** One sample's fused backward pass (see {@link LstmCell#backward}). */
    interface BackwardPass {
        void run(int b, long row, long prevRow, boolean fromRec, int j0, int j1, float[] next, float[] tmp);
    }

    /**
     * The forward step loop for {@code gateCount} gates: per step, this thread's recurrent
     * product {@code [B, G·units]} = packed state × its packed columns of W_hhᵀ, then the fused
     * pass per active sample (inactive samples carry their packed state over), then a barrier.
     * The packed state after step k is in {@code k % 2 == 0 ? odd : even}.
     */
    static void forwardSteps(WorkerPool pool, int gateCount, Tensor wHh, Sequence sq, int hid,
                             float[] even, float[] odd, ForwardPass pass) {
        int steps = sq.steps(), batch = sq.batch();
        pool.run((worker, workers, barrier) -> {
            int j0 = WorkerPool.split(hid, workers, worker, Simd.LANES);
            int j1 = WorkerPool.split(hid, workers, worker + 1, Simd.LANES);
            int units = j1 - j0;
            int block = Gemm.packedSize(units, hid, false);
            float[] weights = Scratch.floats(Buffers.WEIGHTS, gateCount * block);
            for (int q = 0; q < gateCount; q++) {
                Gemm.packB(weights, q * block, wHh, true, q * hid + j0, units);
            }
            long width = (long) gateCount * units;
            MemorySegment gates = Scratch.segment(Buffers.GATES, batch * width);
            float[] tile = Gemm.newTile();
            float[] tmp = new float[4 * Simd.LANES];
            for (int k = 0; k < steps; k++) {
                float[] cur = k % 2 == 0 ? even : odd, next = k % 2 == 0 ? odd : even;
                for (int q = 0; q < gateCount && units > 0; q++) {
                    Gemm.multiplyBlock(gates, (long) q * units, width, cur, 0, batch, weights, q * block, units, hid,
                            0f, tile);
                }
                for (int b = 0; b < batch; b++) {
                    if (sq.active(k, b)) {
                        pass.run(gates, b * width, units, b, sq.row(k, b), j0, j1, next, tmp);
                    } else {
                        PackedRows.copy(cur, next, b, j0, units, hid);
                    }
                }
                barrier.await();
            }
        });
    }

    /**
     * The backward step loop, latest step first: the fused pass per active sample writes the
     * packed gradients of the hidden projection {@code [B, G·H]}; after a barrier each thread
     * computes {@code dhRec[:, its units] = packed · W_hh[:, its units] + beta · dhRec}.
     */
    static void backwardSteps(WorkerPool pool, int gateCount, Tensor wHh, Sequence sq, int hid,
                              MemorySegment dhRec, float beta, float[] even, float[] odd, BackwardPass pass) {
        int steps = sq.steps(), batch = sq.batch();
        int depth = gateCount * hid;
        pool.run((worker, workers, barrier) -> {
            int j0 = WorkerPool.split(hid, workers, worker, Simd.LANES);
            int j1 = WorkerPool.split(hid, workers, worker + 1, Simd.LANES);
            int units = j1 - j0;
            float[] weights = Scratch.floats(Buffers.WEIGHTS, Gemm.packedSize(units, depth, false));
            Gemm.packB(weights, 0, wHh, false, j0, units);
            float[] tile = Gemm.newTile();
            float[] tmp = new float[4 * Simd.LANES];
            for (int k = steps - 1; k >= 0; k--) {
                float[] next = k % 2 == 0 ? even : odd;
                for (int b = 0; b < batch; b++) {
                    if (sq.active(k, b)) {
                        pass.run(b, sq.row(k, b), k > 0 ? sq.row(k - 1, b) : -1, sq.active(k + 1, b), j0, j1, next, tmp);
                    }
                }
                barrier.await();
                if (units > 0) {
                    Gemm.multiplyBlock(dhRec, j0, hid, next, 0, batch, weights, 0, units, depth, beta, tile);
                }
            }
        });
    }

    /** Two zeroed packed {@code [B, depth]} buffers (even and odd steps), or the even one holding {@code init}. */
    static float[][] packedPair(int batch, int depth, Tensor init) {
        int size = PackedRows.size(batch, depth);
        float[] even = Scratch.floats(Buffers.PACKED_EVEN, size);
        float[] odd = Scratch.floats(Buffers.PACKED_ODD, size);
        if (init == null) {
            Arrays.fill(even, 0, size, 0f);
        } else {
            Gemm.packA(even, 0, init.segment(), depth, 0, batch, depth);
        }
        Arrays.fill(odd, 0, size, 0f);
        return new float[][] {even, odd};
    }

    /**
     * {@code dh0 += } the gradient reaching the initial state: the last recurrent product for
     * samples with at least one step, {@code dhN} (passed straight through) for empty ones.
     */
    static void initialStateGradient(Tensor dh0, MemorySegment dhRec, Tensor dhN, Sequence sq, int hid) {
        if (dh0 == null) {
            return;
        }
        for (int b = 0; b < sq.batch(); b++) {
            long at = (long) b * hid;
            if (sq.lengths()[b] > 0) {
                Elementwise.axpy(1f, dhRec, at, dh0.segment(), at, hid);
            } else if (dhN != null) {
                Elementwise.axpy(1f, dhN.segment(), at, dh0.segment(), at, hid);
            }
        }
    }

    /**
     * The gradients that are sums over all steps, each one GEMM over {@code T·B} rows:
     * <pre>
     *   dW_ih += DA_iᵀ · X      db_ih += Σ_rows DA_i      dx += DA_i · W_ih
     *   dW_hh += DA_hᵀ · H_prev db_hh += Σ_rows DA_h
     * </pre>
     * where {@code DA_i}, {@code DA_h} ({@code [T·B, G·H]}, zero at padded steps) are the
     * gradients of the input and hidden projections (the same matrix for LSTM) and
     * {@code H_prev} the state each step started from.
     */
    static void weightGradients(WorkerPool pool, Tensor dx, Tensor dwIh, Tensor dwHh, Tensor dbIh, Tensor dbHh,
                                MemorySegment daInput, MemorySegment daHidden, int depth,
                                Tensor x, Tensor h0, Tensor y, Tensor wIh, Sequence sq, int hid, int in) {
        int rows = sq.steps() * sq.batch();
        Tensor dai = Tensor.wrap(daInput, rows, depth);
        Tensor dah = Tensor.wrap(daHidden, rows, depth);
        Gemm.gemm(pool, dwIh, dai, true, x.view(rows, in), false, 1f, 1f);
        Gemm.gemm(pool, dwHh, dah, true, previousStates(h0, y, sq, hid), false, 1f, 1f);
        columnSums(pool, dai, dbIh, rows, depth);
        columnSums(pool, dah, dbHh, rows, depth);
        if (dx != null) {
            Gemm.gemm(pool, dx.view(rows, in), dai, false, wIh, false, 1f, 1f);
        }
    }

    /** {@code out += Σ_r m[r, ·]} as a ones-vector product (parallel, vectorized). */
    private static void columnSums(WorkerPool pool, Tensor m, Tensor out, int rows, int depth) {
        MemorySegment ones = Scratch.segment(Buffers.ONES, rows);
        for (long r = 0; r < rows; r++) {
            ones.setAtIndex(ValueLayout.JAVA_FLOAT, r, 1f);
        }
        Gemm.gemm(pool, out.view(1, depth), Tensor.wrap(ones, 1, rows), false, m, false, 1f, 1f);
    }

    /** {@code [T·B, H]}: for each valid (t, b) the state the step started from (h0 or the previous step's output); 0 elsewhere. */
    private static Tensor previousStates(Tensor h0, Tensor y, Sequence sq, int hid) {
        int batch = sq.batch();
        MemorySegment prev = Scratch.segment(Buffers.PREVIOUS, (long) sq.steps() * batch * hid);
        if (sq.padded() || h0 == null) {
            prev.fill((byte) 0);
        }
        for (int b = 0; b < batch; b++) {
            int length = sq.lengths()[b];
            for (int k = 0; k < length; k++) {
                if (k > 0) {
                    Buffers.copyRow(y.segment(), sq.row(k - 1, b), prev, sq.row(k, b), hid);
                } else if (h0 != null) {
                    Buffers.copyRow(h0.segment(), b, prev, sq.row(0, b), hid);
                }
            }
        }
        return Tensor.wrap(prev, sq.steps() * batch, hid);
    }
}
