package dev.mnemo.kernels.vector.rnn;

import dev.mnemo.kernel.LstmWeights;
import dev.mnemo.kernel.SeqOptions;
import dev.mnemo.kernels.vector.gemm.Gemm;
import dev.mnemo.kernels.vector.ops.Elementwise;
import dev.mnemo.kernels.vector.parallel.Scratch;
import dev.mnemo.kernels.vector.parallel.WorkerPool;
import dev.mnemo.tensor.Tensor;
import java.lang.foreign.MemorySegment;

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
        float[][] packed = Recurrent.packedPair(batch, hid, h0);
        LstmCell.Forward s = new LstmCell.Forward(hid, xp, bias, c, y.segment(),
                Buffers.segment(workspace),
                Buffers.segment(w.wCi()), Buffers.segment(w.wCf()), Buffers.segment(w.wCo()));
        Recurrent.forwardSteps(pool, 4, w.wHh(), sq, hid, packed[0], packed[1],
                (gates, gOff, units, b, row, j0, j1, next, tmp) -> LstmCell.forward(s, gates, gOff, units, b, row,
                        j0, j1, next, tmp));
        if (hN != null) {
            Buffers.unpack(packed[steps % 2], batch, hid, hN.segment());
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
        float[][] packed = Recurrent.packedPair(batch, depth, null);
        LstmCell.Backward s = new LstmCell.Backward(hid, workspace.segment(), Buffers.segment(dy),
                Buffers.segment(dhN), dhRec, dc, Buffers.segment(c0), da,
                Buffers.segment(w.wCi()), Buffers.segment(w.wCf()), Buffers.segment(w.wCo()),
                Buffers.segment(dw.wCi()), Buffers.segment(dw.wCf()), Buffers.segment(dw.wCo()));
        Recurrent.backwardSteps(pool, 4, w.wHh(), sq, hid, dhRec, 0f, packed[0], packed[1],
                (b, row, prevRow, fromRec, j0, j1, next, tmp) -> LstmCell.backward(s, b, row, prevRow, fromRec,
                        j0, j1, next, tmp));
        Recurrent.initialStateGradient(dh0, dhRec, dhN, sq, hid);
        if (dc0 != null) {
            Elementwise.axpy(1f, dc, 0, dc0.segment(), 0, (long) batch * hid);
        }
        Recurrent.weightGradients(pool, dx, dw.wIh(), dw.wHh(), dw.bIh(), dw.bHh(), da, da, depth, x, h0, y, w.wIh(),
                sq, hid, in);
    }
}
