package dev.mnemo.autograd;

import dev.mnemo.tensor.Tensor;

/**
 * The two ops of a variational autoencoder (Kingma and Welling 2014) on latent statistics
 * {@code s = [μ | log σ²]} of shape {@code [B, 2Z]} (the first Z columns the means, the last Z the
 * log-variances, as one Dense layer of 2Z units produces them):
 * <pre>
 *   sample:        z = μ + exp(½ log σ²) ⊙ ε,   ε ~ N(0, I) given            [B, Z]
 *                  dμ += dz      d log σ² += dz ⊙ ½ exp(½ log σ²) ⊙ ε
 *   klDivergence:  KL = (1/B) Σ_b −½ Σ_z (1 + log σ² − μ² − σ²)               scalar: KL(N(μ, σ²) ‖ N(0, I)), batch mean
 *                  dμ += dKL · μ / B      d log σ² += dKL · ½ (σ² − 1) / B
 * </pre>
 * {@code sample} is the reparameterisation trick: the randomness is the input ε, so gradients
 * reach μ and σ.
 */
public final class VariationalOps {
    private VariationalOps() {}

    /**
     * @param stats   [B, 2Z] means then log-variances
     * @param epsilon [B, Z] standard normal draws
     * @return z, [B, Z]
     */
    public static Variable sample(Tape tape, Variable stats, Tensor epsilon) {
        int batch = stats.shape()[0], latent = latentSize(stats);
        if (!epsilon.hasShape(batch, latent)) {
            throw new IllegalArgumentException("sample: epsilon must be [" + batch + ", " + latent + "] for statistics "
                    + stats.value() + ", got " + epsilon);
        }
        Tensor s = stats.value(), z = tape.zeros(batch, latent);
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < latent; j++) {
                long row = (long) b * 2 * latent;
                double sigma = Math.exp(0.5 * s.get(row + latent + j));
                z.set((long) b * latent + j, (float) (s.get(row + j) + sigma * epsilon.get((long) b * latent + j)));
            }
        }
        return tape.result(z, null, gz -> {
            Tensor gs = tape.grad(stats);
            for (int b = 0; b < batch; b++) {
                for (int j = 0; j < latent; j++) {
                    long row = (long) b * 2 * latent;
                    float dz = gz.get((long) b * latent + j);
                    double sigma = Math.exp(0.5 * s.get(row + latent + j));
                    gs.add(row + j, dz);
                    gs.add(row + latent + j, (float) (dz * 0.5 * sigma * epsilon.get((long) b * latent + j)));
                }
            }
        }, stats);
    }

    /**
     * @param stats [B, 2Z] means then log-variances
     * @return the batch mean of KL(N(μ, σ²) ‖ N(0, I)), a one-element variable
     */
    public static Variable klDivergence(Tape tape, Variable stats) {
        int batch = stats.shape()[0], latent = latentSize(stats);
        Tensor s = stats.value(), kl = tape.zeros(1);
        double sum = 0;
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < latent; j++) {
                long row = (long) b * 2 * latent;
                double mu = s.get(row + j), logVar = s.get(row + latent + j);
                sum += -0.5 * (1 + logVar - mu * mu - Math.exp(logVar));
            }
        }
        kl.set(0, (float) (sum / batch));
        return tape.result(kl, null, gk -> {
            Tensor gs = tape.grad(stats);
            double g = gk.get(0) / (double) batch;
            for (int b = 0; b < batch; b++) {
                for (int j = 0; j < latent; j++) {
                    long row = (long) b * 2 * latent;
                    gs.add(row + j, (float) (g * s.get(row + j)));
                    gs.add(row + latent + j, (float) (g * 0.5 * (Math.exp(s.get(row + latent + j)) - 1)));
                }
            }
        }, stats);
    }

    private static int latentSize(Variable stats) {
        int[] shape = stats.shape();
        if (shape.length != 2 || shape[1] < 2 || shape[1] % 2 != 0 || stats.lengths() != null) {
            throw new IllegalArgumentException("latent statistics must be [B, 2Z] (means then log-variances), got " + stats.value());
        }
        return shape[1] / 2;
    }
}
