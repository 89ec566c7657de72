package dev.mnemo.kernel.reference;

import dev.mnemo.kernel.Activation;
import dev.mnemo.kernel.ConvSpec;
import dev.mnemo.kernel.GruWeights;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.kernel.LstmWeights;
import dev.mnemo.kernel.PoolSpec;
import dev.mnemo.kernel.SeqOptions;
import dev.mnemo.tensor.Tensor;

/**
 * The specification backend: plain single-threaded Java, one class per op family. Use it to
 * understand what an op computes and to check other backends; use a fast backend to train.
 */
public final class ReferenceBackend implements KernelBackend {
    /** Name used to select this backend. */
    public static final String NAME = "reference";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int threads() {
        return 1;
    }

    @Override
    public void gemm(Tensor c, Tensor a, boolean transA, Tensor b, boolean transB, float alpha, float beta) {
        ReferenceGemm.gemm(c, a, transA, b, transB, alpha, beta);
    }

    @Override
    public long lstmWorkspaceSize(int steps, int batch, int input, int hidden) {
        return ReferenceLstm.workspaceSize(steps, batch, hidden);
    }

    @Override
    public void lstmForward(Tensor y, Tensor hN, Tensor cN, Tensor workspace,
                            Tensor x, Tensor h0, Tensor c0, LstmWeights w, SeqOptions seq) {
        ReferenceLstm.forward(y, hN, cN, workspace, x, h0, c0, w, seq);
    }

    @Override
    public void lstmBackward(Tensor dx, Tensor dh0, Tensor dc0, LstmWeights dw, Tensor dy, Tensor dhN, Tensor dcN,
                             Tensor x, Tensor h0, Tensor c0, LstmWeights w, SeqOptions seq, Tensor y, Tensor workspace) {
        ReferenceLstm.backward(dx, dh0, dc0, dw, dy, dhN, dcN, x, h0, c0, w, seq, y, workspace);
    }

    @Override
    public long gruWorkspaceSize(int steps, int batch, int input, int hidden) {
        return ReferenceGru.workspaceSize(steps, batch, hidden);
    }

    @Override
    public void gruForward(Tensor y, Tensor hN, Tensor workspace, Tensor x, Tensor h0, GruWeights w, SeqOptions seq) {
        ReferenceGru.forward(y, hN, workspace, x, h0, w, seq);
    }

    @Override
    public void gruBackward(Tensor dx, Tensor dh0, GruWeights dw, Tensor dy, Tensor dhN,
                            Tensor x, Tensor h0, GruWeights w, SeqOptions seq, Tensor y, Tensor workspace) {
        ReferenceGru.backward(dx, dh0, dw, dy, dhN, x, h0, w, seq, y, workspace);
    }

    @Override
    public void conv2dForward(Tensor y, Tensor x, Tensor w, Tensor bias, ConvSpec spec) {
        ReferenceConv.forward(y, x, w, bias, spec);
    }

    @Override
    public void conv2dBackwardData(Tensor dx, Tensor dy, Tensor w, ConvSpec spec) {
        ReferenceConv.backwardData(dx, dy, w, spec);
    }

    @Override
    public void conv2dBackwardWeights(Tensor dw, Tensor db, Tensor dy, Tensor x, ConvSpec spec) {
        ReferenceConv.backwardWeights(dw, db, dy, x, spec);
    }

    @Override
    public void pool2dForward(Tensor y, Tensor x, PoolSpec spec) {
        ReferencePool.forward(y, x, spec);
    }

    @Override
    public void pool2dBackward(Tensor dx, Tensor dy, Tensor x, Tensor y, PoolSpec spec) {
        ReferencePool.backward(dx, dy, x, spec);
    }

    @Override
    public void activation(Activation f, Tensor y, Tensor x) {
        ReferenceActivations.forward(f, y, x);
    }

    @Override
    public void activationBackward(Activation f, Tensor dx, Tensor dy, Tensor x, Tensor y) {
        ReferenceActivations.backward(f, dx, dy, x, y);
    }

    @Override
    public void softmax(Tensor y, Tensor x) {
        ReferenceActivations.softmax(y, x, false);
    }

    @Override
    public void logSoftmax(Tensor y, Tensor x) {
        ReferenceActivations.softmax(y, x, true);
    }

    @Override
    public void softmaxBackward(Tensor dx, Tensor dy, Tensor y) {
        ReferenceActivations.softmaxBackward(dx, dy, y, false);
    }

    @Override
    public void logSoftmaxBackward(Tensor dx, Tensor dy, Tensor y) {
        ReferenceActivations.softmaxBackward(dx, dy, y, true);
    }
}
