package dev.mnemo.autograd;

import dev.mnemo.tensor.Tensor;

/**
 * Layer normalisation over the last axis (Ba et al. 2016; {@code torch.nn.functional.layer_norm}
 * with {@code normalized_shape = [D]}), written as plain loops in the style of llm.c's
 * {@code layernorm_forward/backward}. For each row {@code x} of D values:
 * <pre>
 *   μ = (1/D) Σ x_j      σ² = (1/D) Σ (x_j - μ)²   (biased, as PyTorch)      rstd = 1 / √(σ² + eps)
 *   x̂_j = (x_j - μ) · rstd       y_j = γ_j x̂_j + β_j
 * </pre>
 * Backward, with {@code g_j = dy_j γ_j}:
 * <pre>
 *   dx_j = rstd · (g_j - mean(g) - x̂_j · mean(g ⊙ x̂))     dγ_j += Σ_rows dy_j x̂_j     dβ_j += Σ_rows dy_j
 * </pre>
 */
public final class LayerNormOps {
    private LayerNormOps() {}

    /**
     * @param x     [..., D]; sequence lengths are kept
     * @param gamma [D] scale, or null (no affine transform)
     * @param beta  [D] shift, or null
     * @param eps   added to the variance, e.g. 1e-5 (PyTorch's default)
     * @return [..., D]
     */
    public static Variable layerNorm(Tape tape, Variable x, Variable gamma, Variable beta, float eps) {
        int[] xs = x.shape();
        if (xs.length == 0 || xs[xs.length - 1] < 1) {
            throw new IllegalArgumentException("layerNorm: x needs a positive last axis, got " + x.value());
        }
        int d = xs[xs.length - 1];
        for (Variable p : new Variable[] {gamma, beta}) {
            if (p != null && !p.value().hasShape(d)) {
                throw new IllegalArgumentException("layerNorm: gamma and beta must be [" + d + "] (the last axis of "
                        + x.value() + "), got " + p.value());
            }
        }
        int rows = (int) (x.value().size() / d);
        Tensor xv = x.value(), y = tape.zeros(xs);
        float[] mean = new float[rows], rstd = new float[rows];
        for (int r = 0; r < rows; r++) {
            long base = (long) r * d;
            double sum = 0;
            for (int j = 0; j < d; j++) {
                sum += xv.get(base + j);
            }
            double mu = sum / d, squares = 0;
            for (int j = 0; j < d; j++) {
                double c = xv.get(base + j) - mu;
                squares += c * c;
            }
            mean[r] = (float) mu;
            rstd[r] = (float) (1.0 / Math.sqrt(squares / d + eps));
            for (int j = 0; j < d; j++) {
                float xhat = (xv.get(base + j) - mean[r]) * rstd[r];
                y.set(base + j, xhat * scaleAt(gamma, j) + (beta == null ? 0f : beta.value().get(j)));
            }
        }
        return tape.result(y, x.lengths(), gy -> {
            Tensor gx = tape.grad(x), gGamma = tape.grad(gamma), gBeta = tape.grad(beta);
            float[] xhat = new float[d], g = new float[d];
            for (int r = 0; r < rows; r++) {
                long base = (long) r * d;
                double meanG = 0, meanGXhat = 0;
                for (int j = 0; j < d; j++) {
                    float dy = gy.get(base + j);
                    xhat[j] = (xv.get(base + j) - mean[r]) * rstd[r];
                    g[j] = dy * scaleAt(gamma, j);
                    meanG += g[j];
                    meanGXhat += g[j] * xhat[j];
                    if (gGamma != null) {
                        gGamma.add(j, dy * xhat[j]);
                    }
                    if (gBeta != null) {
                        gBeta.add(j, dy);
                    }
                }
                meanG /= d;
                meanGXhat /= d;
                if (gx != null) {
                    for (int j = 0; j < d; j++) {
                        gx.add(base + j, (float) (rstd[r] * (g[j] - meanG - xhat[j] * meanGXhat)));
                    }
                }
            }
        }, x, gamma, beta);
    }

    private static float scaleAt(Variable gamma, int j) {
        return gamma == null ? 1f : gamma.value().get(j);
    }
}
