package dev.mnemo.optim;

import dev.mnemo.autograd.Parameter;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What every optimizer's builder shares: the learning rate (given to the factory in
 * {@link Optimizer}) and weight decay, which parameters can be excused from. Excluding biases
 * and normalisation gains is the usual recipe for AdamW, as in Keras'
 * {@code exclude_from_weight_decay} or a torch param group with {@code weight_decay=0}:
 *
 * <pre>{@code
 * Optimizer.adamW(3e-4).weightDecay(0.05).excludeFromWeightDecay(p -> p.name().endsWith("bias")).build();
 * }</pre>
 *
 * @param <B> the concrete builder, returned by every setter for chaining
 */
public abstract sealed class OptimizerBuilder<B extends OptimizerBuilder<B>>
        permits SGD.Builder, Adam.Builder, RMSprop.Builder {
    final String kind;
    final double learningRate;
    double weightDecay;
    Predicate<Parameter> excludedFromWeightDecay = p -> false;

    OptimizerBuilder(String kind, double learningRate, double weightDecay) {
        this.kind = kind;
        this.learningRate = learningRate;
        this.weightDecay = weightDecay;
    }

    /** Weight decay λ ≥ 0; each optimizer's Javadoc says how it applies (L2 penalty or decoupled). */
    public final B weightDecay(double weightDecay) {
        this.weightDecay = weightDecay;
        return self();
    }

    /** Parameters for which weight decay is 0, tested once, on a parameter's first step. */
    public final B excludeFromWeightDecay(Predicate<Parameter> excluded) {
        this.excludedFromWeightDecay = Objects.requireNonNull(excluded, "excluded");
        return self();
    }

    /** Checks every argument and builds the optimizer. */
    public abstract Optimizer build();

    /** Checks the shared arguments; {@link #build()} adds its own. */
    final void checkShared() {
        Check.nonNegative(kind, "learningRate", learningRate);
        Check.nonNegative(kind, "weightDecay", weightDecay);
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
