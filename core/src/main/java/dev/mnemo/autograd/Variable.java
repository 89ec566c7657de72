package dev.mnemo.autograd;

import dev.mnemo.tensor.Tensor;
import java.util.Arrays;

/**
 * A value on a {@link Tape}: a tensor, its gradient (allocated on first use during backward),
 * whether gradients flow into it, and, for batch-first sequences {@code [B, T, ...]}, the
 * number of valid steps of each sample (right padding), which layers pass on so masks
 * propagate.
 */
public final class Variable {
    private final Tensor value;
    private final boolean requiresGrad;
    private final int[] lengths;
    private Tensor grad;

    Variable(Tensor value, Tensor grad, boolean requiresGrad, int[] lengths) {
        this.value = value;
        this.grad = grad;
        this.requiresGrad = requiresGrad;
        this.lengths = lengths == null ? null : lengths.clone();
    }

    /** The value. */
    public Tensor value() {
        return value;
    }

    /** Shape of the value. */
    public int[] shape() {
        return value.shape();
    }

    /** Whether backward computes a gradient for this variable. */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Valid steps per sample for a batch-first sequence, or null (all steps valid / not a sequence). */
    public int[] lengths() {
        return lengths == null ? null : lengths.clone();
    }

    /** The gradient if backward has produced one, else null. */
    public Tensor gradOrNull() {
        return grad;
    }

    void setGrad(Tensor grad) {
        this.grad = grad;
    }

    @Override
    public String toString() {
        return "Variable" + Arrays.toString(value.shape()) + (requiresGrad ? " (grad)" : "")
                + (lengths == null ? "" : " lengths=" + Arrays.toString(lengths));
    }
}
