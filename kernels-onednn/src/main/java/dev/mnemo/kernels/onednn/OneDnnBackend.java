package dev.mnemo.kernels.onednn;

import dev.mnemo.kernel.Activation;
import dev.mnemo.kernel.CloseWait;
import dev.mnemo.kernel.ConvSpec;
import dev.mnemo.kernel.GruWeights;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.kernel.LstmWeights;
import dev.mnemo.kernel.PoolSpec;
import dev.mnemo.kernel.SeqOptions;
import dev.mnemo.tensor.Tensor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The kernel SPI on oneDNN. Which op runs how:
 * <ul>
 *   <li>GEMM: {@code dnnl_sgemm} on the tensors' memory ({@link DnnlGemm}).</li>
 *   <li>LSTM (with or without peepholes) and GRU: oneDNN's {@code vanilla_lstm} and
 *       {@code lbr_gru} RNN primitives, forward and backward, with length grouping for masks
 *       ({@link DnnlRnn}).</li>
 *   <li>Convolution, pooling, activations, softmax: oneDNN primitives ({@link DnnlConv},
 *       {@link DnnlPool}, {@link DnnlActivations}).</li>
 *   <li>{@code add, mul, axpy, scale, addRowVector, sumRows, sumOfSquares}: the SPI's plain-Java
 *       defaults, on the calling thread, outside the oneDNN lock.</li>
 * </ul>
 * Every native call runs under the process-wide oneDNN lock with this backend's OpenMP thread
 * count, so two callers never run competing OpenMP teams. Primitives are cached by shape per
 * backend instance; scratch memory is reused between calls.
 *
 * <p><b>Masks and their cost.</b> oneDNN's RNN primitive has no per-sample lengths, so a
 * variable-length batch runs as one RNN per distinct length ({@link LengthGroups}): exact
 * outputs, final states and gradients, no padded step computed, but one primitive call per
 * distinct length on a smaller batch (smaller GEMMs, lower efficiency) plus a gather/scatter copy
 * of the group's inputs, outputs and gradients. Equal lengths cost nothing extra.
 *
 * <p><b>Training workspace.</b> {@link #lstmWorkspaceSize} is oneDNN's own workspace (gates, all
 * h and c states and a copy of the input: about 15·T·B·H floats at I ≤ H, 3× the reference
 * backend's) plus the final states; see {@link DnnlRnn#workspaceFloats} for inputs wider than the
 * hidden state.
 *
 * <p><b>Measured</b> (JMH, 2 threads, same run, {@code OneDnnOverheadBenchmark}): GEMM 1024³ at
 * 0.98–1.00× the time of raw {@code dnnl_sgemm}; LSTM B64 T50 I128 H256 forward 1.03× and
 * forward+backward 1.05× the raw primitive's time; batch 1 forward 1.33× (the weight-change check).
 */
final class OneDnnBackend implements KernelBackend {
    private final DnnlRuntime rt;
    private final int threads;
    private final PrimitiveCache cache = new PrimitiveCache();
    private final Scratch scratch = new Scratch();
    private final WeightCache weights;
    private boolean closed;
    private final DnnlActivations activations;
    private final DnnlPool pool;
    private final DnnlConv conv;
    private final DnnlRnn rnn;

    OneDnnBackend(DnnlRuntime rt, int threads) {
        this.rt = rt;
        this.threads = threads;
        Reorders reorders = new Reorders(rt, cache, scratch);
        weights = new WeightCache(reorders);
        DnnlAccumulate accumulate = new DnnlAccumulate(reorders);
        activations = new DnnlActivations(rt, cache, scratch, accumulate);
        pool = new DnnlPool(rt, cache, scratch, accumulate);
        conv = new DnnlConv(rt, cache, scratch, reorders, weights, accumulate);
        rnn = new DnnlRnn(rt, cache, scratch, reorders, weights, accumulate);
    }

    @Override
    public String name() {
        return OneDnnProvider.NAME;
    }

    @Override
    public int threads() {
        return threads;
    }

    /**
     * Frees the cached primitives, reordered weights and scratch memory; later calls fail. If a
     * kernel still runs after {@link CloseWait#MILLIS} (a thread stuck in one while the JVM exits),
     * nothing is freed: freeing a primitive in use would crash the process.
     */
    @Override
    public void close() {
        ReentrantLock lock = rt.lock();
        if (!CloseWait.acquire(lock)) {
            return;
        }
        try {
            if (!closed) {
                closed = true;
                cache.clear();
                weights.clear();
                scratch.free();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Primitives this backend holds now; for tests. */
    int primitivesHeld() {
        return cache.size();
    }

    /** Primitives created so far by this backend (cache misses); for tests. */
    long primitivesCreated() {
        return cache.creations();
    }

    /** Labels and implementations of the primitives this backend holds; for tests. */
    java.util.Map<String, String> implementations() {
        java.util.Map<String, String> m = new java.util.TreeMap<>();
        cache.primitives().forEach(p -> m.put(p.label, p.implementation));
        return m;
    }

    /** RNN backward passes that recomputed their forward (workspace too small); for tests. */
    long forwardRecomputes() {
        return rnn.forwardRecomputes();
    }

    /** RNN weight reorders run so far (weight-cache misses); for tests. */
    long weightReorders() {
        return rnn.weightReorders();
    }

    /** Runs {@code op} holding the oneDNN lock, with this backend's thread count and fresh scratch. */
    private void native_(Runnable op) {
        locked(() -> {
            op.run();
            return 0L;
        });
    }

    private long locked(LongSupplier op) {
        ReentrantLock lock = rt.lock();
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("this oneDNN backend was closed; get another from Backends");
            }
            OmpThreads.apply(threads);
            scratch.reset();
            cache.trim();
            return op.getAsLong();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void gemm(Tensor c, Tensor a, boolean transA, Tensor b, boolean transB, float alpha, float beta) {
        native_(() -> DnnlGemm.gemm(c, a, transA, b, transB, alpha, beta));
    }

    @Override
    public long lstmWorkspaceSize(int steps, int batch, int input, int hidden) {
        return locked(() -> rnn.workspaceFloats(RnnCell.LSTM, steps, batch, input, hidden));
    }

    @Override
    public void lstmForward(Tensor y, Tensor hN, Tensor cN, Tensor workspace,
                            Tensor x, Tensor h0, Tensor c0, LstmWeights w, SeqOptions seq) {
        native_(() -> rnn.forward(RnnCell.LSTM, y, hN, cN, workspace, x, h0, c0, RnnParams.of(w), seq));
    }

    @Override
    public void lstmBackward(Tensor dx, Tensor dh0, Tensor dc0, LstmWeights dw, Tensor dy, Tensor dhN, Tensor dcN,
                             Tensor x, Tensor h0, Tensor c0, LstmWeights w, SeqOptions seq, Tensor y, Tensor workspace) {
        native_(() -> rnn.backward(RnnCell.LSTM, dx, dh0, dc0, RnnParams.of(dw), dy, dhN, dcN, x, h0, c0,
                RnnParams.of(w), seq, y, workspace));
    }

    @Override
    public long gruWorkspaceSize(int steps, int batch, int input, int hidden) {
        return locked(() -> rnn.workspaceFloats(RnnCell.GRU, steps, batch, input, hidden));
    }

    @Override
    public void gruForward(Tensor y, Tensor hN, Tensor workspace, Tensor x, Tensor h0, GruWeights w, SeqOptions seq) {
        native_(() -> rnn.forward(RnnCell.GRU, y, hN, null, workspace, x, h0, null, RnnParams.of(w), seq));
    }

    @Override
    public void gruBackward(Tensor dx, Tensor dh0, GruWeights dw, Tensor dy, Tensor dhN,
                            Tensor x, Tensor h0, GruWeights w, SeqOptions seq, Tensor y, Tensor workspace) {
        native_(() -> rnn.backward(RnnCell.GRU, dx, dh0, null, RnnParams.of(dw), dy, dhN, null, x, h0, null,
                RnnParams.of(w), seq, y, workspace));
    }

    @Override
    public void conv2dForward(Tensor y, Tensor x, Tensor w, Tensor bias, ConvSpec spec) {
        native_(() -> conv.forward(y, x, w, bias, spec));
    }

    @Override
    public void conv2dBackwardData(Tensor dx, Tensor dy, Tensor w, ConvSpec spec) {
        native_(() -> conv.backwardData(dx, dy, w, spec));
    }

    @Override
    public void conv2dBackwardWeights(Tensor dw, Tensor db, Tensor dy, Tensor x, ConvSpec spec) {
        native_(() -> conv.backwardWeights(dw, db, dy, x, spec));
    }

    @Override
    public void pool2dForward(Tensor y, Tensor x, PoolSpec spec) {
        native_(() -> pool.forward(y, x, spec));
    }

    @Override
    public void pool2dBackward(Tensor dx, Tensor dy, Tensor x, Tensor y, PoolSpec spec) {
        native_(() -> pool.backward(dx, dy, x, spec));
    }

    @Override
    public void activation(Activation f, Tensor y, Tensor x) {
        native_(() -> activations.forward(f, y, x));
    }

    @Override
    public void activationBackward(Activation f, Tensor dx, Tensor dy, Tensor x, Tensor y) {
        native_(() -> activations.backward(f, dx, dy, x));
    }

    @Override
    public void softmax(Tensor y, Tensor x) {
        native_(() -> activations.softmax(y, x, false));
    }

    @Override
    public void logSoftmax(Tensor y, Tensor x) {
        native_(() -> activations.softmax(y, x, true));
    }

    @Override
    public void softmaxBackward(Tensor dx, Tensor dy, Tensor y) {
        native_(() -> activations.softmaxBackward(dx, dy, y, false));
    }

    @Override
    public void logSoftmaxBackward(Tensor dx, Tensor dy, Tensor y) {
        native_(() -> activations.softmaxBackward(dx, dy, y, true));
    }
}
