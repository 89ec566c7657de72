package dev.mnemo.autograd;

import dev.mnemo.tensor.Tensor;

/**
 * Batch normalisation over every axis but the channel axis 1 (Ioffe and Szegedy 2015;
 * {@code torch.nn.functional.batch_norm}), written as plain loops. For {@code x [B, C, S...]} each
 * channel {@code c} has {@code N = B · ΠS} values:
 * <pre>
 *   training pass:  μ_c, σ²_c = mean and biased variance of the N values; then, in place,
 *                   running_mean ← (1 − m) running_mean + m μ
 *                   running_var  ← (1 − m) running_var  + m σ² · N / (N − 1)    (unbiased, as PyTorch)
 *   inference pass: μ_c, σ²_c = running_mean_c, running_var_c
 *   rstd = 1 / √(σ² + eps)      x̂ = (x − μ) · rstd      y = γ_c x̂ + β_c
 * </pre>
 * Backward of a training pass (the statistics depend on x):
 * <pre>
 *   dβ_c += Σ dy      dγ_c += Σ dy · x̂      dx = γ_c · rstd / N · (N · dy − Σ dy − x̂ · Σ dy · x̂)
 * </pre>
 * and of an inference pass (the statistics are constants) {@code dx = γ_c · rstd · dy}.
 */
public final class BatchNormOps {
    private BatchNormOps() {}

    /**
     * @param x           [B, C, ...] with B ≥ 1 (B · ΠS ≥ 2 in a training pass, so a variance exists);
     *                    no sequence lengths: padding would count as data
     * @param gamma       [C] scale, or null (no affine transform)
     * @param beta        [C] shift, or null
     * @param runningMean [C], read in an inference pass, updated in a training pass
     * @param runningVar  [C], likewise
     * @param momentum    m in [0, 1]: the weight of the batch's statistics in the running ones (PyTorch 0.1)
     * @param eps         added to the variance (PyTorch 1e-5)
     * @return [B, C, ...]
     */
    public static Variable batchNorm(Tape tape, Variable x, Variable gamma, Variable beta, Tensor runningMean, Tensor runningVar,
            float momentum, float eps) {
        int[] xs = x.shape();
        if (xs.length < 2 || x.lengths() != null) {
            throw new IllegalArgumentException("batchNorm: x must be [B, C, ...] without sequence lengths (padding would count "
                    + "as data; use LayerNorm on sequences), got " + x.value() + (x.lengths() == null ? "" : " with lengths"));
        }
        int batch = xs[0], channels = xs[1];
        for (Object p : new Object[] {gamma == null ? null : gamma.value(), beta == null ? null : beta.value(), runningMean, runningVar}) {
            if (p != null && !((Tensor) p).hasShape(channels)) {
                throw new IllegalArgumentException("batchNorm: gamma, beta and the running statistics must be [" + channels
                        + "] (axis 1 of " + x.value() + "), got " + p);
            }
        }
        int spatial = (int) (x.value().size() / ((long) batch * channels));
        int count = batch * spatial;
        boolean training = tape.isTraining();
        if (training && count < 2) {
            throw new IllegalArgumentException("batchNorm: a training pass needs more than one value per channel to estimate "
                    + "a variance, got " + x.value() + "; use a batch of 2 or more");
        }
        float[] xv = x.value().toArray();
        float[] mean = new float[channels], rstd = new float[channels];
        for (int c = 0; c < channels; c++) {
            double mu, variance;
            if (training) {
                double sum = 0;
                for (int b = 0; b < batch; b++) {
                    int base = (b * channels + c) * spatial;
                    for (int s = 0; s < spatial; s++) {
                        sum += xv[base + s];
                    }
                }
                mu = sum / count;
                double squares = 0;
                for (int b = 0; b < batch; b++) {
                    int base = (b * channels + c) * spatial;
                    for (int s = 0; s < spatial; s++) {
                        double d = xv[base + s] - mu;
                        squares += d * d;
                    }
                }
                variance = squares / count;
                runningMean.set(c, (float) ((1 - momentum) * runningMean.get(c) + momentum * mu));
                runningVar.set(c, (float) ((1 - momentum) * runningVar.get(c) + momentum * variance * count / (count - 1)));
            } else {
                mu = runningMean.get(c);
                variance = runningVar.get(c);
            }
            mean[c] = (float) mu;
            rstd[c] = (float) (1.0 / Math.sqrt(variance + eps));
        }
        float[] xhat = new float[xv.length], yv = new float[xv.length];
        for (int b = 0; b < batch; b++) {
            for (int c = 0; c < channels; c++) {
                int base = (b * channels + c) * spatial;
                float m = mean[c], r = rstd[c], g = scaleAt(gamma, c), shift = beta == null ? 0f : beta.value().get(c);
                for (int s = base; s < base + spatial; s++) {
                    xhat[s] = (xv[s] - m) * r;
                    yv[s] = g * xhat[s] + shift;
                }
            }
        }
        Tensor y = tape.zeros(xs);
        y.copyFrom(yv);
        return tape.result(y, null, gy -> {
            float[] dy = gy.toArray();
            Tensor gx = tape.grad(x), gGamma = tape.grad(gamma), gBeta = tape.grad(beta);
            float[] dx = gx == null ? null : new float[dy.length];
            for (int c = 0; c < channels; c++) {
                double sumDy = 0, sumDyXhat = 0;
                for (int b = 0; b < batch; b++) {
                    int base = (b * channels + c) * spatial;
                    for (int s = base; s < base + spatial; s++) {
                        sumDy += dy[s];
                        sumDyXhat += dy[s] * xhat[s];
                    }
                }
                if (gGamma != null) {
                    gGamma.add(c, (float) sumDyXhat);
                }
                if (gBeta != null) {
                    gBeta.add(c, (float) sumDy);
                }
                if (dx != null) {
                    float k = scaleAt(gamma, c) * rstd[c];
                    float meanDy = training ? (float) (sumDy / count) : 0f, meanDyXhat = training ? (float) (sumDyXhat / count) : 0f;
                    for (int b = 0; b < batch; b++) {
                        int base = (b * channels + c) * spatial;
                        for (int s = base; s < base + spatial; s++) {
                            dx[s] = k * (dy[s] - meanDy - xhat[s] * meanDyXhat);
                        }
                    }
                }
            }
            if (gx != null) {
                Tensor delta = tape.zeros(xs);
                delta.copyFrom(dx);
                tape.kernels().add(gx, gx, delta);
            }
        }, x, gamma, beta);
    }

    private static float scaleAt(Variable gamma, int c) {
        return gamma == null ? 1f : gamma.value().get(c);
    }
}
