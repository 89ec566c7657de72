package dev.mnemo.train;

import dev.mnemo.autograd.Variable;
import dev.mnemo.tensor.Tensor;

/**
 * A running evaluation measure over batches, e.g. accuracy. Padded steps of sequence outputs
 * are skipped, as in the losses. See {@link Metrics}.
 */
public interface Metric {
    /** Name used in logs, e.g. {@code accuracy}. */
    String name();

    /** Adds one batch: model output and targets as given to the loss. */
    void update(Variable output, Tensor target);

    /** The value over everything since the last {@link #reset()}. */
    double result();

    /** Starts over. */
    void reset();
}
