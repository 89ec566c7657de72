package dev.mnemo.optim;

import dev.mnemo.autograd.Parameter;
import dev.mnemo.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Updates parameters in place from their gradients, the way {@code torch.optim} does.
 *
 * <pre>{@code
 * try (Optimizer opt = Optimizer.adamW(1e-3).weightDecay(0.01).build()) {
 *     for (...) {
 *         // forward, backward: every parameter's grad() now holds dLoss/dValue
 *         GradientClipping.byGlobalNorm(params, 1.0);
 *         opt.step(params);
 *     }
 * }                                                 // frees the moment buffers
 * }</pre>
 *
 * <p>Per-parameter state (momentum, moments) is created on a parameter's first step, keyed by the
 * {@link Parameter} instance (identity, not equality): pass the same instances every step. State
 * lives in native memory owned by the optimizer and is freed by {@link #close()}. The update of
 * each element is computed in double and stored as float32. An optimizer is not thread-safe.
 *
 * <p>Factories return builders ({@link OptimizerBuilder}) preset to the torch defaults, with
 * weight decay and {@code excludeFromWeightDecay(predicate)} shared by all; {@code build()}
 * checks every argument and names the one that is out of range.
 */
public interface Optimizer extends AutoCloseable {

    /**
     * Applies one update to each parameter from its current gradient. Parameters not in the list
     * keep their state untouched. The gradients are read, never modified.
     *
     * @throws IllegalArgumentException if a parameter appears twice in the list
     * @throws IllegalStateException    if the optimizer is closed
     */
    void step(List<Parameter> params);

    /** The learning rate the next {@link #step} uses. */
    double learningRate();

    /**
     * Sets the learning rate for the following steps (schedules and {@link ReduceLROnPlateau} call
     * this); the state built so far is kept, as when torch's {@code param_group["lr"]} changes.
     *
     * @throws IllegalArgumentException if {@code rate} is negative, NaN or infinite
     */
    void setLearningRate(double rate);

    /**
     * The rate the optimizer was built with: the {@code baseRate} a {@link LearningRateSchedule}
     * scales. Neither {@link #setLearningRate} nor {@link #loadState} changes it.
     */
    double initialLearningRate();

    /** Number of completed {@link #step} calls. */
    int iterations();

    /**
     * The state for a checkpoint: per-parameter buffers and step counts, the learning rate and
     * the iteration count (format in {@link OptimizerState}). Restoring it with
     * {@link #loadState} into a fresh optimizer of the same configuration continues training
     * with bit-identical numbers.
     */
    OptimizerState state();

    /**
     * Replaces the state of {@code params} (matched by {@link Parameter#name()}) with the one in
     * {@code tensors} and {@code metadata}, and restores the learning rate and iteration count.
     * Listed parameters without saved state start afresh; parameters not listed keep theirs.
     * Everything is checked before anything changes.
     *
     * @throws IllegalArgumentException if the state is from another kind of optimizer or another
     *                                  configuration of buffers, or a tensor is missing or has a
     *                                  shape other than its parameter's; the message names it
     */
    void loadState(List<Parameter> params, Map<String, Tensor> tensors, Map<String, String> metadata);

    /** Frees the per-parameter state. Further steps throw {@link IllegalStateException}. */
    @Override
    void close();

    /** Stochastic gradient descent ({@link SGD}) with the given learning rate; no momentum by default. */
    static SGD.Builder sgd(double learningRate) {
        return new SGD.Builder(learningRate);
    }

    /** {@link Adam} with L2 weight decay (torch.optim.Adam); defaults betas (0.9, 0.999), eps 1e-8. */
    static Adam.Builder adam(double learningRate) {
        return new Adam.Builder(learningRate, false);
    }

    /** {@link Adam} with decoupled weight decay (torch.optim.AdamW); default weight decay 0.01. */
    static Adam.Builder adamW(double learningRate) {
        return new Adam.Builder(learningRate, true);
    }

    /** {@link RMSprop} (torch.optim.RMSprop); defaults alpha 0.99, eps 1e-8, no momentum, not centered. */
    static RMSprop.Builder rmsprop(double learningRate) {
        return new RMSprop.Builder(learningRate);
    }
}
