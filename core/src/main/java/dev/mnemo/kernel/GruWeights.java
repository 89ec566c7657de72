package dev.mnemo.kernel;

import dev.mnemo.tensor.Tensor;

/**
 * The parameters of one GRU direction in PyTorch's layout: gate blocks stacked in the order
 * r (reset), z (update), n (new). The same record carries gradients in backward ops.
 *
 * @param wIh input-to-hidden weights {@code [3H, I]}
 * @param wHh hidden-to-hidden weights {@code [3H, H]}
 * @param bIh input bias {@code [3H]}
 * @param bHh hidden bias {@code [3H]}; its n block stays inside the reset product (see
 *            {@link KernelBackend#gruForward})
 */
public record GruWeights(Tensor wIh, Tensor wHh, Tensor bIh, Tensor bHh) {
    /** Hidden size H. */
    public int hiddenSize() {
        return wHh.dim(1);
    }

    /** Input size I. */
    public int inputSize() {
        return wIh.dim(1);
    }
}
