package dev.mnemo.kernels.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WORKSPACE;

import dev.mnemo.tensor.Tensor;

/**
 * Where each length group's parts lie in the SPI's training workspace (offsets in floats, each
 * part 64-byte aligned): oneDNN's workspace for the group, its final {@code h}, and for the LSTM
 * its final {@code c}. See {@link DnnlRnn}.
 */
final class RnnWorkspace {
    private static final long ALIGN_FLOATS = 16;

    private final long[] workspace;
    private final long[] h;
    private final long[] c;
    private final long total;

    private RnnWorkspace(long[] workspace, long[] h, long[] c, long total) {
        this.workspace = workspace;
        this.h = h;
        this.c = c;
        this.total = total;
    }

    static RnnWorkspace of(RnnPrimitives primitives, RnnCell cell, LengthGroups lg, int in, int hid,
                           boolean peepholes, boolean reverse) {
        int n = lg.groups().size();
        long[] ws = new long[n], h = new long[n], c = new long[n];
        long offset = 0;
        for (int i = 0; i < n; i++) {
            LengthGroups.Group g = lg.groups().get(i);
            Primitive fwd = primitives.forwardTraining(
                    new RnnPrimitives.Shape(cell, g.length(), g.batch(), in, hid, peepholes, reverse));
            ws[i] = offset;
            offset = align(offset + (fwd.bytes(DNNL_ARG_WORKSPACE) + 3) / 4);
            h[i] = offset;
            offset = align(offset + (long) g.batch() * hid);
            c[i] = offset;
            if (cell.hasCellState()) {
                offset = align(offset + (long) g.batch() * hid);
            }
        }
        return new RnnWorkspace(ws, h, c, offset);
    }

    long workspaceOffset(int group) {
        return workspace[group];
    }

    long hOffset(int group) {
        return h[group];
    }

    long cOffset(int group) {
        return c[group];
    }

    /** Floats needed. */
    long total() {
        return total;
    }

    /** Whether {@code ws} can hold this layout. */
    boolean fits(Tensor ws) {
        return ws.size() >= total;
    }

    private static long align(long floats) {
        return (floats + ALIGN_FLOATS - 1) / ALIGN_FLOATS * ALIGN_FLOATS;
    }
}
