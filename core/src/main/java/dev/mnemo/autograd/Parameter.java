package dev.mnemo.autograd;

import dev.mnemo.tensor.Tensor;

/**
 * A trainable tensor and its gradient, both owned by the model's long-lived scope. Layers
 * create parameters; the tape accumulates into {@link #grad()} during backward; optimizers read
 * the gradient and update {@link #value()} in place.
 *
 * @param name  a path unique within the model, e.g. {@code lstm_1.weight_ih_l0} (PyTorch naming)
 * @param value the current value
 * @param grad  the gradient, same shape as {@code value}; zeroed at the start of each step
 */
public record Parameter(String name, Tensor value, Tensor grad) {
    public Parameter {
        if (!value.hasShape(grad.shape())) {
            throw new IllegalArgumentException("parameter " + name + ": value " + value + " and grad " + grad
                    + " must have the same shape");
        }
    }

    /** Sets the gradient to zero. */
    public void zeroGrad() {
        grad.fill(0f);
    }

    /** Number of scalars. */
    public long size() {
        return value.size();
    }
}
