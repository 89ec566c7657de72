package dev.mnemo.kernels.vector.rnn;

import dev.mnemo.kernel.GruWeights;
import dev.mnemo.kernel.SeqOptions;
import dev.mnemo.kernels.vector.gemm.Gemm;
import dev.mnemo.kernels.vector.parallel.Scratch;
import dev.mnemo.kernels.vector.parallel.WorkerPool;
import dev.mnemo.tensor.Tensor;
import java.lang.foreign.MemorySegment;

/**
 * GRU over a whole sequence with {@code torch.nn.GRU} semantics ({@code KernelBackend.gruForward}
 * / {@code gruBackward}; equations in {@link GruCell}). Shapes: x {@code [T, B, I]}, y
 * {@code [T, B, H]}, W_ih {@code [3H, I]}, W_hh {@code [3H, H]}. The same plan as {@link Lstm}:
 * one input GEMM, per-step recurrent GEMMs on packed weights with a fused pass, and the weight
 * gradients as GEMMs over all steps (separate gradients for the input and hidden projections,
 * since the reset gate scales only the hidden one).
 */
public final class Gru {
    private Gru() {}

    /** Floats of the workspace: per (t, b) the gates r, z, n and the hidden projection gh_n. */
    public static long workspaceSize(int steps, int batch, int hidden) {
        return 4L * steps * batch * hidden;
    }

    public static void forward(WorkerPool pool, Tensor y, Tensor hN, Tensor workspace, Tensor x, Tensor h0,
                               GruWeights w, SeqOptions seq) {
        int steps = x.dim(0), batch = x.dim(1), in = x.dim(2), hid = w.hiddenSize();
        Sequence sq = Sequence.of(seq, steps, batch);
        if (sq.padded()) {
            y.fill(0f);
        }
        int rows = steps * batch;
        MemorySegment xp = Scratch.segment(Buffers.PROJECTION, (long) rows * 3 * hid);
        Gemm.gemm(pool, Tensor.wrap(xp, rows, 3 * hid), x.view(rows, in), false, w.wIh(), true, 1f, 0f);
        MemorySegment h = Scratch.segment(Buffers.RECURRENT, (long) batch * hid);
        Buffers.copyOrZero(h, h0, (long) batch * hid);
        float[][] packed = Recurrent.packedPair(batch, hid, h0);
        GruCell.Forward s = new GruCell.Forward(hid, xp, w.bIh().segment(), w.bHh().segment(), h, y.segment(),
                Buffers.segment(workspace));
        Recurrent.forwardSteps(pool, 3, w.wHh(), sq, hid, packed[0], packed[1],
                (gates, gOff, units, b, row, j0, j1, next, tmp) -> GruCell.forward(s, gates, gOff, units, b, row,
                        j0, j1, next, tmp));
        if (hN != null) {
            MemorySegment.copy(h, 0, hN.segment(), 0, (long) batch * hid * Float.BYTES);
        }
    }

    public static void backward(WorkerPool pool, Tensor dx, Tensor dh0, GruWeights dw, Tensor dy, Tensor dhN,
                                Tensor x, Tensor h0, GruWeights w, SeqOptions seq, Tensor y, Tensor workspace) {
        int steps = x.dim(0), batch = x.dim(1), in = x.dim(2), hid = w.hiddenSize();
        int depth = 3 * hid;
        Sequence sq = Sequence.of(seq, steps, batch);
        long rows = (long) steps * batch;
        MemorySegment dgi = Scratch.segment(Buffers.PROJECTION, rows * depth);
        MemorySegment dgh = Scratch.segment(Buffers.EXTRA, rows * depth);
        if (sq.padded()) {
            dgi.fill((byte) 0);
            dgh.fill((byte) 0);
        }
        MemorySegment dhRec = Scratch.segment(Buffers.RECURRENT, (long) batch * hid);
        float[][] packed = Recurrent.packedPair(batch, depth, null);
        GruCell.Backward s = new GruCell.Backward(hid, workspace.segment(), Buffers.segment(dy),
                Buffers.segment(dhN), dhRec, Buffers.segment(h0), y.segment(), dgi, dgh);
        Recurrent.backwardSteps(pool, 3, w.wHh(), sq, hid, dhRec, 1f, packed[0], packed[1],
                (b, row, prevRow, fromRec, j0, j1, next, tmp) -> GruCell.backward(s, b, row, prevRow, fromRec,
                        j0, j1, next, tmp));
        Recurrent.initialStateGradient(dh0, dhRec, dhN, sq, hid);
        Recurrent.weightGradients(pool, dx, dw.wIh(), dw.wHh(), dw.bIh(), dw.bHh(), dgi, dgh, depth, x, h0, y,
                w.wIh(), sq, hid, in);
    }
}
