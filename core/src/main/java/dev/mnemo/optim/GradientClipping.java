package dev.mnemo.optim;

import dev.mnemo.autograd.Parameter;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * Gradient clipping, applied in place between backward and {@link Optimizer#step}, as
 * <a href="https://pytorch.org/docs/stable/generated/torch.nn.utils.clip_grad_norm_.html">torch
 * clip_grad_norm_</a> and
 * <a href="https://pytorch.org/docs/stable/generated/torch.nn.utils.clip_grad_value_.html">clip_grad_value_</a>
 * do. Sums are accumulated in double.
 */
public final class GradientClipping {
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT;

    /** Added to the norm before dividing, as torch does, so a zero norm is harmless. */
    static final double NORM_EPS = 1e-6;

    private GradientClipping() {}

    /** The 2-norm of all gradients taken together: {@code sqrt(Σ_p Σ_i grad_p[i]²)}. */
    public static double globalNorm(List<Parameter> params) {
        double sum = 0;
        for (Parameter p : params) {
            MemorySegment g = p.grad().segment();
            long n = p.size();
            for (long i = 0; i < n; i++) {
                double gi = g.getAtIndex(F, i);
                sum += gi * gi;
            }
        }
        return Math.sqrt(sum);
    }

    /**
     * Scales every gradient by {@code c = maxNorm / (norm + 1e-6)} when {@code c < 1}, so the
     * global norm becomes (just under) {@code maxNorm}; otherwise leaves them untouched. A
     * non-finite norm leaves the gradients untouched too, for the NaN guard to find
     * ({@link NonFiniteGradient#find}); torch would instead multiply them by NaN or 0.
     *
     * @return the global norm before clipping
     * @throws IllegalArgumentException if {@code maxNorm} is not a finite number &gt; 0
     */
    public static double byGlobalNorm(List<Parameter> params, double maxNorm) {
        Check.positive("GradientClipping", "maxNorm", maxNorm);
        double norm = globalNorm(params);
        double scale = maxNorm / (norm + NORM_EPS);
        if (Double.isFinite(norm) && scale < 1) {
            for (Parameter p : params) {
                MemorySegment g = p.grad().segment();
                long n = p.size();
                for (long i = 0; i < n; i++) {
                    g.setAtIndex(F, i, (float) (g.getAtIndex(F, i) * scale));
                }
            }
        }
        return norm;
    }

    /**
     * Clamps every gradient element to {@code [-limit, limit]}; NaN stays NaN.
     *
     * @throws IllegalArgumentException if {@code limit} is not a finite number &gt; 0
     */
    public static void byValue(List<Parameter> params, double limit) {
        Check.positive("GradientClipping", "limit", limit);
        float hi = (float) limit;
        float lo = -hi;
        for (Parameter p : params) {
            MemorySegment g = p.grad().segment();
            long n = p.size();
            for (long i = 0; i < n; i++) {
                g.setAtIndex(F, i, Math.min(hi, Math.max(lo, g.getAtIndex(F, i))));
            }
        }
    }
}
