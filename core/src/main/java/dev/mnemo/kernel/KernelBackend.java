package dev.mnemo.kernel;

import dev.mnemo.tensor.Tensor;

/**
 * The kernel SPI: every heavy operation a layer needs, at the granularity of whole sequences
 * and whole batches so a backend can fuse (one GEMM for the input projection of all time steps,
 * one recurrent GEMM per step, gate nonlinearities in one pass).
 *
 * <p>Conventions, as in llm.c: outputs first, then inputs, then options. Forward ops overwrite
 * their outputs. <b>Backward ops accumulate</b> ({@code +=}) into their gradient arguments, so
 * gradients from several uses of a tensor add up; a {@code null} gradient argument means "not
 * needed" and is skipped. All tensors are float32, dense, row-major; sequences are time-major.
 *
 * <p>Shapes: B batch, T steps, I input size, H hidden size; N images, C input channels,
 * K output channels, H×W image, R×S kernel, P×Q output.
 *
 * <p>Implementations may assume arguments were validated: {@link Backends} wraps every backend
 * in a checker that rejects wrong shapes with {@link IllegalArgumentException} naming the op,
 * the argument and the shapes. The reference backend in {@code dev.mnemo.kernel.reference} is
 * the specification; core's conformance suite holds every backend to it.
 *
 * <p>A backend holds resources (worker threads, native primitives, reordered weights) until
 * {@link #close()}. {@link Backends#get(String)} hands out one shared instance per name and thread
 * count, closed when the JVM exits (closing it earlier does nothing); {@link Backends#create(String)}
 * gives a private one that its caller closes.
 */
public interface KernelBackend extends AutoCloseable {

    /** Short, stable name used for selection ({@code -Dmnemo.backend=NAME}). */
    String name();

    /** Number of threads this backend's parallel regions use. */
    int threads();

    /**
     * Releases the backend's threads and native caches. Idempotent. The backend must not be used
     * afterwards: one that held threads or native state fails with an {@link IllegalStateException}.
     * Backends without such resources (the reference one) have nothing to release.
     */
    @Override
    default void close() {
    }

    // ---------------------------------------------------------------- matrix multiply

    /**
     * General matrix multiply {@code C = alpha · op(A) · op(B) + beta · C}, where {@code op(X)}
     * is X or its transpose. {@code C} is {@code [M, N]}; {@code A} is {@code [M, K]} or, when
     * {@code transA}, {@code [K, M]}; {@code B} is {@code [K, N]} or, when {@code transB},
     * {@code [N, K]}. With {@code beta == 0} the old contents of C are ignored (even NaN).
     */
    void gemm(Tensor c, Tensor a, boolean transA, Tensor b, boolean transB, float alpha, float beta);

    // ---------------------------------------------------------------- LSTM

    /**
     * Number of floats of the workspace that {@link #lstmForward} fills in training mode and
     * {@link #lstmBackward} reads, for {@code x [T, B, I]} and hidden size H. The layout belongs to
     * the backend (oneDNN's grows with the input size I).
     */
    long lstmWorkspaceSize(int steps, int batch, int input, int hidden);

    /**
     * LSTM over a whole sequence (matches {@code torch.nn.LSTM}, plus optional peepholes as
     * Gers and Schmidhuber define them). For each valid step t of each sample:
     * <pre>
     *   a = W_ih x_t + b_ih + W_hh h_{t-1} + b_hh          (4H: blocks i, f, g, o)
     *   i = σ(a_i + w_ci ⊙ c_{t-1})     f = σ(a_f + w_cf ⊙ c_{t-1})     g = tanh(a_g)
     *   c_t = f ⊙ c_{t-1} + i ⊙ g
     *   o = σ(a_o + w_co ⊙ c_t)                           (the output peephole reads the new cell)
     *   h_t = o ⊙ tanh(c_t)
     * </pre>
     * Peephole terms are absent when {@code w.hasPeepholes()} is false.
     *
     * @param y         out {@code [T, B, H]}: h_t at valid steps, 0 at padded steps
     * @param hN        out {@code [B, H]} state after each sample's last valid step, or null
     * @param cN        out {@code [B, H]} cell after each sample's last valid step, or null
     * @param workspace out {@code [lstmWorkspaceSize(T, B, I, H)]} for backward, or null (inference)
     * @param x         in {@code [T, B, I]}
     * @param h0        in {@code [B, H]} initial state, or null for zeros
     * @param c0        in {@code [B, H]} initial cell, or null for zeros
     * @param w         weights ({@link LstmWeights})
     * @param seq       lengths and direction ({@link SeqOptions})
     */
    void lstmForward(Tensor y, Tensor hN, Tensor cN, Tensor workspace,
                     Tensor x, Tensor h0, Tensor c0, LstmWeights w, SeqOptions seq);

    /**
     * Backpropagation through time for {@link #lstmForward}, accumulating into the gradients.
     * Loss gradients may arrive through every output ({@code dy}), the final state
     * ({@code dhN}) and the final cell ({@code dcN}); any of them may be null.
     *
     * @param dx  out {@code [T, B, I]} (+=), or null
     * @param dh0 out {@code [B, H]} (+=), or null
     * @param dc0 out {@code [B, H]} (+=), or null
     * @param dw  out weight gradients (+=), peephole gradients present iff {@code w} has peepholes
     * @param dy  in {@code [T, B, H]} or null; entries at padded steps are ignored
     * @param dhN in {@code [B, H]} or null
     * @param dcN in {@code [B, H]} or null
     * @param x   the forward call's input (as are {@code h0}, {@code c0}, {@code w} and {@code seq})
     * @param y         the forward call's output
     * @param workspace the forward call's workspace
     */
    void lstmBackward(Tensor dx, Tensor dh0, Tensor dc0, LstmWeights dw,
                      Tensor dy, Tensor dhN, Tensor dcN,
                      Tensor x, Tensor h0, Tensor c0, LstmWeights w, SeqOptions seq,
                      Tensor y, Tensor workspace);

    // ---------------------------------------------------------------- GRU

    /** Floats of the workspace {@link #gruForward} fills in training mode, for {@code x [T, B, I]} and hidden size H. */
    long gruWorkspaceSize(int steps, int batch, int input, int hidden);

    /**
     * GRU over a whole sequence with PyTorch's semantics (the reset gate multiplies the hidden
     * projection after it is computed, "linear before reset"):
     * <pre>
     *   r = σ(W_ir x_t + b_ir + W_hr h_{t-1} + b_hr)
     *   z = σ(W_iz x_t + b_iz + W_hz h_{t-1} + b_hz)
     *   n = tanh(W_in x_t + b_in + r ⊙ (W_hn h_{t-1} + b_hn))
     *   h_t = (1 - z) ⊙ n + z ⊙ h_{t-1}
     * </pre>
     *
     * @param y         out {@code [T, B, H]}, 0 at padded steps
     * @param hN        out {@code [B, H]} final state, or null
     * @param workspace out {@code [gruWorkspaceSize(T, B, I, H)]}, or null (inference)
     * @param x         in {@code [T, B, I]}
     * @param h0        in {@code [B, H]}, or null for zeros
     */
    void gruForward(Tensor y, Tensor hN, Tensor workspace, Tensor x, Tensor h0, GruWeights w, SeqOptions seq);

    /** Backpropagation through time for {@link #gruForward}; same conventions as {@link #lstmBackward}. */
    void gruBackward(Tensor dx, Tensor dh0, GruWeights dw, Tensor dy, Tensor dhN,
                     Tensor x, Tensor h0, GruWeights w, SeqOptions seq, Tensor y, Tensor workspace);

    // ---------------------------------------------------------------- convolution

    /**
     * 2-D convolution (cross-correlation, {@code torch.nn.functional.conv2d}):
     * {@code y[n,k,p,q] = bias[k] + Σ_{c,r,s} w[k,c,r,s] · x[n, c, p·sh - ph + r·dh, q·sw - pw + s·dw]},
     * reading zeros outside the image.
     *
     * @param y    out {@code [N, K, P, Q]} with P, Q from {@link ConvSpec}
     * @param x    in {@code [N, C, H, W]}
     * @param w    in {@code [K, C, R, S]}
     * @param bias in {@code [K]}, or null
     */
    void conv2dForward(Tensor y, Tensor x, Tensor w, Tensor bias, ConvSpec spec);

    /** Gradient of {@link #conv2dForward} with respect to its input: {@code dx [N, C, H, W] +=}. */
    void conv2dBackwardData(Tensor dx, Tensor dy, Tensor w, ConvSpec spec);

    /**
     * Gradients of {@link #conv2dForward} with respect to weights {@code dw [K, C, R, S] +=} and
     * bias {@code db [K] +=} (db may be null).
     */
    void conv2dBackwardWeights(Tensor dw, Tensor db, Tensor dy, Tensor x, ConvSpec spec);

    /**
     * 1-D convolution ({@code torch.nn.functional.conv1d}): {@code x [N, C, L]},
     * {@code w [K, C, S]}, {@code y [N, K, Q]}; {@code spec} from {@link ConvSpec#of1d}. Runs as
     * a 2-D convolution of height 1.
     */
    default void conv1dForward(Tensor y, Tensor x, Tensor w, Tensor bias, ConvSpec spec) {
        conv2dForward(Conv1d.as2d(y), Conv1d.as2d(x), Conv1d.as2d(w), bias, spec);
    }

    /** Gradient of {@link #conv1dForward} with respect to its input ({@code +=}). */
    default void conv1dBackwardData(Tensor dx, Tensor dy, Tensor w, ConvSpec spec) {
        conv2dBackwardData(Conv1d.as2d(dx), Conv1d.as2d(dy), Conv1d.as2d(w), spec);
    }

    /** Gradients of {@link #conv1dForward} with respect to weights and bias ({@code +=}). */
    default void conv1dBackwardWeights(Tensor dw, Tensor db, Tensor dy, Tensor x, ConvSpec spec) {
        conv2dBackwardWeights(Conv1d.as2d(dw), db, Conv1d.as2d(dy), Conv1d.as2d(x), spec);
    }

    // ---------------------------------------------------------------- pooling

    /** Max or average pooling of {@code x [N, C, H, W]} into {@code y [N, C, P, Q]}. */
    void pool2dForward(Tensor y, Tensor x, PoolSpec spec);

    /**
     * Gradient of {@link #pool2dForward}: {@code dx [N, C, H, W] +=}. Max pooling routes each
     * output's gradient to the first position (row-major within the window) holding the maximum.
     */
    void pool2dBackward(Tensor dx, Tensor dy, Tensor x, Tensor y, PoolSpec spec);

    // ---------------------------------------------------------------- activations, softmax

    /** {@code y = f(x)} element-wise; y and x have the same shape and may be the same tensor. */
    void activation(Activation f, Tensor y, Tensor x);

    /** {@code dx += dy ⊙ f'(x)}, where {@code y = f(x)} from the forward call. */
    void activationBackward(Activation f, Tensor dx, Tensor dy, Tensor x, Tensor y);

    /** Softmax over the last axis: {@code y_j = exp(x_j - max x) / Σ_k exp(x_k - max x)}. */
    void softmax(Tensor y, Tensor x);

    /** Log-softmax over the last axis: {@code y_j = x_j - max x - log Σ_k exp(x_k - max x)}. */
    void logSoftmax(Tensor y, Tensor x);

    /** Gradient of {@link #softmax}: {@code dx += y ⊙ (dy - Σ_j dy_j y_j)} per row. */
    void softmaxBackward(Tensor dx, Tensor dy, Tensor y);

    /** Gradient of {@link #logSoftmax}: {@code dx += dy - exp(y) Σ_j dy_j} per row. */
    void logSoftmaxBackward(Tensor dx, Tensor dy, Tensor y);

    // ---------------------------------------------------------------- element-wise and reductions
    // Plain loops by default ({@link Elementwise}); a backend overrides what it does faster.

    /** {@code out = a + b} element-wise (same shapes; out may alias a or b). */
    default void add(Tensor out, Tensor a, Tensor b) {
        Elementwise.add(out, a, b);
    }

    /** {@code out = a ⊙ b} element-wise (same shapes; out may alias a or b). */
    default void mul(Tensor out, Tensor a, Tensor b) {
        Elementwise.mul(out, a, b);
    }

    /** {@code y += alpha · x} (same shapes). */
    default void axpy(float alpha, Tensor x, Tensor y) {
        Elementwise.axpy(alpha, x, y);
    }

    /** {@code x *= alpha} in place. */
    default void scale(Tensor x, float alpha) {
        Elementwise.scale(x, alpha);
    }

    /** Broadcast add of a row vector: {@code y[r, j] += bias[j]} for {@code y [R, J]}, {@code bias [J]}. */
    default void addRowVector(Tensor y, Tensor bias) {
        Elementwise.addRowVector(y, bias);
    }

    /** Column sums: {@code out[j] += Σ_r x[r, j]} for {@code x [R, J]}, {@code out [J]} (bias gradients), summed in double. */
    default void sumRows(Tensor out, Tensor x) {
        Elementwise.sumRows(out, x);
    }

    /** {@code Σ x_i²}, accumulated in double (for gradient-norm clipping). */
    default double sumOfSquares(Tensor x) {
        return Elementwise.sumOfSquares(x);
    }
}
