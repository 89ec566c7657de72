package dev.mnemo.autograd;

import dev.mnemo.tensor.Tensor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Batch normalisation over every axis but the channel axis 1 (Ioffe and Szegedy 2015;
 * {@code torch.nn.functional.batch_norm}), written as plain loops over one (sample, channel) plane at a time. For {@code x [B, C, S...]} each
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
        // Each (sample, channel) plane of S values is contiguous: the loops copy one plane at a time
        // into small arrays, so no array as large as x is ever allocated on the heap.
        Planes planes = new Planes(channels, spatial);
        float[] mean = new float[channels], rstd = new float[channels];
        for (int c = 0; c < channels; c++) {
            double mu, variance;
            if (training) {
                double sum = 0;
                for (int b = 0; b < batch; b++) {
                    sum += Planes.sum(planes.read(x.value(), b, c, planes.a));
                }
                mu = sum / count;
                double squares = 0;
                for (int b = 0; b < batch; b++) {
                    squares += Planes.squaredDeviations(planes.read(x.value(), b, c, planes.a), (float) mu);
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
        Tensor xhat = tape.zeros(xs), y = tape.zeros(xs);
        for (int b = 0; b < batch; b++) {
            for (int c = 0; c < channels; c++) {
                float[] in = planes.read(x.value(), b, c, planes.a), normalised = planes.b;
                float m = mean[c], r = rstd[c], g = scaleAt(gamma, c), shift = beta == null ? 0f : beta.value().get(c);
                for (int s = 0; s < spatial; s++) {
                    normalised[s] = (in[s] - m) * r;
                    in[s] = g * normalised[s] + shift;
                }
                planes.write(normalised, xhat, b, c);
                planes.write(in, y, b, c);
            }
        }
        return tape.result(y, null, gy -> {
            Tensor gx = tape.grad(x), gGamma = tape.grad(gamma), gBeta = tape.grad(beta);
            for (int c = 0; c < channels; c++) {
                double sumDy = 0, sumDyXhat = 0;
                for (int b = 0; b < batch; b++) {
                    float[] dy = planes.read(gy, b, c, planes.a);
                    sumDy += Planes.sum(dy);
                    sumDyXhat += Planes.dot(dy, planes.read(xhat, b, c, planes.b));
                }
                if (gGamma != null) {
                    gGamma.add(c, (float) sumDyXhat);
                }
                if (gBeta != null) {
                    gBeta.add(c, (float) sumDy);
                }
                if (gx == null) {
                    continue;
                }
                float k = scaleAt(gamma, c) * rstd[c];
                float meanDy = training ? (float) (sumDy / count) : 0f, meanDyXhat = training ? (float) (sumDyXhat / count) : 0f;
                for (int b = 0; b < batch; b++) {
                    float[] dy = planes.read(gy, b, c, planes.a), xh = planes.read(xhat, b, c, planes.b);
                    float[] dx = planes.read(gx, b, c, planes.c);
                    for (int s = 0; s < spatial; s++) {
                        dx[s] += k * (dy[s] - meanDy - xh[s] * meanDyXhat);
                    }
                    planes.write(dx, gx, b, c);
                }
            }
        }, x, gamma, beta);
    }

    /** Three scratch planes of S floats and the copies between them and a {@code [B, C, S]} tensor. */
    private static final class Planes {
        final int channels;
        final int spatial;
        final float[] a;
        final float[] b;
        final float[] c;

        Planes(int channels, int spatial) {
            this.channels = channels;
            this.spatial = spatial;
            this.a = new float[spatial];
            this.b = new float[spatial];
            this.c = new float[spatial];
        }

        /** Copies plane (sample, channel) of {@code t} into {@code into} and returns it. */
        float[] read(Tensor t, int sample, int channel, float[] into) {
            MemorySegment.copy(t.segment(), ValueLayout.JAVA_FLOAT, offset(sample, channel), into, 0, spatial);
            return into;
        }

        void write(float[] from, Tensor t, int sample, int channel) {
            MemorySegment.copy(from, 0, t.segment(), ValueLayout.JAVA_FLOAT, offset(sample, channel), spatial);
        }

        private long offset(int sample, int channel) {
            return ((long) sample * channels + channel) * spatial * Float.BYTES;
        }

        /** Σ v, in four interleaved partial sums (a short dependency chain). */
        static double sum(float[] v) {
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int i = 0;
            for (; i + 3 < v.length; i += 4) {
                s0 += v[i];
                s1 += v[i + 1];
                s2 += v[i + 2];
                s3 += v[i + 3];
            }
            for (; i < v.length; i++) {
                s0 += v[i];
            }
            return (double) s0 + s1 + s2 + s3;
        }

        /** Σ (v - mean)². */
        static double squaredDeviations(float[] v, float mean) {
            float s0 = 0, s1 = 0;
            int i = 0;
            for (; i + 1 < v.length; i += 2) {
                float d0 = v[i] - mean, d1 = v[i + 1] - mean;
                s0 += d0 * d0;
                s1 += d1 * d1;
            }
            for (; i < v.length; i++) {
                float d = v[i] - mean;
                s0 += d * d;
            }
            return (double) s0 + s1;
        }

        /** Σ u ⊙ v. */
        static double dot(float[] u, float[] v) {
            float s0 = 0, s1 = 0;
            int i = 0;
            for (; i + 1 < u.length; i += 2) {
                s0 += u[i] * v[i];
                s1 += u[i + 1] * v[i + 1];
            }
            for (; i < u.length; i++) {
                s0 += u[i] * v[i];
            }
            return (double) s0 + s1;
        }
    }

    private static float scaleAt(Variable gamma, int c) {
        return gamma == null ? 1f : gamma.value().get(c);
    }
}
