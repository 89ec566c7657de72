package dev.mnemo.kernels.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST_ITER;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST_ITER_C;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST_LAYER;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC_ITER;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC_ITER_C;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC_LAYER;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_WEIGHTS_ITER;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_WEIGHTS_LAYER;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_WEIGHTS_PEEPHOLE;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST_ITER;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST_ITER_C;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST_LAYER;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC_ITER;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC_ITER_C;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC_LAYER;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS_ITER;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS_LAYER;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS_PEEPHOLE;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WORKSPACE;
import static org.bytedeco.dnnl.global.dnnl.dnnl_ldgoi;
import static org.bytedeco.dnnl.global.dnnl.dnnl_ldigo;

import dev.mnemo.kernel.SeqOptions;
import dev.mnemo.tensor.Tensor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Whole-sequence LSTM and GRU, forward and backward, on oneDNN's RNN primitive.
 *
 * <p><b>Masks.</b> The batch is split into {@link LengthGroups}; each group runs as its own
 * RNN of exactly its length (left-to-right, or right-to-left for {@code reverse}), so results are
 * exact for any lengths. A batch of equal lengths is one group that runs on the tensors in place.
 *
 * <p><b>Workspace</b> (the SPI's training workspace tensor), per group in {@link LengthGroups}
 * order, each part starting on a 64-byte boundary: oneDNN's own workspace for the group, then the
 * group's final {@code h} and (LSTM) {@code c} {@code [B_g, H]}, which the backward primitive
 * takes as {@code dst_iter}. {@link RnnWorkspace} gives the size.
 *
 * <p><b>Weights</b> are reordered into the layout each primitive prefers
 * ({@code format_tag::any}) through {@link WeightCache}. Weight gradients accumulate: oneDNN's
 * RNN backward adds into {@code diff_weights} (it does not overwrite them unless asked), so all
 * length groups accumulate into one scratch gradient in oneDNN's {@code ldigo} layout, which is
 * reordered to PyTorch's rows and added into the SPI's {@code dw} once.
 */
final class DnnlRnn {
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT;
    /** Workspace floats reserved per sample for the overhead of one more length group (7 pages + states). */
    static final long GROUP_MARGIN = 8192;

    private final DnnlRuntime rt;
    private final Scratch scratch;
    private final RnnPrimitives primitives;
    private final WeightCache weights;
    private final DnnlAccumulate accumulate;
    private final Reorders reorders;
    private long recomputes;

    DnnlRnn(DnnlRuntime rt, PrimitiveCache cache, Scratch scratch, Reorders reorders, WeightCache weights,
            DnnlAccumulate accumulate) {
        this.rt = rt;
        this.scratch = scratch;
        this.reorders = reorders;
        this.weights = weights;
        this.accumulate = accumulate;
        this.primitives = new RnnPrimitives(rt, cache);
    }

    /** Weight reorders run so far (for tests of the weight cache). */
    long weightReorders() {
        return weights.reorders();
    }

    /** Backward passes that had to recompute the forward because the workspace was too small (for tests). */
    long forwardRecomputes() {
        return recomputes;
    }

    void forward(RnnCell cell, Tensor y, Tensor hN, Tensor cN, Tensor workspace,
                 Tensor x, Tensor h0, Tensor c0, RnnParams p, SeqOptions seq) {
        int steps = x.dim(0), batch = x.dim(1), in = x.dim(2), hid = p.hidden();
        LengthGroups lg = LengthGroups.of(seq, steps, batch);
        RnnWorkspace layout = workspace == null ? null
                : RnnWorkspace.of(primitives, cell, lg, in, hid, p.hasPeepholes(), seq.reverse());
        boolean training = layout != null && layout.fits(workspace);
        if (!(lg.groups().size() == 1 && lg.groups().get(0).wholeBatch() && lg.groups().get(0).length() == steps)) {
            y.fill(0f);
        }
        MemorySegment bias = bias(cell, p);
        MemorySegment peepholes = p.hasPeepholes() ? peepholes(p) : null;
        for (int gi = 0; gi < lg.groups().size(); gi++) {
            LengthGroups.Group g = lg.groups().get(gi);
            int len = g.length(), gb = g.batch();
            RnnPrimitives.Shape shape = new RnnPrimitives.Shape(cell, len, gb, in, hid, p.hasPeepholes(), seq.reverse());
            Primitive prim = training ? primitives.forwardTraining(shape) : primitives.forwardInference(shape);
            Exec e = new Exec(rt, prim)
                    .arg(DNNL_ARG_SRC_LAYER, layerIn(x, g))
                    .arg(DNNL_ARG_SRC_ITER, stateIn(h0, g, hid))
                    .arg(DNNL_ARG_WEIGHTS_LAYER, reordered(p.wIh(), cell, prim, DNNL_ARG_WEIGHTS_LAYER, shape))
                    .arg(DNNL_ARG_WEIGHTS_ITER, reordered(p.wHh(), cell, prim, DNNL_ARG_WEIGHTS_ITER, shape))
                    .arg(DNNL_ARG_BIAS, bias);
            MemorySegment yOut = g.wholeBatch() ? y.narrow(0, len).segment() : scratch.floats((long) len * gb * hid);
            MemorySegment hOut = training ? workspace.segment().asSlice(layout.hOffset(gi) * 4, (long) gb * hid * 4)
                    : scratch.floats((long) gb * hid);
            e.arg(DNNL_ARG_DST_LAYER, yOut).arg(DNNL_ARG_DST_ITER, hOut);
            MemorySegment cOut = null;
            if (cell.hasCellState()) {
                cOut = training ? workspace.segment().asSlice(layout.cOffset(gi) * 4, (long) gb * hid * 4)
                        : scratch.floats((long) gb * hid);
                e.arg(DNNL_ARG_SRC_ITER_C, stateIn(c0, g, hid)).arg(DNNL_ARG_DST_ITER_C, cOut);
            }
            if (peepholes != null) {
                e.arg(DNNL_ARG_WEIGHTS_PEEPHOLE, peepholes);
            }
            if (training) {
                e.arg(DNNL_ARG_WORKSPACE, workspace.segment().asSlice(layout.workspaceOffset(gi) * 4,
                        prim.bytes(DNNL_ARG_WORKSPACE)));
            }
            e.run();
            if (!g.wholeBatch()) {
                BatchRows.scatter(y, yOut, len, g.samples());
            }
            if (hN != null) {
                BatchRows.scatter(hN, hOut, 1, g.samples());
            }
            if (cN != null) {
                BatchRows.scatter(cN, cOut, 1, g.samples());
            }
        }
        passIdleStates(hN, h0, lg.idle());
        passIdleStates(cN, c0, lg.idle());
    }

    void backward(RnnCell cell, Tensor dx, Tensor dh0, Tensor dc0, RnnParams dw, Tensor dy, Tensor dhN, Tensor dcN,
                  Tensor x, Tensor h0, Tensor c0, RnnParams p, SeqOptions seq, Tensor y, Tensor savedWorkspace) {
        Tensor workspace = savedWorkspace;
        int steps = x.dim(0), batch = x.dim(1), in = x.dim(2), hid = p.hidden(), gates = cell.gates();
        LengthGroups lg = LengthGroups.of(seq, steps, batch);
        RnnWorkspace layout = RnnWorkspace.of(primitives, cell, lg, in, hid, p.hasPeepholes(), seq.reverse());
        if (!layout.fits(workspace)) {
            workspace = recomputeForward(cell, layout, x, h0, c0, p, seq, hid);
        }
        MemorySegment bias = bias(cell, p);
        MemorySegment peepholes = p.hasPeepholes() ? peepholes(p) : null;
        MemorySegment dwLayer = zeros((long) gates * hid * in);
        MemorySegment dwIter = zeros((long) gates * hid * hid);
        MemorySegment dBias = zeros((long) cell.biasGates * hid);
        MemorySegment dPeep = p.hasPeepholes() ? zeros(3L * hid) : null;
        for (int gi = 0; gi < lg.groups().size(); gi++) {
            LengthGroups.Group g = lg.groups().get(gi);
            int len = g.length(), gb = g.batch();
            RnnPrimitives.Shape shape = new RnnPrimitives.Shape(cell, len, gb, in, hid, p.hasPeepholes(), seq.reverse());
            Primitive prim = primitives.backward(shape);
            MemorySegment dxOut = scratch.floats((long) len * gb * in);
            MemorySegment dhOut = scratch.floats((long) gb * hid);
            Exec e = new Exec(rt, prim)
                    .arg(DNNL_ARG_SRC_LAYER, layerIn(x, g))
                    .arg(DNNL_ARG_SRC_ITER, stateIn(h0, g, hid))
                    .arg(DNNL_ARG_WEIGHTS_LAYER, reordered(p.wIh(), cell, prim, DNNL_ARG_WEIGHTS_LAYER, shape))
                    .arg(DNNL_ARG_WEIGHTS_ITER, reordered(p.wHh(), cell, prim, DNNL_ARG_WEIGHTS_ITER, shape))
                    .arg(DNNL_ARG_BIAS, bias)
                    .arg(DNNL_ARG_DST_LAYER, layerIn(y, g))
                    .arg(DNNL_ARG_DST_ITER, workspace.segment().asSlice(layout.hOffset(gi) * 4, (long) gb * hid * 4))
                    .arg(DNNL_ARG_DIFF_DST_LAYER, dy == null ? zeros((long) len * gb * hid) : layerIn(dy, g))
                    .arg(DNNL_ARG_DIFF_DST_ITER, stateIn(dhN, g, hid))
                    .arg(DNNL_ARG_WORKSPACE, workspace.segment().asSlice(layout.workspaceOffset(gi) * 4,
                            prim.bytes(DNNL_ARG_WORKSPACE)))
                    .arg(DNNL_ARG_DIFF_SRC_LAYER, dxOut)
                    .arg(DNNL_ARG_DIFF_SRC_ITER, dhOut)
                    .arg(DNNL_ARG_DIFF_WEIGHTS_LAYER, dwLayer)
                    .arg(DNNL_ARG_DIFF_WEIGHTS_ITER, dwIter)
                    .arg(DNNL_ARG_DIFF_BIAS, dBias);
            MemorySegment dcOut = null;
            if (cell.hasCellState()) {
                dcOut = scratch.floats((long) gb * hid);
                e.arg(DNNL_ARG_SRC_ITER_C, stateIn(c0, g, hid))
                        .arg(DNNL_ARG_DST_ITER_C, workspace.segment().asSlice(layout.cOffset(gi) * 4, (long) gb * hid * 4))
                        .arg(DNNL_ARG_DIFF_DST_ITER_C, stateIn(dcN, g, hid))
                        .arg(DNNL_ARG_DIFF_SRC_ITER_C, dcOut);
            }
            if (peepholes != null) {
                e.arg(DNNL_ARG_WEIGHTS_PEEPHOLE, peepholes).arg(DNNL_ARG_DIFF_WEIGHTS_PEEPHOLE, dPeep);
            }
            e.run();
            if (dx != null && g.wholeBatch()) {
                accumulate.add(dx.narrow(0, len).segment(), dxOut, (long) len * gb * in);
            } else if (dx != null) {
                BatchRows.scatterAdd(dx, dxOut, len, g.samples());
            }
            if (dh0 != null) {
                BatchRows.scatterAdd(dh0, dhOut, 1, g.samples());
            }
            if (dc0 != null) {
                BatchRows.scatterAdd(dc0, dcOut, 1, g.samples());
            }
        }
        passIdleGradients(dh0, dhN, lg.idle());
        passIdleGradients(dc0, dcN, lg.idle());
        addWeightGradient(cell, dw.wIh(), dwLayer, in, hid);
        addWeightGradient(cell, dw.wHh(), dwIter, hid, hid);
        addBiasGradient(cell, dw, dBias, hid);
        if (dPeep != null) {
            SegmentAxpy.axpy(1f, dPeep, dw.wCi().segment(), hid);
            SegmentAxpy.axpy(1f, dPeep.asSlice(4L * hid), dw.wCf().segment(), hid);
            SegmentAxpy.axpy(1f, dPeep.asSlice(8L * hid), dw.wCo().segment(), hid);
        }
    }

    /**
     * The training workspace of a forward pass whose workspace was too small to keep oneDNN's
     * (see {@link #workspaceFloats}): the forward runs again in training mode into scratch.
     */
    private Tensor recomputeForward(RnnCell cell, RnnWorkspace layout, Tensor x, Tensor h0, Tensor c0,
                                    RnnParams p, SeqOptions seq, int hid) {
        recomputes++;
        Tensor ws = scratch.tensor(Math.toIntExact(layout.total()));
        Tensor y = scratch.tensor(x.dim(0), x.dim(1), hid);
        forward(cell, y, null, null, ws, x, h0, c0, p, seq);
        return ws;
    }

    /**
     * Floats of the SPI training workspace: room for oneDNN's workspace of the whole batch at full
     * length (it holds a copy of the input, so it grows with the input size), the final states, and
     * {@link #GROUP_MARGIN} per sample for the per-group overhead of variable-length batches
     * (oneDNN page-aligns the parts of its workspace). Should a batch split into unusually many
     * groups, the workspace cannot hold oneDNN's: the training forward keeps nothing, and backward
     * recomputes the forward into scratch first (one extra forward pass, exact results).
     */
    long workspaceFloats(RnnCell cell, int steps, int batch, int in, int hid) {
        if (steps == 0 || batch == 0) {
            return 0;
        }
        LengthGroups whole = LengthGroups.of(SeqOptions.FORWARD, steps, batch);
        return RnnWorkspace.of(primitives, cell, whole, in, hid, false, false).total() + (long) batch * GROUP_MARGIN;
    }

    /** {@code [len, B_g, F]} input rows of the group: the tensor itself for a whole batch, else a gathered copy. */
    private MemorySegment layerIn(Tensor t, LengthGroups.Group g) {
        if (g.wholeBatch()) {
            return t.narrow(0, g.length()).segment();
        }
        MemorySegment s = scratch.floats((long) g.length() * g.batch() * t.dim(2));
        BatchRows.gather(s, t, g.length(), g.samples());
        return s;
    }

    /** {@code [B_g, H]} state rows of the group; zeros for a null state. */
    private MemorySegment stateIn(Tensor state, LengthGroups.Group g, int hid) {
        if (state == null) {
            return zeros((long) g.batch() * hid);
        }
        if (g.wholeBatch()) {
            return state.segment();
        }
        MemorySegment s = scratch.floats((long) g.batch() * hid);
        BatchRows.gather(s, state, 1, g.samples());
        return s;
    }

    private MemorySegment zeros(long floats) {
        MemorySegment s = scratch.floats(floats);
        s.fill((byte) 0);
        return s;
    }

    /** A weight matrix in the layout {@code prim} wants for {@code arg}, via the weight cache. */
    private MemorySegment reordered(Tensor w, RnnCell cell, Primitive prim, int arg, RnnPrimitives.Shape shape) {
        int hid = shape.hidden(), cols = w.dim(1);
        try (Descs d = new Descs()) {
            var userMd = d.tagged(dnnl_ldgoi, 1, 1, cols, cell.gates(), hid);
            MemorySegment buffer = cell.sameGateOrder() ? null : scratch.floats(w.size());
            return weights.get(w, prim.md(arg), userMd,
                    cell.sameGateOrder() ? null : into -> permute(cell, into, w.segment(), (long) hid * cols),
                    buffer, java.util.List.of("reorder", prim.label, arg), prim.label);
        }
    }

    /** Copies PyTorch gate blocks of {@code blockFloats} floats into oneDNN's gate order. */
    private static void permute(RnnCell cell, MemorySegment into, MemorySegment torch, long blockFloats) {
        long bytes = blockFloats * Float.BYTES;
        for (int g = 0; g < cell.gates(); g++) {
            MemorySegment.copy(torch, cell.torchGate[g] * bytes, into, g * bytes, bytes);
        }
    }

    /**
     * {@code torch [G·H, cols] += grad}, where {@code grad} is oneDNN's {@code ldigo} gradient
     * ({@code [cols, G·H]}, gates in oneDNN's order). Same gate order (LSTM): one reorder with a
     * sum post-op into the tensor. Otherwise (GRU): a reorder to {@code ldgoi} into scratch, then
     * a gate-permuted add.
     */
    private void addWeightGradient(RnnCell cell, Tensor torch, MemorySegment grad, int cols, int hid) {
        int gates = cell.gates();
        if (cell.sameGateOrder()) {
            accumulate.add(torch.segment(), dnnl_ldgoi, grad, dnnl_ldigo, 1, 1, cols, gates, hid);
            return;
        }
        MemorySegment rows = scratch.floats((long) gates * hid * cols);
        try (Descs d = new Descs()) {
            String label = "weight gradient ldigo to ldgoi [" + cols + ", " + gates + ", " + hid + "]";
            reorders.run(reorders.get(java.util.List.of(label), d.tagged(dnnl_ldigo, 1, 1, cols, gates, hid),
                    d.tagged(dnnl_ldgoi, 1, 1, cols, gates, hid), false, label), grad, rows);
        }
        long block = (long) hid * cols;
        for (int g = 0; g < gates; g++) {
            accumulate.add(torch.segment().asSlice(cell.torchGate[g] * block * 4), rows.asSlice(g * block * 4), block);
        }
    }

    /** oneDNN's bias {@code [biasGates, H]} from PyTorch's two biases (see {@link RnnCell}). */
    private MemorySegment bias(RnnCell cell, RnnParams p) {
        int hid = p.hidden();
        MemorySegment b = scratch.floats((long) cell.biasGates * hid);
        for (int g = 0; g < cell.gates(); g++) {
            long t = (long) cell.torchGate[g] * hid;
            boolean hiddenBiasInside = cell == RnnCell.GRU && g == 2;
            for (int j = 0; j < hid; j++) {
                float v = p.bIh().get(t + j) + (hiddenBiasInside ? 0f : p.bHh().get(t + j));
                b.setAtIndex(F, (long) g * hid + j, v);
            }
        }
        if (cell == RnnCell.GRU) {
            MemorySegment.copy(p.bHh().segment(), 2L * hid * 4, b, 3L * hid * 4, (long) hid * 4);
        }
        return b;
    }

    /** Adds oneDNN's bias gradient into PyTorch's {@code dbIh} and {@code dbHh}. */
    private static void addBiasGradient(RnnCell cell, RnnParams dw, MemorySegment dBias, int hid) {
        for (int g = 0; g < cell.gates(); g++) {
            long t = (long) cell.torchGate[g] * hid;
            boolean hiddenBiasInside = cell == RnnCell.GRU && g == 2;
            for (int j = 0; j < hid; j++) {
                float v = dBias.getAtIndex(F, (long) g * hid + j);
                dw.bIh().add(t + j, v);
                if (!hiddenBiasInside) {
                    dw.bHh().add(t + j, v);
                }
            }
        }
        if (cell == RnnCell.GRU) {
            SegmentAxpy.axpy(1f, dBias.asSlice(3L * hid * 4), dw.bHh().segment().asSlice(2L * hid * 4), hid);
        }
    }

    /** oneDNN's peephole weights {@code [3, H]}: i, f, o. */
    private MemorySegment peepholes(RnnParams p) {
        int hid = p.hidden();
        MemorySegment s = scratch.floats(3L * hid);
        MemorySegment.copy(p.wCi().segment(), 0, s, 0, hid * 4L);
        MemorySegment.copy(p.wCf().segment(), 0, s, hid * 4L, hid * 4L);
        MemorySegment.copy(p.wCo().segment(), 0, s, 2L * hid * 4, hid * 4L);
        return s;
    }

    /** Samples of length 0 keep their initial state (0 without one). */
    private static void passIdleStates(Tensor out, Tensor initial, int[] idle) {
        if (out == null) {
            return;
        }
        for (int b : idle) {
            Tensor row = out.slice(b);
            if (initial == null) {
                row.fill(0f);
            } else {
                row.copyFrom(initial.slice(b));
            }
        }
    }

    /** Samples of length 0 pass the final-state gradient straight to the initial state. */
    private static void passIdleGradients(Tensor dInitial, Tensor dFinal, int[] idle) {
        if (dInitial == null || dFinal == null) {
            return;
        }
        for (int b : idle) {
            Tensor into = dInitial.slice(b);
            SegmentAxpy.axpy(1f, dFinal.slice(b).segment(), into.segment(), into.size());
        }
    }
}
