package dev.mnemo.kernels.vector.rnn;

import static dev.mnemo.kernels.vector.rnn.LstmCell.get;
import static dev.mnemo.kernels.vector.rnn.LstmCell.load;
import static dev.mnemo.kernels.vector.rnn.LstmCell.set;
import static dev.mnemo.kernels.vector.rnn.LstmCell.store;
import static dev.mnemo.kernels.vector.simd.Simd.F;
import static dev.mnemo.kernels.vector.simd.Simd.LANES;

import dev.mnemo.kernels.vector.simd.Simd;
import dev.mnemo.kernels.vector.simd.VectorMath;
import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.FloatVector;

/**
 * The fused GRU gate passes ({@code torch.nn.GRU}, gate order r, z, n) for one sample and the
 * hidden units {@code [j0, j1)}: vectors over units, then a scalar tail.
 * <pre>
 *   gi = xp + b_ih       gh = rec + b_hh          (rec: this thread's recurrent product)
 *   r = σ(gi_r + gh_r)   z = σ(gi_z + gh_z)   n = tanh(gi_n + r gh_n)   h' = (1-z) n + z h
 * </pre>
 * Backward, with dh the gradient reaching h':
 * <pre>
 *   da_n = dh (1-z)(1-n²)   da_z = dh (h - n) z(1-z)   da_r = da_n gh_n r(1-r)
 *   dgi = (da_r, da_z, da_n)   dgh = (da_r, da_z, da_n r)   dh_prev = dh z + dgh · W_hh
 * </pre>
 * Workspace row per (t, b): r, z, n, gh_n (4H floats).
 */
final class GruCell {
    private GruCell() {}

    /** Buffers of one forward call; {@code h} is the row-major state {@code [B, H]}. */
    record Forward(int hidden, MemorySegment xp, MemorySegment bIh, MemorySegment bHh, MemorySegment h,
                   MemorySegment y, MemorySegment workspace) {}

    /**
     * Buffers of one backward call. {@code dhRec} holds the gradient reaching h from the next
     * step; the pass replaces it by the direct term {@code dh z}, to which the step's GEMM adds
     * {@code dgh · W_hh}.
     */
    record Backward(int hidden, MemorySegment workspace, MemorySegment dy, MemorySegment dhN, MemorySegment dhRec,
                    MemorySegment h0, MemorySegment y, MemorySegment dgi, MemorySegment dgh) {}

    static void forward(Forward s, MemorySegment gates, long gOff, int w, int b, long row, int j0, int j1,
                        float[] next, float[] tmp) {
        int hid = s.hidden;
        int j = j0;
        if (Simd.ENABLED) {
            for (; j + LANES <= j1; j += LANES) {
                long g0 = gOff + (j - j0);
                long x0 = row * 3 * hid + j;
                FloatVector ghr = load(gates, g0).add(load(s.bHh, j));
                FloatVector ghz = load(gates, g0 + w).add(load(s.bHh, hid + j));
                FloatVector ghn = load(gates, g0 + 2L * w).add(load(s.bHh, 2L * hid + j));
                FloatVector r = VectorMath.sigmoid(load(s.xp, x0).add(load(s.bIh, j)).add(ghr));
                FloatVector z = VectorMath.sigmoid(load(s.xp, x0 + hid).add(load(s.bIh, hid + j)).add(ghz));
                FloatVector n = VectorMath.tanh(r.fma(ghn, load(s.xp, x0 + 2L * hid).add(load(s.bIh, 2L * hid + j))));
                long hj = (long) b * hid + j;
                FloatVector h = z.fma(load(s.h, hj).sub(n), n);          // (1-z) n + z h = n + z (h - n)
                store(h, s.h, hj);
                store(h, s.y, row * hid + j);
                if (s.workspace != null) {
                    long ws = row * 4 * hid + j;
                    store(r, s.workspace, ws);
                    store(z, s.workspace, ws + hid);
                    store(n, s.workspace, ws + 2L * hid);
                    store(ghn, s.workspace, ws + 3L * hid);
                }
                h.intoArray(tmp, 0);
                PackedRows.put(next, b, j, hid, tmp, 0, LANES);
            }
        }
        for (; j < j1; j++) {
            long g0 = gOff + (j - j0);
            long x0 = row * 3 * hid + j;
            float ghr = get(gates, g0) + get(s.bHh, j);
            float ghz = get(gates, g0 + w) + get(s.bHh, hid + j);
            float ghn = get(gates, g0 + 2L * w) + get(s.bHh, 2L * hid + j);
            float r = VectorMath.sigmoid(get(s.xp, x0) + get(s.bIh, j) + ghr);
            float z = VectorMath.sigmoid(get(s.xp, x0 + hid) + get(s.bIh, hid + j) + ghz);
            float n = VectorMath.tanh(get(s.xp, x0 + 2L * hid) + get(s.bIh, 2L * hid + j) + r * ghn);
            long hj = (long) b * hid + j;
            float h = (1 - z) * n + z * get(s.h, hj);
            set(s.h, hj, h);
            set(s.y, row * hid + j, h);
            if (s.workspace != null) {
                long ws = row * 4 * hid + j;
                set(s.workspace, ws, r);
                set(s.workspace, ws + hid, z);
                set(s.workspace, ws + 2L * hid, n);
                set(s.workspace, ws + 3L * hid, ghn);
            }
            next[PackedRows.index(b, j, hid)] = h;
        }
    }

    /**
     * @param prevRow row of y holding h_{t-1}, or -1 at the sample's first step (h0)
     * @param fromRec whether dh comes from the later step (else from dhN)
     * @param next    packed {@code dgh [B, 3H]} for this step's recurrent GEMM
     */
    static void backward(Backward s, int b, long row, long prevRow, boolean fromRec, int j0, int j1,
                         float[] next, float[] tmp) {
        int hid = s.hidden;
        int depth = 3 * hid;
        int j = j0;
        if (Simd.ENABLED) {
            FloatVector zero = FloatVector.zero(F);
            for (; j + LANES <= j1; j += LANES) {
                long bj = (long) b * hid + j;
                FloatVector dh = fromRec ? load(s.dhRec, bj) : s.dhN != null ? load(s.dhN, bj) : zero;
                if (s.dy != null) {
                    dh = dh.add(load(s.dy, row * hid + j));
                }
                long ws = row * 4 * hid + j;
                FloatVector r = load(s.workspace, ws), z = load(s.workspace, ws + hid);
                FloatVector n = load(s.workspace, ws + 2L * hid), ghn = load(s.workspace, ws + 3L * hid);
                FloatVector hPrev = prevRow >= 0 ? load(s.y, prevRow * hid + j) : s.h0 != null ? load(s.h0, bj) : zero;
                FloatVector dan = dh.sub(dh.mul(z)).mul(n.mul(n).neg().add(1f));
                FloatVector daz = dh.mul(hPrev.sub(n)).mul(z.sub(z.mul(z)));
                FloatVector dar = dan.mul(ghn).mul(r.sub(r.mul(r)));
                FloatVector danr = dan.mul(r);
                store(dh.mul(z), s.dhRec, bj);
                long da = row * depth + j;
                store(dar, s.dgi, da);
                store(daz, s.dgi, da + hid);
                store(dan, s.dgi, da + 2L * hid);
                store(dar, s.dgh, da);
                store(daz, s.dgh, da + hid);
                store(danr, s.dgh, da + 2L * hid);
                dar.intoArray(tmp, 0);
                daz.intoArray(tmp, LANES);
                danr.intoArray(tmp, 2 * LANES);
                for (int q = 0; q < 3; q++) {
                    PackedRows.put(next, b, q * hid + j, depth, tmp, q * LANES, LANES);
                }
            }
        }
        for (; j < j1; j++) {
            long bj = (long) b * hid + j;
            float dh = fromRec ? get(s.dhRec, bj) : s.dhN != null ? get(s.dhN, bj) : 0f;
            if (s.dy != null) {
                dh += get(s.dy, row * hid + j);
            }
            long ws = row * 4 * hid + j;
            float r = get(s.workspace, ws), z = get(s.workspace, ws + hid);
            float n = get(s.workspace, ws + 2L * hid), ghn = get(s.workspace, ws + 3L * hid);
            float hPrev = prevRow >= 0 ? get(s.y, prevRow * hid + j) : s.h0 != null ? get(s.h0, bj) : 0f;
            float dan = dh * (1 - z) * (1 - n * n);
            float daz = dh * (hPrev - n) * z * (1 - z);
            float dar = dan * ghn * r * (1 - r);
            set(s.dhRec, bj, dh * z);
            long da = row * depth + j;
            float[] gi = {dar, daz, dan};
            float[] gh = {dar, daz, dan * r};
            for (int q = 0; q < 3; q++) {
                set(s.dgi, da + (long) q * hid, gi[q]);
                set(s.dgh, da + (long) q * hid, gh[q]);
                next[PackedRows.index(b, q * hid + j, depth)] = gh[q];
            }
        }
    }
}
