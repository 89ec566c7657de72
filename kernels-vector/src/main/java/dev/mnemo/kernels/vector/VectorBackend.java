package dev.mnemo.kernels.vector;

import dev.mnemo.kernel.Activation;
import dev.mnemo.kernel.ConvSpec;
import dev.mnemo.kernel.GruWeights;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.kernel.LstmWeights;
import dev.mnemo.kernel.PoolSpec;
import dev.mnemo.kernel.SeqOptions;
import dev.mnemo.kernels.vector.conv.Conv2d;
import dev.mnemo.kernels.vector.conv.Pool2d;
import dev.mnemo.kernels.vector.gemm.Gemm;
import dev.mnemo.kernels.vector.ops.Activations;
import dev.mnemo.kernels.vector.ops.Elementwise;
import dev.mnemo.kernels.vector.ops.Softmax;
import dev.mnemo.kernels.vector.parallel.WorkerPool;
import dev.mnemo.kernels.vector.rnn.Gru;
import dev.mnemo.kernels.vector.rnn.Lstm;
import dev.mnemo.tensor.Tensor;

/**
 * The kernel SPI with the Vector API and the backend's own thread pool. Each op family lives in
 * its own class; this class only routes.
 */
public final class VectorBackend implements KernelBackend {
    /** Name used to select this backend. */
    public static final String NAME = "vector";

    private final WorkerPool pool;

    /** A backend whose parallel regions run on {@code threads} threads. */
    public VectorBackend(int threads) {
        this.pool = new WorkerPool(threads);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int threads() {
        return pool.threads();
    }

    /** Ends the worker threads; parallel ops fail afterwards. */
    @Override
    public void close() {
        pool.close();
    }

    @Override
    public void gemm(Tensor c, Tensor a, boolean transA, Tensor b, boolean transB, float alpha, float beta) {
        Gemm.gemm(pool, c, a, transA, b, transB, alpha, beta);
    }

    @Override
    public long lstmWorkspaceSize(int steps, int batch, int input, int hidden) {
        return Lstm.workspaceSize(steps, batch, hidden);
    }

    @Override
    public void lstmForward(Tensor y, Tensor hN, Tensor cN, Tensor workspace,
                            Tensor x, Tensor h0, Tensor c0, LstmWeights w, SeqOptions seq) {
        Lstm.forward(pool, y, hN, cN, workspace, x, h0, c0, w, seq);
    }

    @Override
    public void lstmBackward(Tensor dx, Tensor dh0, Tensor dc0, LstmWeights dw, Tensor dy, Tensor dhN, Tensor dcN,
                             Tensor x, Tensor h0, Tensor c0, LstmWeights w, SeqOptions seq, Tensor y, Tensor workspace) {
        Lstm.backward(pool, dx, dh0, dc0, dw, dy, dhN, dcN, x, h0, c0, w, seq, y, workspace);
    }

    @Override
    public long gruWorkspaceSize(int steps, int batch, int input, int hidden) {
        return Gru.workspaceSize(steps, batch, hidden);
    }

    @Override
    public void gruForward(Tensor y, Tensor hN, Tensor workspace, Tensor x, Tensor h0, GruWeights w, SeqOptions seq) {
        Gru.forward(pool, y, hN, workspace, x, h0, w, seq);
    }

    @Override
    public void gruBackward(Tensor dx, Tensor dh0, GruWeights dw, Tensor dy, Tensor dhN,
                            Tensor x, Tensor h0, GruWeights w, SeqOptions seq, Tensor y, Tensor workspace) {
        Gru.backward(pool, dx, dh0, dw, dy, dhN, x, h0, w, seq, y, workspace);
    }

    @Override
    public void conv2dForward(Tensor y, Tensor x, Tensor w, Tensor bias, ConvSpec spec) {
        Conv2d.forward(pool, y, x, w, bias, spec);
    }

    @Override
    public void conv2dBackwardData(Tensor dx, Tensor dy, Tensor w, ConvSpec spec) {
        Conv2d.backwardData(pool, dx, dy, w, spec);
    }

    @Override
    public void conv2dBackwardWeights(Tensor dw, Tensor db, Tensor dy, Tensor x, ConvSpec spec) {
        Conv2d.backwardWeights(pool, dw, db, dy, x, spec);
    }

    @Override
    public void pool2dForward(Tensor y, Tensor x, PoolSpec spec) {
        Pool2d.forward(pool, y, x, spec);
    }

    @Override
    public void pool2dBackward(Tensor dx, Tensor dy, Tensor x, Tensor y, PoolSpec spec) {
        Pool2d.backward(pool, dx, dy, x, spec);
    }

    @Override
    public void activation(Activation f, Tensor y, Tensor x) {
        Activations.forward(f, y, x);
    }

    @Override
    public void activationBackward(Activation f, Tensor dx, Tensor dy, Tensor x, Tensor y) {
        Activations.backward(f, dx, dy, x, y);
    }

    @Override
    public void softmax(Tensor y, Tensor x) {
        Softmax.forward(y, x, false);
    }

    @Override
    public void logSoftmax(Tensor y, Tensor x) {
        Softmax.forward(y, x, true);
    }

    @Override
    public void softmaxBackward(Tensor dx, Tensor dy, Tensor y) {
        Softmax.backward(dx, dy, y, false);
    }

    @Override
    public void logSoftmaxBackward(Tensor dx, Tensor dy, Tensor y) {
        Softmax.backward(dx, dy, y, true);
    }

    @Override
    public void add(Tensor out, Tensor a, Tensor b) {
        Elementwise.add(out, a, b);
    }

    @Override
    public void mul(Tensor out, Tensor a, Tensor b) {
        Elementwise.mul(out, a, b);
    }

    @Override
    public void axpy(float alpha, Tensor x, Tensor y) {
        Elementwise.axpy(alpha, x, y);
    }

    @Override
    public void scale(Tensor x, float alpha) {
        Elementwise.scale(x, alpha);
    }

    @Override
    public void addRowVector(Tensor y, Tensor bias) {
        Elementwise.addRowVector(y, bias);
    }

    @Override
    public void sumRows(Tensor out, Tensor x) {
        Elementwise.sumRows(out, x);
    }

    @Override
    public double sumOfSquares(Tensor x) {
        return Elementwise.sumOfSquares(x);
    }
}
