package dev.mnemo.train;

import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import dev.mnemo.tensor.Tensor;

/**
 * A training objective: a scalar {@link Variable} from the model's output and the targets.
 *
 * <p>Outputs may be per sample {@code [B, ...]} or per step {@code [B, T, ...]}; for per-step
 * outputs that carry sequence lengths, padded steps are excluded from the loss and its mean
 * (the loss averages over valid steps only). See {@link Losses} for the implementations.
 */
public interface Loss {
    /** The mean loss over valid rows, a one-element variable. */
    Variable compute(Tape tape, Variable output, Tensor target);

    /** A short name for logs and history files, e.g. {@code sparse_categorical_crossentropy}. */
    String name();
}
