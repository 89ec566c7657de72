package dev.mnemo.kernel.reference;

import static dev.mnemo.kernel.reference.ReferenceGemm.addOuter;
import static dev.mnemo.kernel.reference.ReferenceGemm.matTVec;
import static dev.mnemo.kernel.reference.ReferenceGemm.matVec;
import static dev.mnemo.kernel.reference.Rows.sigmoid;
import static dev.mnemo.kernel.reference.Rows.tanh;

import dev.mnemo.kernel.LstmWeights;
import dev.mnemo.kernel.SeqOptions;
import dev.mnemo.tensor.Tensor;

/**
 * LSTM with optional peepholes over a time-major sequence, one sample and one step at a time.
 *
 * <p>Equations (gate order i, f, g, o as {@code torch.nn.LSTM}; peepholes after Gers and
 * Schmidhuber, the output gate's peephole reading the new cell):
 * <pre>
 *   a   = W_ih x_t + b_ih + W_hh h_{t-1} + b_hh
 *   i   = σ(a_i + w_ci ⊙ c_{t-1})    f = σ(a_f + w_cf ⊙ c_{t-1})    g = tanh(a_g)
 *   c_t = f ⊙ c_{t-1} + i ⊙ g        o = σ(a_o + w_co ⊙ c_t)         h_t = o ⊙ tanh(c_t)
 * </pre>
 * Workspace, per time index t and sample b: the activated gates {@code i, f, g, o} then
 * {@code c_t}, 5H floats at {@code (t·B + b)·5H}.
 */
final class ReferenceLstm {
    private ReferenceLstm() {}

    static long workspaceSize(int steps, int batch, int hidden) {
        return 5L * steps * batch * hidden;
    }

    static void forward(Tensor y, Tensor hN, Tensor cN, Tensor workspace,
                        Tensor x, Tensor h0, Tensor c0, LstmWeights w, SeqOptions seq) {
        int steps = x.dim(0), batch = x.dim(1), in = x.dim(2), hid = w.hiddenSize();
        y.fill(0f);
        for (int b = 0; b < batch; b++) {
            float[] h = Rows.read(h0, b, hid);
            float[] c = Rows.read(c0, b, hid);
            int length = seq.length(b, steps);
            for (int k = 0; k < length; k++) {
                int t = seq.timeIndex(k, length);
                float[] xt = Rows.read(x, (long) t * batch + b, in);
                float[] a = new float[4 * hid];
                for (int j = 0; j < 4 * hid; j++) {
                    a[j] = w.bIh().get(j) + w.bHh().get(j);
                }
                matVec(a, w.wIh(), 0, 4 * hid, in, xt);
                matVec(a, w.wHh(), 0, 4 * hid, hid, h);
                float[] gates = new float[5 * hid]; // i, f, g, o, c_t
                for (int j = 0; j < hid; j++) {
                    float cPrev = c[j];
                    float ai = a[j], af = a[hid + j], ag = a[2 * hid + j], ao = a[3 * hid + j];
                    if (w.hasPeepholes()) {
                        ai += w.wCi().get(j) * cPrev;
                        af += w.wCf().get(j) * cPrev;
                    }
                    float i = sigmoid(ai), f = sigmoid(af), g = tanh(ag);
                    float cNew = f * cPrev + i * g;
                    if (w.hasPeepholes()) {
                        ao += w.wCo().get(j) * cNew;
                    }
                    float o = sigmoid(ao);
                    c[j] = cNew;
                    h[j] = o * tanh(cNew);
                    gates[j] = i;
                    gates[hid + j] = f;
                    gates[2 * hid + j] = g;
                    gates[3 * hid + j] = o;
                    gates[4 * hid + j] = cNew;
                }
                Rows.write(y, (long) t * batch + b, h);
                Rows.write(workspace, (long) t * batch + b, gates);
            }
            Rows.write(hN, b, h);
            Rows.write(cN, b, c);
        }
    }

    static void backward(Tensor dx, Tensor dh0, Tensor dc0, LstmWeights dw, Tensor dy, Tensor dhN, Tensor dcN,
                         Tensor x, Tensor h0, Tensor c0, LstmWeights w, SeqOptions seq, Tensor y, Tensor workspace) {
        int steps = x.dim(0), batch = x.dim(1), in = x.dim(2), hid = w.hiddenSize();
        boolean peep = w.hasPeepholes();
        for (int b = 0; b < batch; b++) {
            float[] dh = Rows.read(dhN, b, hid); // gradient flowing into h_t from later steps
            float[] dc = Rows.read(dcN, b, hid); // gradient flowing into c_t from later steps
            int length = seq.length(b, steps);
            for (int k = length - 1; k >= 0; k--) {
                int t = seq.timeIndex(k, length);
                long row = (long) t * batch + b;
                float[] gates = Rows.read(workspace, row, 5 * hid);
                float[] hPrev;
                float[] cPrev;
                if (k == 0) {
                    hPrev = Rows.read(h0, b, hid);
                    cPrev = Rows.read(c0, b, hid);
                } else {
                    long prevRow = (long) seq.timeIndex(k - 1, length) * batch + b;
                    hPrev = Rows.read(y, prevRow, hid);
                    cPrev = sliceCell(Rows.read(workspace, prevRow, 5 * hid), hid);
                }
                if (dy != null) {
                    float[] dyt = Rows.read(dy, row, hid);
                    for (int j = 0; j < hid; j++) {
                        dh[j] += dyt[j];
                    }
                }
                float[] da = new float[4 * hid]; // gradient of the gate pre-activations a (+ peephole terms)
                float[] dcPrev = new float[hid];
                for (int j = 0; j < hid; j++) {
                    float i = gates[j], f = gates[hid + j], g = gates[2 * hid + j], o = gates[3 * hid + j];
                    float c = gates[4 * hid + j];
                    float tc = tanh(c);
                    float dao = dh[j] * tc * o * (1 - o);
                    float dct = dc[j] + dh[j] * o * (1 - tc * tc);
                    if (peep) {
                        dct += dao * w.wCo().get(j);
                        dw.wCo().add(j, dao * c);
                    }
                    float dai = dct * g * i * (1 - i);
                    float daf = dct * cPrev[j] * f * (1 - f);
                    float dag = dct * i * (1 - g * g);
                    dcPrev[j] = dct * f;
                    if (peep) {
                        dcPrev[j] += dai * w.wCi().get(j) + daf * w.wCf().get(j);
                        dw.wCi().add(j, dai * cPrev[j]);
                        dw.wCf().add(j, daf * cPrev[j]);
                    }
                    da[j] = dai;
                    da[hid + j] = daf;
                    da[2 * hid + j] = dag;
                    da[3 * hid + j] = dao;
                }
                Rows.accumulate(dw.bIh(), da);
                Rows.accumulate(dw.bHh(), da);
                addOuter(dw.wIh(), da, Rows.read(x, row, in));
                addOuter(dw.wHh(), da, hPrev);
                if (dx != null) {
                    float[] dxt = new float[in];
                    matTVec(dxt, w.wIh(), 4 * hid, in, da);
                    Rows.accumulate(dx, row, dxt);
                }
                float[] dhPrev = new float[hid];
                matTVec(dhPrev, w.wHh(), 4 * hid, hid, da);
                dh = dhPrev;
                dc = dcPrev;
            }
            Rows.accumulate(dh0, b, dh);
            Rows.accumulate(dc0, b, dc);
        }
    }

    private static float[] sliceCell(float[] gates, int hid) {
        float[] c = new float[hid];
        System.arraycopy(gates, 4 * hid, c, 0, hid);
        return c;
    }
}
