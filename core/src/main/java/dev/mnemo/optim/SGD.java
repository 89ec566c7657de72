package dev.mnemo.optim;

import dev.mnemo.autograd.Parameter;
import dev.mnemo.tensor.Tensor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * Stochastic gradient descent with optional momentum, Nesterov momentum and L2 weight decay,
 * matching <a href="https://pytorch.org/docs/stable/generated/torch.optim.SGD.html">torch.optim.SGD</a>.
 * For learning rate γ, weight decay λ, momentum μ and dampening τ, at the parameter's step t:
 *
 * <pre>
 * g  = ∇θ + λ θ
 * b  = g                          if t = 1
 * b  = μ b + (1 − τ) g            otherwise          (momentum buffer, only when μ ≠ 0)
 * g  = g + μ b   if Nesterov,  else  g = b           (only when μ ≠ 0)
 * θ ← θ − γ g
 * </pre>
 *
 * Build it with {@link Optimizer#sgd(double)}.
 */
public final class SGD extends StatefulOptimizer {
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT;

    private final double momentum;
    private final double dampening;
    private final boolean nesterov;

    private SGD(Builder b) {
        super(b, b.momentum == 0 ? List.of() : List.of("momentum_buffer"));
        this.momentum = b.momentum;
        this.dampening = b.dampening;
        this.nesterov = b.nesterov;
    }

    @Override
    void update(Parameter p, Tensor[] buffers, int step, double lr, double weightDecay) {
        MemorySegment w = p.value().segment();
        MemorySegment g = p.grad().segment();
        long n = p.size();
        if (momentum == 0) {
            for (long i = 0; i < n; i++) {
                double wi = w.getAtIndex(F, i);
                double gi = g.getAtIndex(F, i) + weightDecay * wi;
                w.setAtIndex(F, i, (float) (wi - lr * gi));
            }
            return;
        }
        MemorySegment buf = buffers[0].segment();
        double keep = step == 1 ? 0 : momentum;
        double take = step == 1 ? 1 : 1 - dampening;
        for (long i = 0; i < n; i++) {
            double wi = w.getAtIndex(F, i);
            double gi = g.getAtIndex(F, i) + weightDecay * wi;
            double bi = keep * buf.getAtIndex(F, i) + take * gi;
            buf.setAtIndex(F, i, (float) bi);
            double direction = nesterov ? gi + momentum * bi : bi;
            w.setAtIndex(F, i, (float) (wi - lr * direction));
        }
    }

    @Override
    public String toString() {
        return "SGD(lr=" + learningRate() + ", momentum=" + momentum + ", dampening=" + dampening + ", nesterov="
                + nesterov + ", weightDecay=" + weightDecay() + ")";
    }

    /** Hyperparameters of {@link SGD}; defaults are torch's (all off). */
    public static final class Builder extends OptimizerBuilder<Builder> {
        private double momentum;
        private double dampening;
        private boolean nesterov;

        Builder(double learningRate) {
            super("SGD", learningRate, 0);
        }

        /** Momentum factor μ ≥ 0 (0 = plain SGD). */
        public Builder momentum(double momentum) {
            this.momentum = momentum;
            return this;
        }

        /** Dampening τ in [0, 1] of the gradient added to the momentum buffer. */
        public Builder dampening(double dampening) {
            this.dampening = dampening;
            return this;
        }

        /** Nesterov momentum; needs momentum &gt; 0 and dampening 0. */
        public Builder nesterov(boolean nesterov) {
            this.nesterov = nesterov;
            return this;
        }

        @Override
        public SGD build() {
            checkShared();
            Check.nonNegative("SGD", "momentum", momentum);
            Check.unitClosed("SGD", "dampening", dampening);
            if (nesterov && (momentum == 0 || dampening != 0)) {
                throw new IllegalArgumentException("SGD: nesterov needs momentum > 0 and dampening 0, got momentum "
                        + momentum + " and dampening " + dampening);
            }
            return new SGD(this);
        }
    }
}
