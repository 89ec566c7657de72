package dev.mnemo.kernels.vector.rnn;

import static dev.mnemo.kernels.vector.simd.Simd.F;
import static dev.mnemo.kernels.vector.simd.Simd.LANES;
import static dev.mnemo.kernels.vector.simd.Simd.ORDER;

import dev.mnemo.kernels.vector.simd.Simd;
import dev.mnemo.kernels.vector.simd.VectorMath;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import jdk.incubator.vector.FloatVector;

/**
 * The fused LSTM gate passes for one sample and a range of hidden units {@code [j0, j1)}:
 * vectors over units, then a scalar tail (the whole range when the Vector API is off).
 *
 * <p>Forward, from the recurrent product {@code r} (this thread's gate columns) and the input
 * projection {@code xp}:
 * <pre>
 *   a = r + xp + b_ih + b_hh
 *   i = σ(a_i + w_ci c)   f = σ(a_f + w_cf c)   g = tanh(a_g)   c' = f c + i g
 *   o = σ(a_o + w_co c')  h = o tanh(c')
 * </pre>
 * Backward, with {@code dh} and {@code dc} the gradients reaching h_t and c_t:
 * <pre>
 *   da_o = dh tanh(c') o(1-o)        dc' = dc + dh o (1 - tanh²c') + da_o w_co
 *   da_i = dc' g i(1-i)   da_f = dc' c f(1-f)   da_g = dc' i (1-g²)
 *   dc_prev = dc' f + da_i w_ci + da_f w_cf      dw_co += da_o c'   dw_ci += da_i c   dw_cf += da_f c
 * </pre>
 * Workspace row per (t, b): i, f, g, o, c' (5H floats).
 */
final class LstmCell {
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT;

    private LstmCell() {}

    /**
     * Buffers of one forward call. {@code gates} is the calling thread's recurrent product,
     * {@code [B, 4w]} with gate block q at column {@code q·w}; {@code next} the packed
     * {@code [B, H]} state for the next step's GEMM.
     */
    record Forward(int hidden, MemorySegment xp, MemorySegment bias, MemorySegment c, MemorySegment y,
                   MemorySegment workspace, MemorySegment wCi, MemorySegment wCf, MemorySegment wCo) {}

    /** Buffers of one backward call; {@code dhRec} holds {@code da · W_hh}, the gradient reaching h from the next step. */
    record Backward(int hidden, MemorySegment workspace, MemorySegment dy, MemorySegment dhN, MemorySegment dhRec,
                    MemorySegment dc, MemorySegment c0, MemorySegment da,
                    MemorySegment wCi, MemorySegment wCf, MemorySegment wCo,
                    MemorySegment dwCi, MemorySegment dwCf, MemorySegment dwCo) {}

    /**
     * One sample's forward step over units {@code [j0, j1)}.
     *
     * @param gates this thread's recurrent product; the sample's row starts at float {@code gOff}, gate blocks {@code w} apart
     * @param row   row of the {@code [T·B, ·]} tensors for this sample and step
     * @param next  packed state for the next step (h_t is written into it)
     * @param tmp   scratch of at least four vectors
     */
    static void forward(Forward s, MemorySegment gates, long gOff, int w, int b, long row, int j0, int j1,
                        float[] next, float[] tmp) {
        int hid = s.hidden;
        boolean peep = s.wCi != null;
        int j = j0;
        if (Simd.ENABLED) {
            for (; j + LANES <= j1; j += LANES) {
                long g0 = gOff + (j - j0);
                long x0 = row * 4 * hid + j;
                FloatVector ai = load(gates, g0).add(load(s.xp, x0)).add(load(s.bias, j));
                FloatVector af = load(gates, g0 + w).add(load(s.xp, x0 + hid)).add(load(s.bias, hid + j));
                FloatVector ag = load(gates, g0 + 2L * w).add(load(s.xp, x0 + 2L * hid)).add(load(s.bias, 2L * hid + j));
                FloatVector ao = load(gates, g0 + 3L * w).add(load(s.xp, x0 + 3L * hid)).add(load(s.bias, 3L * hid + j));
                long cj = (long) b * hid + j;
                FloatVector cPrev = load(s.c, cj);
                if (peep) {
                    ai = load(s.wCi, j).fma(cPrev, ai);
                    af = load(s.wCf, j).fma(cPrev, af);
                }
                FloatVector i = VectorMath.sigmoid(ai), f = VectorMath.sigmoid(af), g = VectorMath.tanh(ag);
                FloatVector cNew = f.fma(cPrev, i.mul(g));
                if (peep) {
                    ao = load(s.wCo, j).fma(cNew, ao);
                }
                FloatVector o = VectorMath.sigmoid(ao);
                FloatVector h = o.mul(VectorMath.tanh(cNew));
                store(cNew, s.c, cj);
                store(h, s.y, row * hid + j);
                if (s.workspace != null) {
                    long ws = row * 5 * hid + j;
                    store(i, s.workspace, ws);
                    store(f, s.workspace, ws + hid);
                    store(g, s.workspace, ws + 2L * hid);
                    store(o, s.workspace, ws + 3L * hid);
                    store(cNew, s.workspace, ws + 4L * hid);
                }
                h.intoArray(tmp, 0);
                PackedRows.put(next, b, j, hid, tmp, 0, LANES);
            }
        }
        for (; j < j1; j++) {
            long g0 = gOff + (j - j0);
            long x0 = row * 4 * hid + j;
            float ai = get(gates, g0) + get(s.xp, x0) + get(s.bias, j);
            float af = get(gates, g0 + w) + get(s.xp, x0 + hid) + get(s.bias, hid + j);
            float ag = get(gates, g0 + 2L * w) + get(s.xp, x0 + 2L * hid) + get(s.bias, 2L * hid + j);
            float ao = get(gates, g0 + 3L * w) + get(s.xp, x0 + 3L * hid) + get(s.bias, 3L * hid + j);
            long cj = (long) b * hid + j;
            float cPrev = get(s.c, cj);
            if (peep) {
                ai += get(s.wCi, j) * cPrev;
                af += get(s.wCf, j) * cPrev;
            }
            float i = VectorMath.sigmoid(ai), f = VectorMath.sigmoid(af), g = VectorMath.tanh(ag);
            float cNew = f * cPrev + i * g;
            if (peep) {
                ao += get(s.wCo, j) * cNew;
            }
            float o = VectorMath.sigmoid(ao);
            float h = o * VectorMath.tanh(cNew);
            set(s.c, cj, cNew);
            set(s.y, row * hid + j, h);
            if (s.workspace != null) {
                long ws = row * 5 * hid + j;
                set(s.workspace, ws, i);
                set(s.workspace, ws + hid, f);
                set(s.workspace, ws + 2L * hid, g);
                set(s.workspace, ws + 3L * hid, o);
                set(s.workspace, ws + 4L * hid, cNew);
            }
            next[PackedRows.index(b, j, hid)] = h;
        }
    }

    /**
     * One sample's backward step over units {@code [j0, j1)}.
     *
     * @param row     row of the {@code [T·B, ·]} tensors at this step
     * @param prevRow row of the previous processed step, or -1 at the sample's first step (then c0 is c_prev)
     * @param fromRec whether dh comes from the later step's recurrent product (else from dhN: this is the sample's last step)
     * @param next    packed gate gradients {@code [B, 4H]} for this step's recurrent GEMM
     */
    static void backward(Backward s, int b, long row, long prevRow, boolean fromRec, int j0, int j1,
                         float[] next, float[] tmp) {
        int hid = s.hidden;
        boolean peep = s.wCi != null;
        int depth = 4 * hid;
        int j = j0;
        if (Simd.ENABLED) {
            FloatVector zero = FloatVector.zero(F);
            for (; j + LANES <= j1; j += LANES) {
                long bj = (long) b * hid + j;
                FloatVector dh = fromRec ? load(s.dhRec, bj) : s.dhN != null ? load(s.dhN, bj) : zero;
                if (s.dy != null) {
                    dh = dh.add(load(s.dy, row * hid + j));
                }
                long ws = row * 5 * hid + j;
                FloatVector i = load(s.workspace, ws), f = load(s.workspace, ws + hid);
                FloatVector g = load(s.workspace, ws + 2L * hid), o = load(s.workspace, ws + 3L * hid);
                FloatVector c = load(s.workspace, ws + 4L * hid);
                FloatVector cPrev = prevRow >= 0 ? load(s.workspace, prevRow * 5 * hid + 4L * hid + j)
                        : s.c0 != null ? load(s.c0, bj) : zero;
                FloatVector tc = VectorMath.tanh(c);
                FloatVector dao = dh.mul(tc).mul(o.sub(o.mul(o)));
                FloatVector dct = dh.mul(o).mul(tc.mul(tc).neg().add(1f)).add(load(s.dc, bj));
                if (peep) {
                    dct = dao.fma(load(s.wCo, j), dct);
                }
                FloatVector dai = dct.mul(g).mul(i.sub(i.mul(i)));
                FloatVector daf = dct.mul(cPrev).mul(f.sub(f.mul(f)));
                FloatVector dag = dct.mul(i).mul(g.mul(g).neg().add(1f));
                FloatVector dcPrev = dct.mul(f);
                if (peep) {
                    dcPrev = dai.fma(load(s.wCi, j), dcPrev);
                    dcPrev = daf.fma(load(s.wCf, j), dcPrev);
                    store(dao.fma(c, load(s.dwCo, j)), s.dwCo, j);
                    store(dai.fma(cPrev, load(s.dwCi, j)), s.dwCi, j);
                    store(daf.fma(cPrev, load(s.dwCf, j)), s.dwCf, j);
                }
                store(dcPrev, s.dc, bj);
                long da = row * depth + j;
                store(dai, s.da, da);
                store(daf, s.da, da + hid);
                store(dag, s.da, da + 2L * hid);
                store(dao, s.da, da + 3L * hid);
                dai.intoArray(tmp, 0);
                daf.intoArray(tmp, LANES);
                dag.intoArray(tmp, 2 * LANES);
                dao.intoArray(tmp, 3 * LANES);
                for (int q = 0; q < 4; q++) {
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
            long ws = row * 5 * hid + j;
            float i = get(s.workspace, ws), f = get(s.workspace, ws + hid), g = get(s.workspace, ws + 2L * hid);
            float o = get(s.workspace, ws + 3L * hid), c = get(s.workspace, ws + 4L * hid);
            float cPrev = prevRow >= 0 ? get(s.workspace, prevRow * 5 * hid + 4L * hid + j)
                    : s.c0 != null ? get(s.c0, bj) : 0f;
            float tc = VectorMath.tanh(c);
            float dao = dh * tc * o * (1 - o);
            float dct = get(s.dc, bj) + dh * o * (1 - tc * tc);
            if (peep) {
                dct += dao * get(s.wCo, j);
            }
            float dai = dct * g * i * (1 - i);
            float daf = dct * cPrev * f * (1 - f);
            float dag = dct * i * (1 - g * g);
            float dcPrev = dct * f;
            if (peep) {
                dcPrev += dai * get(s.wCi, j) + daf * get(s.wCf, j);
                set(s.dwCo, j, get(s.dwCo, j) + dao * c);
                set(s.dwCi, j, get(s.dwCi, j) + dai * cPrev);
                set(s.dwCf, j, get(s.dwCf, j) + daf * cPrev);
            }
            set(s.dc, bj, dcPrev);
            long da = row * depth + j;
            float[] gates = {dai, daf, dag, dao};
            for (int q = 0; q < 4; q++) {
                set(s.da, da + (long) q * hid, gates[q]);
                next[PackedRows.index(b, q * hid + j, depth)] = gates[q];
            }
        }
    }

    static FloatVector load(MemorySegment s, long index) {
        return FloatVector.fromMemorySegment(F, s, index * Float.BYTES, ORDER);
    }

    static void store(FloatVector v, MemorySegment s, long index) {
        v.intoMemorySegment(s, index * Float.BYTES, ORDER);
    }

    static float get(MemorySegment s, long index) {
        return s.getAtIndex(FLOAT, index);
    }

    static void set(MemorySegment s, long index, float v) {
        s.setAtIndex(FLOAT, index, v);
    }
}
