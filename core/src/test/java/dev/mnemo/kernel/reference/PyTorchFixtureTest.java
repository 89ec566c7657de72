package dev.mnemo.kernel.reference;

import dev.mnemo.io.SafeTensors;
import dev.mnemo.kernel.Activation;
import dev.mnemo.kernel.Compare;
import dev.mnemo.kernel.ConvSpec;
import dev.mnemo.kernel.GruWeights;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.kernel.LstmWeights;
import dev.mnemo.kernel.PoolSpec;
import dev.mnemo.kernel.SeqOptions;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reference backend against PyTorch: outputs and gradients written by
 * {@code core/src/test/fixtures/make_fixtures.py} (torch, computed in float64) must match to
 * 1e-5 relative. Packed bidirectional cases check masks and reverse against
 * {@code pack_padded_sequence}.
 */
class PyTorchFixtureTest {
    private static final double TOLERANCE = 1e-5;

    private final KernelBackend ref = new ReferenceBackend();
    private final Scope scope = Scope.open();
    private final Compare cmp = new Compare("reference vs torch");

    @AfterEach
    void close() {
        System.out.println(cmp.summary("fixtures"));
        scope.close();
    }

    private SafeTensors.Contents load(String name) throws Exception {
        return SafeTensors.read(Path.of(getClass().getResource("/fixtures/" + name + ".safetensors").toURI()), scope);
    }

    @Test
    void lstmMatchesTorch() throws Exception {
        checkLstm(load("lstm_full"));
    }

    @Test
    void packedBidirectionalLstmMatchesTorch() throws Exception {
        checkLstm(load("lstm_packed_bidirectional"));
    }

    @Test
    void gruMatchesTorch() throws Exception {
        checkGru(load("gru_full"));
    }

    @Test
    void packedBidirectionalGruMatchesTorch() throws Exception {
        checkGru(load("gru_packed_bidirectional"));
    }

    private void checkLstm(SafeTensors.Contents f) {
        Tensor x = f.get("x");
        int steps = x.dim(0), batch = x.dim(1), hidden = f.get("weight_hh_l0").dim(1);
        int directions = Integer.parseInt(f.metadata().get("directions"));
        SeqOptions seq = sequence(f);
        Tensor dx = scope.zeros(x.shape());
        for (int d = 0; d < directions; d++) {
            String sfx = d == 0 ? "_l0" : "_l0_reverse";
            LstmWeights w = LstmWeights.withoutPeepholes(f.get("weight_ih" + sfx), f.get("weight_hh" + sfx),
                    f.get("bias_ih" + sfx), f.get("bias_hh" + sfx));
            LstmWeights dw = LstmWeights.withoutPeepholes(scope.zeros(w.wIh().shape()), scope.zeros(w.wHh().shape()),
                    scope.zeros(4 * hidden), scope.zeros(4 * hidden));
            SeqOptions dirSeq = d == 0 ? seq : seq.reversed();
            Tensor h0 = f.get("h0").slice(d), c0 = f.get("c0").slice(d);
            Tensor y = scope.zeros(steps, batch, hidden), hN = scope.zeros(batch, hidden), cN = scope.zeros(batch, hidden);
            Tensor ws = scope.zeros((int) ref.lstmWorkspaceSize(steps, batch, x.dim(2), hidden));
            ref.lstmForward(y, hN, cN, ws, x, h0, c0, w, dirSeq);
            String label = "lstm direction " + d;
            cmp.close(label + " y", featureBlock(f.get("y"), d, hidden), y, TOLERANCE);
            cmp.close(label + " hN", f.get("hN").slice(d), hN, TOLERANCE);
            cmp.close(label + " cN", f.get("cN").slice(d), cN, TOLERANCE);
            Tensor dh0 = scope.zeros(batch, hidden), dc0 = scope.zeros(batch, hidden);
            ref.lstmBackward(dx, dh0, dc0, dw, featureBlock(f.get("gy"), d, hidden), f.get("ghN").slice(d),
                    f.get("gcN").slice(d), x, h0, c0, w, dirSeq, y, ws);
            cmp.close(label + " dh0", f.get("dh0").slice(d), dh0, TOLERANCE);
            cmp.close(label + " dc0", f.get("dc0").slice(d), dc0, TOLERANCE);
            cmp.close(label + " dW_ih", f.get("dweight_ih" + sfx), dw.wIh(), TOLERANCE);
            cmp.close(label + " dW_hh", f.get("dweight_hh" + sfx), dw.wHh(), TOLERANCE);
            cmp.close(label + " db_ih", f.get("dbias_ih" + sfx), dw.bIh(), TOLERANCE);
            cmp.close(label + " db_hh", f.get("dbias_hh" + sfx), dw.bHh(), TOLERANCE);
        }
        cmp.close("lstm dx (all directions)", f.get("dx"), dx, TOLERANCE);
    }

    private void checkGru(SafeTensors.Contents f) {
        Tensor x = f.get("x");
        int steps = x.dim(0), batch = x.dim(1), hidden = f.get("weight_hh_l0").dim(1);
        int directions = Integer.parseInt(f.metadata().get("directions"));
        SeqOptions seq = sequence(f);
        Tensor dx = scope.zeros(x.shape());
        for (int d = 0; d < directions; d++) {
            String sfx = d == 0 ? "_l0" : "_l0_reverse";
            GruWeights w = new GruWeights(f.get("weight_ih" + sfx), f.get("weight_hh" + sfx),
                    f.get("bias_ih" + sfx), f.get("bias_hh" + sfx));
            GruWeights dw = new GruWeights(scope.zeros(w.wIh().shape()), scope.zeros(w.wHh().shape()),
                    scope.zeros(3 * hidden), scope.zeros(3 * hidden));
            SeqOptions dirSeq = d == 0 ? seq : seq.reversed();
            Tensor h0 = f.get("h0").slice(d);
            Tensor y = scope.zeros(steps, batch, hidden), hN = scope.zeros(batch, hidden);
            Tensor ws = scope.zeros((int) ref.gruWorkspaceSize(steps, batch, x.dim(2), hidden));
            ref.gruForward(y, hN, ws, x, h0, w, dirSeq);
            String label = "gru direction " + d;
            cmp.close(label + " y", featureBlock(f.get("y"), d, hidden), y, TOLERANCE);
            cmp.close(label + " hN", f.get("hN").slice(d), hN, TOLERANCE);
            Tensor dh0 = scope.zeros(batch, hidden);
            ref.gruBackward(dx, dh0, dw, featureBlock(f.get("gy"), d, hidden), f.get("ghN").slice(d),
                    x, h0, w, dirSeq, y, ws);
            cmp.close(label + " dh0", f.get("dh0").slice(d), dh0, TOLERANCE);
            cmp.close(label + " dW_ih", f.get("dweight_ih" + sfx), dw.wIh(), TOLERANCE);
            cmp.close(label + " dW_hh", f.get("dweight_hh" + sfx), dw.wHh(), TOLERANCE);
            cmp.close(label + " db_ih", f.get("dbias_ih" + sfx), dw.bIh(), TOLERANCE);
            cmp.close(label + " db_hh", f.get("dbias_hh" + sfx), dw.bHh(), TOLERANCE);
        }
        cmp.close("gru dx (all directions)", f.get("dx"), dx, TOLERANCE);
    }

    private static SeqOptions sequence(SafeTensors.Contents f) {
        String lengths = f.metadata().get("lengths");
        return lengths == null ? SeqOptions.FORWARD
                : SeqOptions.lengths(Arrays.stream(lengths.split(",")).mapToInt(Integer::parseInt).toArray());
    }

    /** Features {@code [d·H, (d+1)·H)} of a {@code [T, B, D·H]} tensor (one direction of a bidirectional output). */
    private Tensor featureBlock(Tensor t, int direction, int hidden) {
        int rows = t.dim(0) * t.dim(1), width = t.dim(2);
        Tensor out = scope.zeros(t.dim(0), t.dim(1), hidden);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < hidden; j++) {
                out.set((long) r * hidden + j, t.get((long) r * width + direction * hidden + j));
            }
        }
        return out;
    }

    @Test
    void conv2dMatchesTorch() throws Exception {
        SafeTensors.Contents f = load("conv2d");
        int[] s = ints(f, "stride"), p = ints(f, "pad"), d = ints(f, "dilation");
        checkConv(f, new ConvSpec(s[0], s[1], p[0], p[1], d[0], d[1]), false);
    }

    @Test
    void conv1dMatchesTorch() throws Exception {
        SafeTensors.Contents f = load("conv1d");
        checkConv(f, ConvSpec.of1d(ints(f, "stride")[0], ints(f, "pad")[0], ints(f, "dilation")[0]), true);
    }

    private void checkConv(SafeTensors.Contents f, ConvSpec spec, boolean oneD) {
        Tensor x = f.get("x"), w = f.get("w"), b = f.get("b"), gy = f.get("gy");
        Tensor y = scope.zeros(f.get("y").shape());
        Tensor dx = scope.zeros(x.shape()), dw = scope.zeros(w.shape()), db = scope.zeros(b.shape());
        if (oneD) {
            ref.conv1dForward(y, x, w, b, spec);
            ref.conv1dBackwardData(dx, gy, w, spec);
            ref.conv1dBackwardWeights(dw, db, gy, x, spec);
        } else {
            ref.conv2dForward(y, x, w, b, spec);
            ref.conv2dBackwardData(dx, gy, w, spec);
            ref.conv2dBackwardWeights(dw, db, gy, x, spec);
        }
        cmp.close("conv y", f.get("y"), y, TOLERANCE);
        cmp.close("conv dx", f.get("dx"), dx, TOLERANCE);
        cmp.close("conv dw", f.get("dw"), dw, TOLERANCE);
        cmp.close("conv db", f.get("db"), db, TOLERANCE);
    }

    @Test
    void poolingMatchesTorch() throws Exception {
        for (PoolSpec.Kind kind : PoolSpec.Kind.values()) {
            SafeTensors.Contents f = load(kind == PoolSpec.Kind.MAX ? "maxpool2d" : "avgpool2d");
            int[] k = ints(f, "kernel"), s = ints(f, "stride"), p = ints(f, "pad");
            PoolSpec spec = new PoolSpec(kind, k[0], k[1], s[0], s[1], p[0], p[1]);
            Tensor x = f.get("x"), y = scope.zeros(f.get("y").shape()), dx = scope.zeros(x.shape());
            ref.pool2dForward(y, x, spec);
            ref.pool2dBackward(dx, f.get("gy"), x, y, spec);
            cmp.close(kind + " pool y", f.get("y"), y, TOLERANCE);
            cmp.close(kind + " pool dx", f.get("dx"), dx, TOLERANCE);
        }
    }

    @Test
    void activationsAndSoftmaxMatchTorch() throws Exception {
        SafeTensors.Contents f = load("activations");
        Tensor x = f.get("x");
        for (Activation a : Activation.values()) {
            String name = a.name().toLowerCase();
            Tensor y = scope.zeros(x.shape()), dx = scope.zeros(x.shape());
            ref.activation(a, y, x);
            ref.activationBackward(a, dx, f.get("g" + name), x, y);
            cmp.close(name, f.get(name), y, TOLERANCE);
            cmp.close(name + " dx", f.get("d" + name), dx, TOLERANCE);
        }
        Tensor logits = f.get("logits");
        Tensor soft = scope.zeros(logits.shape()), logSoft = scope.zeros(logits.shape());
        Tensor dSoft = scope.zeros(logits.shape()), dLog = scope.zeros(logits.shape());
        ref.softmax(soft, logits);
        ref.logSoftmax(logSoft, logits);
        ref.softmaxBackward(dSoft, f.get("gsoftmax"), soft);
        ref.logSoftmaxBackward(dLog, f.get("glog_softmax"), logSoft);
        cmp.close("softmax", f.get("softmax"), soft, TOLERANCE);
        cmp.close("log_softmax", f.get("log_softmax"), logSoft, TOLERANCE);
        cmp.close("softmax dx", f.get("dsoftmax"), dSoft, TOLERANCE);
        cmp.close("log_softmax dx", f.get("dlog_softmax"), dLog, TOLERANCE);
    }

    private static int[] ints(SafeTensors.Contents f, String key) {
        return Arrays.stream(f.metadata().get(key).split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
