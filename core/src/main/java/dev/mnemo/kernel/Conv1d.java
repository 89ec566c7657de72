package dev.mnemo.kernel;

import dev.mnemo.tensor.Tensor;

/** Views 1-D convolution operands {@code [A, B, L]} as 2-D ones {@code [A, B, 1, L]}. */
final class Conv1d {
    private Conv1d() {}

    static Tensor as2d(Tensor t) {
        if (t.rank() != 3) {
            throw new IllegalArgumentException("conv1d operands must have rank 3 ([N, C, L] or [K, C, S]), got " + t);
        }
        return t.view(t.dim(0), t.dim(1), 1, t.dim(2));
    }
}
