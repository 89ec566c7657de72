package dev.mnemo.kernel.reference;

import static dev.mnemo.kernel.reference.ReferenceGemm.addOuter;
import static dev.mnemo.kernel.reference.ReferenceGemm.matTVec;
import static dev.mnemo.kernel.reference.ReferenceGemm.matVec;
import static dev.mnemo.kernel.reference.Rows.sigmoid;
import static dev.mnemo.kernel.reference.Rows.tanh;

import dev.mnemo.kernel.GruWeights;
import dev.mnemo.kernel.SeqOptions;
import dev.mnemo.tensor.Tensor;

/**
 * GRU over a time-major sequence with {@code torch.nn.GRU} semantics (gate order r, z, n; the
 * reset gate scales the hidden projection including its bias):
 * <pre>
 *   gi = W_ih x_t + b_ih        gh = W_hh h_{t-1} + b_hh
 *   r = σ(gi_r + gh_r)     z = σ(gi_z + gh_z)     n = tanh(gi_n + r ⊙ gh_n)
 *   h_t = (1 - z) ⊙ n + z ⊙ h_{t-1}
 * </pre>
 * Workspace per time index t and sample b: {@code r, z, n, gh_n}, 4H floats at {@code (t·B + b)·4H}.
 */
final class ReferenceGru {
    private ReferenceGru() {}

    static long workspaceSize(int steps, int batch, int hidden) {
        return 4L * steps * batch * hidden;
    }

    static void forward(Tensor y, Tensor hN, Tensor workspace, Tensor x, Tensor h0, GruWeights w, SeqOptions seq) {
        int steps = x.dim(0), batch = x.dim(1), in = x.dim(2), hid = w.hiddenSize();
        y.fill(0f);
        for (int b = 0; b < batch; b++) {
            float[] h = Rows.read(h0, b, hid);
            int length = seq.length(b, steps);
            for (int k = 0; k < length; k++) {
                int t = seq.timeIndex(k, length);
                long row = (long) t * batch + b;
                float[] gi = Rows.read(w.bIh(), 0, 3 * hid);
                float[] gh = Rows.read(w.bHh(), 0, 3 * hid);
                matVec(gi, w.wIh(), 0, 3 * hid, in, Rows.read(x, row, in));
                matVec(gh, w.wHh(), 0, 3 * hid, hid, h);
                float[] saved = new float[4 * hid]; // r, z, n, gh_n
                for (int j = 0; j < hid; j++) {
                    float r = sigmoid(gi[j] + gh[j]);
                    float z = sigmoid(gi[hid + j] + gh[hid + j]);
                    float n = tanh(gi[2 * hid + j] + r * gh[2 * hid + j]);
                    saved[j] = r;
                    saved[hid + j] = z;
                    saved[2 * hid + j] = n;
                    saved[3 * hid + j] = gh[2 * hid + j];
                    h[j] = (1 - z) * n + z * h[j];
                }
                Rows.write(y, row, h);
                Rows.write(workspace, row, saved);
            }
            Rows.write(hN, b, h);
        }
    }

    static void backward(Tensor dx, Tensor dh0, GruWeights dw, Tensor dy, Tensor dhN,
                         Tensor x, Tensor h0, GruWeights w, SeqOptions seq, Tensor y, Tensor workspace) {
        int steps = x.dim(0), batch = x.dim(1), in = x.dim(2), hid = w.hiddenSize();
        for (int b = 0; b < batch; b++) {
            float[] dh = Rows.read(dhN, b, hid);
            int length = seq.length(b, steps);
            for (int k = length - 1; k >= 0; k--) {
                int t = seq.timeIndex(k, length);
                long row = (long) t * batch + b;
                float[] saved = Rows.read(workspace, row, 4 * hid);
                float[] hPrev = k == 0 ? Rows.read(h0, b, hid)
                        : Rows.read(y, (long) seq.timeIndex(k - 1, length) * batch + b, hid);
                if (dy != null) {
                    float[] dyt = Rows.read(dy, row, hid);
                    for (int j = 0; j < hid; j++) {
                        dh[j] += dyt[j];
                    }
                }
                float[] dgi = new float[3 * hid]; // gradient of W_ih x_t + b_ih
                float[] dgh = new float[3 * hid]; // gradient of W_hh h_{t-1} + b_hh
                float[] dhPrev = new float[hid];
                for (int j = 0; j < hid; j++) {
                    float r = saved[j], z = saved[hid + j], n = saved[2 * hid + j], ghn = saved[3 * hid + j];
                    float dan = dh[j] * (1 - z) * (1 - n * n);
                    float daz = dh[j] * (hPrev[j] - n) * z * (1 - z);
                    float dar = dan * ghn * r * (1 - r);
                    dhPrev[j] = dh[j] * z;
                    dgi[j] = dar;
                    dgi[hid + j] = daz;
                    dgi[2 * hid + j] = dan;
                    dgh[j] = dar;
                    dgh[hid + j] = daz;
                    dgh[2 * hid + j] = dan * r;
                }
                Rows.accumulate(dw.bIh(), dgi);
                Rows.accumulate(dw.bHh(), dgh);
                addOuter(dw.wIh(), dgi, Rows.read(x, row, in));
                addOuter(dw.wHh(), dgh, hPrev);
                if (dx != null) {
                    float[] dxt = new float[in];
                    matTVec(dxt, w.wIh(), 3 * hid, in, dgi);
                    Rows.accumulate(dx, row, dxt);
                }
                matTVec(dhPrev, w.wHh(), 3 * hid, hid, dgh);
                dh = dhPrev;
            }
            Rows.accumulate(dh0, b, dh);
        }
    }
}
