package dev.mnemo.optim;

import dev.mnemo.autograd.Parameter;
import dev.mnemo.tensor.Tensor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * RMSprop (Hinton, lecture 6e; centered variant from Graves 2013), matching
 * <a href="https://pytorch.org/docs/stable/generated/torch.optim.RMSprop.html">torch.optim.RMSprop</a>.
 * For learning rate γ, smoothing α, ε, weight decay λ and momentum μ:
 *
 * <pre>
 * g = ∇θ + λ θ
 * v ← α v + (1 − α) g²                  mean square
 * a ← α a + (1 − α) g                   mean gradient, centered only
 * d = √(v − a²) + ε   if centered,  else  d = √v + ε
 * b ← μ b + g / d,  θ ← θ − γ b         if μ &gt; 0
 * θ ← θ − γ g / d                       otherwise
 * </pre>
 *
 * The one departure from torch: in the centered form {@code v − a²}, which is never negative in
 * exact arithmetic, is clamped at 0, so float rounding cannot make it the square root of a
 * negative number (NaN in torch). Build it with {@link Optimizer#rmsprop(double)}.
 */
public final class RMSprop extends StatefulOptimizer {
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT;

    private final double alpha;
    private final double eps;
    private final double momentum;
    private final boolean centered;
    private final int meanSlot;
    private final int momentumSlot;

    private RMSprop(Builder b) {
        super(b, bufferNames(b));
        this.alpha = b.alpha;
        this.eps = b.eps;
        this.momentum = b.momentum;
        this.centered = b.centered;
        this.meanSlot = slot("grad_avg");
        this.momentumSlot = slot("momentum_buffer");
    }

    private static List<String> bufferNames(Builder b) {
        List<String> names = new ArrayList<>(List.of("square_avg"));
        if (b.centered) {
            names.add("grad_avg");
        }
        if (b.momentum > 0) {
            names.add("momentum_buffer");
        }
        return names;
    }

    @Override
    void update(Parameter p, Tensor[] buffers, int step, double lr, double weightDecay) {
        MemorySegment w = p.value().segment();
        MemorySegment g = p.grad().segment();
        MemorySegment v = buffers[0].segment();
        MemorySegment a = centered ? buffers[meanSlot].segment() : null;
        MemorySegment b = momentum > 0 ? buffers[momentumSlot].segment() : null;
        long n = p.size();
        for (long i = 0; i < n; i++) {
            double wi = w.getAtIndex(F, i);
            double gi = g.getAtIndex(F, i) + weightDecay * wi;
            double vi = alpha * v.getAtIndex(F, i) + (1 - alpha) * gi * gi;
            v.setAtIndex(F, i, (float) vi);
            double variance = vi;
            if (centered) {
                double ai = alpha * a.getAtIndex(F, i) + (1 - alpha) * gi;
                a.setAtIndex(F, i, (float) ai);
                variance = Math.max(0, vi - ai * ai);
            }
            double scaled = gi / (Math.sqrt(variance) + eps);
            if (momentum > 0) {
                scaled = momentum * b.getAtIndex(F, i) + scaled;
                b.setAtIndex(F, i, (float) scaled);
            }
            w.setAtIndex(F, i, (float) (wi - lr * scaled));
        }
    }

    @Override
    public String toString() {
        return "RMSprop(lr=" + learningRate() + ", alpha=" + alpha + ", eps=" + eps + ", weightDecay=" + weightDecay()
                + ", momentum=" + momentum + ", centered=" + centered + ")";
    }

    /** Hyperparameters of {@link RMSprop}; defaults are torch's. */
    public static final class Builder extends OptimizerBuilder<Builder> {
        private double alpha = 0.99;
        private double eps = 1e-8;
        private double momentum;
        private boolean centered;

        Builder(double learningRate) {
            super("RMSprop", learningRate, 0);
        }

        /** Smoothing constant α in [0, 1) of the running averages. */
        public Builder alpha(double alpha) {
            this.alpha = alpha;
            return this;
        }

        /** ε ≥ 0 added to the denominator. */
        public Builder eps(double eps) {
            this.eps = eps;
            return this;
        }

        /** Momentum μ ≥ 0 (0 = none). */
        public Builder momentum(double momentum) {
            this.momentum = momentum;
            return this;
        }

        /** Normalise by the estimated variance instead of the mean square. */
        public Builder centered(boolean centered) {
            this.centered = centered;
            return this;
        }

        @Override
        public RMSprop build() {
            checkShared();
            Check.unitOpen("RMSprop", "alpha", alpha);
            Check.nonNegative("RMSprop", "eps", eps);
            Check.nonNegative("RMSprop", "momentum", momentum);
            return new RMSprop(this);
        }
    }
}
