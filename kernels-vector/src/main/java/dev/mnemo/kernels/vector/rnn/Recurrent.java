package dev.mnemo.kernels.vector.rnn;

import dev.mnemo.kernels.vector.gemm.Gemm;
import dev.mnemo.kernels.vector.ops.Elementwise;
import dev.mnemo.kernels.vector.parallel.Scratch;
import dev.mnemo.kernels.vector.parallel.WorkerPool;
import dev.mnemo.tensor.Tensor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** The parts of backpropagation through time that LSTM and GRU share. */
final class Recurrent {
    private Recurrent() {}

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
