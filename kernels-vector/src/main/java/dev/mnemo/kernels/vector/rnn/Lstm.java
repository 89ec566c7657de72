package dev.mnemo.kernels.vector.rnn;

import dev.mnemo.kernel.LstmWeights;
import dev.mnemo.kernel.SeqOptions;
import dev.mnemo.kernels.vector.gemm.Gemm;
import dev.mnemo.kernels.vector.ops.Elementwise;
import dev.mnemo.kernels.vector.parallel.Scratch;
import dev.mnemo.kernels.vector.parallel.WorkerPool;
import dev.mnemo.kernels.vector.simd.Simd;
import dev.mnemo.tensor.Tensor;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * LSTM over a whole sequence, forward and backward ({@code KernelBackend.lstmForward} /
 * {@code lstmBackward}; equations in {@link LstmCell}). Shapes: x {@code [T, B, I]}, y
 * {@code [T, B, H]}, W_ih {@code [4H, I]}, W_hh {@code [4H, H]}.
 *
 * <p>Forward: {@code XP = X · W_ihᵀ} for all steps in one GEMM; then one parallel region in
 * which each thread owns a slice of hidden units: it packs its rows of W_hh once, and per step
 * multiplies the packed state by them (M = B, N = 4·units, K = H), runs the fused gate pass for
 * its units and writes h_t into the next step's packed state; one barrier per step.
 *
 * <p>Backward: per step (latest first) each thread's fused pass produces the gate gradients
 * {@code da} of its units (kept for all steps, and packed for the step's GEMM), then, after a
 * barrier, {@code dh_{t-1} = da · W_hh} for its units. Afterwards the weight gradients are
 * GEMMs over all steps: {@code dW_ih += DAᵀ X}, {@code dW_hh += DAᵀ H_prev},
 * {@code db += Σ_rows DA}, {@code dx += DA · W_ih}.
 */
public final class Lstm {
    private Lstm() {}

    /** Floats of the workspace: per (t, b) the gates i, f, g, o and the cell c_t. */
    public static long workspaceSize(int steps, int batch, int hidden) {
        return 5L * steps * batch * hidden;
    }

    public static void forward(WorkerPool pool, Tensor y, Tensor hN, Tensor cN, Tensor workspace,
                               Tensor x, Tensor h0, Tensor c0, LstmWeights w, SeqOptions seq) {
        int steps = x.dim(0), batch = x.dim(1), in = x.dim(2), hid = w.hiddenSize();
        Sequence sq = Sequence.of(seq, steps, batch);
        if (sq.padded()) {
            y.fill(0f);
        }
        long rows = (long) steps * batch;
        MemorySegment xp = Scratch.segment(Buffers.PROJECTION, rows * 4 * hid);
        Gemm.gemm(pool, Tensor.wrap(xp, (int) rows, 4 * hid), x.view((int) rows, in), false, w.wIh(), true, 1f, 0f);
        MemorySegment bias = Scratch.segment(Buffers.BIAS, 4L * hid);
        Elementwise.add(Tensor.wrap(bias, 4 * hid), w.bIh(), w.bHh());
        MemorySegment c = Scratch.segment(Buffers.STATE, (long) batch * hid);
        Buffers.copyOrZero(c, c0, (long) batch * hid);
        int packedSize = PackedRows.size(batch, hid);
        float[] even = Scratch.floats(Buffers.PACKED_EVEN, packedSize);
        float[] odd = Scratch.floats(Buffers.PACKED_ODD, packedSize);
        if (h0 == null) {
            Arrays.fill(even, 0, packedSize, 0f);
        } else {
            Gemm.packA(even, 0, h0.segment(), hid, 0, batch, hid);
        }
        LstmCell.Forward s = new LstmCell.Forward(hid, xp, bias, c, y.segment(),
                workspace == null ? null : workspace.segment(),
                segment(w.wCi()), segment(w.wCf()), segment(w.wCo()));
        pool.run((worker, workers, barrier) -> {
            int j0 = WorkerPool.split(hid, workers, worker, Simd.LANES);
            int j1 = WorkerPool.split(hid, workers, worker + 1, Simd.LANES);
            int units = j1 - j0;
            int block = Gemm.packedSize(units, hid, false);
            float[] weights = Scratch.floats(Buffers.WEIGHTS, 4 * block);
            for (int q = 0; q < 4; q++) {
                Gemm.packB(weights, q * block, w.wHh(), true, q * hid + j0, units);
            }
            MemorySegment gates = Scratch.segment(Buffers.GATES, (long) batch * 4 * units);
            float[] tile = Gemm.newTile();
            float[] tmp = new float[4 * Simd.LANES];
            for (int k = 0; k < steps; k++) {
                float[] cur = k % 2 == 0 ? even : odd, next = k % 2 == 0 ? odd : even;
                for (int q = 0; q < 4 && units > 0; q++) {
                    Gemm.multiplyBlock(gates, (long) q * units, 4L * units, cur, 0, batch,
                            weights, q * block, units, hid, 0f, tile);
                }
                for (int b = 0; b < batch; b++) {
                    if (sq.active(k, b)) {
                        LstmCell.forward(s, gates, (long) b * 4 * units, units, b, sq.row(k, b), j0, j1, next, tmp);
                    } else {
                        PackedRows.copy(cur, next, b, j0, units, hid);
                    }
                }
                barrier.await();
            }
        });
        if (hN != null) {
            Buffers.unpack(steps % 2 == 0 ? even : odd, batch, hid, hN.segment());
        }
        if (cN != null) {
            MemorySegment.copy(c, 0, cN.segment(), 0, (long) batch * hid * Float.BYTES);
        }
    }

    public static void backward(WorkerPool pool, Tensor dx, Tensor dh0, Tensor dc0, LstmWeights dw,
                                Tensor dy, Tensor dhN, Tensor dcN, Tensor x, Tensor h0, Tensor c0, LstmWeights w,
                                SeqOptions seq, Tensor y, Tensor workspace) {
        int steps = x.dim(0), batch = x.dim(1), in = x.dim(2), hid = w.hiddenSize();
        int depth = 4 * hid;
        Sequence sq = Sequence.of(seq, steps, batch);
        int rows = steps * batch;
        MemorySegment da = Scratch.segment(Buffers.PROJECTION, (long) rows * depth);
        if (sq.padded()) {
            da.fill((byte) 0);
        }
        MemorySegment dhRec = Scratch.segment(Buffers.RECURRENT, (long) batch * hid);
        MemorySegment dc = Scratch.segment(Buffers.STATE, (long) batch * hid);
        Buffers.copyOrZero(dc, dcN, (long) batch * hid);
        int packedSize = PackedRows.size(batch, depth);
        float[] even = Scratch.floats(Buffers.PACKED_EVEN, packedSize);
        float[] odd = Scratch.floats(Buffers.PACKED_ODD, packedSize);
        Arrays.fill(even, 0, packedSize, 0f);
        Arrays.fill(odd, 0, packedSize, 0f);
        LstmCell.Backward s = new LstmCell.Backward(hid, workspace.segment(), segment(dy), segment(dhN), dhRec, dc,
                segment(c0), da, segment(w.wCi()), segment(w.wCf()), segment(w.wCo()),
                segment(dw.wCi()), segment(dw.wCf()), segment(dw.wCo()));
        pool.run((worker, workers, barrier) -> {
            int j0 = WorkerPool.split(hid, workers, worker, Simd.LANES);
            int j1 = WorkerPool.split(hid, workers, worker + 1, Simd.LANES);
            int units = j1 - j0;
            float[] weights = Scratch.floats(Buffers.WEIGHTS, Gemm.packedSize(units, depth, false));
            Gemm.packB(weights, 0, w.wHh(), false, j0, units);
            float[] tile = Gemm.newTile();
            float[] tmp = new float[4 * Simd.LANES];
            for (int k = steps - 1; k >= 0; k--) {
                float[] next = k % 2 == 0 ? even : odd;
                for (int b = 0; b < batch; b++) {
                    if (sq.active(k, b)) {
                        LstmCell.backward(s, b, sq.row(k, b), k > 0 ? sq.row(k - 1, b) : -1, sq.active(k + 1, b),
                                j0, j1, next, tmp);
                    }
                }
                barrier.await();
                if (units > 0) {
                    Gemm.multiplyBlock(dhRec, j0, hid, next, 0, batch, weights, 0, units, depth, 0f, tile);
                }
            }
        });
        Recurrent.initialStateGradient(dh0, dhRec, dhN, sq, hid);
        if (dc0 != null) {
            Elementwise.axpy(1f, dc, 0, dc0.segment(), 0, (long) batch * hid);
        }
        Recurrent.weightGradients(pool, dx, dw.wIh(), dw.wHh(), dw.bIh(), dw.bHh(), da, da, depth, x, h0, y, w.wIh(),
                sq, hid, in);
    }

    private static MemorySegment segment(Tensor t) {
        return t == null ? null : t.segment();
    }
}
