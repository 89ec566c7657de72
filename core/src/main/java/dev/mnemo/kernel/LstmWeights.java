package dev.mnemo.kernel;

import dev.mnemo.tensor.Tensor;

/**
 * The parameters of one LSTM direction, in PyTorch's layout so a {@code torch.nn.LSTM}
 * state_dict loads directly: gate blocks stacked in the order i, f, g, o.
 *
 * <p>The same record carries the gradients in backward ops.
 *
 * @param wIh input-to-hidden weights {@code [4H, I]} ({@code weight_ih_l0})
 * @param wHh hidden-to-hidden weights {@code [4H, H]} ({@code weight_hh_l0})
 * @param bIh input bias {@code [4H]} ({@code bias_ih_l0})
 * @param bHh hidden bias {@code [4H]} ({@code bias_hh_l0})
 * @param wCi peephole from the previous cell to the input gate {@code [H]}, or {@code null}
 * @param wCf peephole from the previous cell to the forget gate {@code [H]}, or {@code null}
 * @param wCo peephole from the new cell to the output gate {@code [H]}, or {@code null}
 */
public record LstmWeights(Tensor wIh, Tensor wHh, Tensor bIh, Tensor bHh, Tensor wCi, Tensor wCf, Tensor wCo) {

    /** Weights of the peephole-free LSTM (the {@code torch.nn.LSTM} cell). */
    public static LstmWeights withoutPeepholes(Tensor wIh, Tensor wHh, Tensor bIh, Tensor bHh) {
        return new LstmWeights(wIh, wHh, bIh, bHh, null, null, null);
    }

    /** Whether the peephole vectors are present (all three, or none). */
    public boolean hasPeepholes() {
        return wCi != null;
    }

    /** Hidden size H. */
    public int hiddenSize() {
        return wHh.dim(1);
    }

    /** Input size I. */
    public int inputSize() {
        return wIh.dim(1);
    }
}
