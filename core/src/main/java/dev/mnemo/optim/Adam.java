package dev.mnemo.optim;

import dev.mnemo.autograd.Parameter;
import dev.mnemo.tensor.Tensor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * Adam (Kingma &amp; Ba, 2015) and AdamW (Loshchilov &amp; Hutter, 2019), matching
 * <a href="https://pytorch.org/docs/stable/generated/torch.optim.Adam.html">torch.optim.Adam</a> and
 * <a href="https://pytorch.org/docs/stable/generated/torch.optim.AdamW.html">torch.optim.AdamW</a>
 * (which differ only in how weight decay λ applies). For learning rate γ, betas β1, β2 and ε, at
 * the parameter's step t:
 *
 * <pre>
 * θ ← θ (1 − γ λ)                       AdamW only (decoupled weight decay)
 * g = ∇θ + λ θ                          Adam only (L2 penalty); AdamW uses g = ∇θ
 * m ← β1 m + (1 − β1) g                 first moment
 * v ← β2 v + (1 − β2) g²                second moment
 * v̂ ← max(v̂, v)                         AMSGrad only; the denominator then uses v̂ instead of v
 * θ ← θ − (γ / (1 − β1ᵗ)) · m / (√v / √(1 − β2ᵗ) + ε)
 * </pre>
 *
 * Build it with {@link Optimizer#adam(double)} or {@link Optimizer#adamW(double)}.
 */
public final class Adam extends StatefulOptimizer {
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT;

    private final double beta1;
    private final double beta2;
    private final double eps;
    private final boolean decoupled;
    private final boolean amsgrad;

    private Adam(Builder b) {
        super(b, b.amsgrad ? List.of("exp_avg", "exp_avg_sq", "max_exp_avg_sq")
                : List.of("exp_avg", "exp_avg_sq"));
        this.beta1 = b.beta1;
        this.beta2 = b.beta2;
        this.eps = b.eps;
        this.decoupled = b.decoupled;
        this.amsgrad = b.amsgrad;
    }

    @Override
    void update(Parameter p, Tensor[] buffers, int step, double lr, double weightDecay) {
        MemorySegment w = p.value().segment();
        MemorySegment g = p.grad().segment();
        MemorySegment m = buffers[0].segment();
        MemorySegment v = buffers[1].segment();
        MemorySegment vMax = amsgrad ? buffers[2].segment() : null;
        double shrink = decoupled ? 1 - lr * weightDecay : 1;
        double l2 = decoupled ? 0 : weightDecay;
        double stepSize = lr / (1 - Math.pow(beta1, step));
        double rootCorrection2 = Math.sqrt(1 - Math.pow(beta2, step));
        long n = p.size();
        for (long i = 0; i < n; i++) {
            double wi = w.getAtIndex(F, i) * shrink;
            double gi = g.getAtIndex(F, i) + l2 * wi;
            double mi = beta1 * m.getAtIndex(F, i) + (1 - beta1) * gi;
            double vi = beta2 * v.getAtIndex(F, i) + (1 - beta2) * gi * gi;
            m.setAtIndex(F, i, (float) mi);
            v.setAtIndex(F, i, (float) vi);
            if (amsgrad) {
                vi = Math.max(vMax.getAtIndex(F, i), vi);
                vMax.setAtIndex(F, i, (float) vi);
            }
            w.setAtIndex(F, i, (float) (wi - stepSize * mi / (Math.sqrt(vi) / rootCorrection2 + eps)));
        }
    }

    @Override
    public String toString() {
        return (decoupled ? "AdamW" : "Adam") + "(lr=" + learningRate() + ", betas=(" + beta1 + ", " + beta2
                + "), eps=" + eps + ", weightDecay=" + weightDecay() + ", amsgrad=" + amsgrad + ")";
    }

    /** Hyperparameters of {@link Adam}/AdamW; defaults are torch's. */
    public static final class Builder extends OptimizerBuilder<Builder> {
        private final boolean decoupled;
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double eps = 1e-8;
        private boolean amsgrad;

        Builder(double learningRate, boolean decoupled) {
            super(decoupled ? "AdamW" : "Adam", learningRate, decoupled ? 0.01 : 0);
            this.decoupled = decoupled;
        }

        /** Decay rates of the first and second moments, each in [0, 1). */
        public Builder betas(double beta1, double beta2) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            return this;
        }

        /** ε ≥ 0 added to the denominator. */
        public Builder eps(double eps) {
            this.eps = eps;
            return this;
        }

        /** Use the maximum of all second moments so far (AMSGrad, Reddi et al. 2018). */
        public Builder amsgrad(boolean amsgrad) {
            this.amsgrad = amsgrad;
            return this;
        }

        @Override
        public Adam build() {
            checkShared();
            Check.unitOpen(kind, "beta1", beta1);
            Check.unitOpen(kind, "beta2", beta2);
            Check.nonNegative(kind, "eps", eps);
            return new Adam(this);
        }
    }
}
