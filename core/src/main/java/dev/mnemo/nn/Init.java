package dev.mnemo.nn;

import dev.mnemo.tensor.Tensor;
import java.util.Random;

/**
 * Weight initialisers, as Keras and PyTorch define them. Fan-in/fan-out are read from a
 * {@code [out, in, ...kernel]} weight (PyTorch layout): {@code fanIn = in · Πkernel},
 * {@code fanOut = out · Πkernel}.
 */
public final class Init {
    private Init() {}

    /** Glorot (Xavier) uniform: {@code U(-a, a)}, {@code a = √(6 / (fanIn + fanOut))}. Keras's default. */
    public static void glorotUniform(Tensor w, Random random) {
        double a = Math.sqrt(6.0 / (fanIn(w) + fanOut(w)));
        uniform(w, random, a);
    }

    /** He (Kaiming) normal for ReLU layers: {@code N(0, 2 / fanIn)}. */
    public static void heNormal(Tensor w, Random random) {
        double std = Math.sqrt(2.0 / fanIn(w));
        for (long i = 0; i < w.size(); i++) {
            w.set(i, (float) (random.nextGaussian() * std));
        }
    }

    /** {@code U(-a, a)}. */
    public static void uniform(Tensor w, Random random, double a) {
        for (long i = 0; i < w.size(); i++) {
            w.set(i, (float) ((random.nextDouble() * 2 - 1) * a));
        }
    }

    /** {@code N(0, std²)}. */
    public static void normal(Tensor w, Random random, double std) {
        for (long i = 0; i < w.size(); i++) {
            w.set(i, (float) (random.nextGaussian() * std));
        }
    }

    /**
     * A (semi-)orthogonal matrix {@code [rows, cols]} by Gram-Schmidt on Gaussian vectors, the
     * Keras default for recurrent weights (Saxe et al. 2014). Rows are orthonormal when
     * {@code rows <= cols}, else columns are.
     */
    public static void orthogonal(Tensor w, Random random) {
        int rows = w.dim(0), cols = w.dim(1);
        boolean transpose = rows > cols;
        int n = transpose ? cols : rows, m = transpose ? rows : cols;
        double[][] q = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                q[i][j] = random.nextGaussian();
            }
            for (int p = 0; p < i; p++) {
                double dot = 0;
                for (int j = 0; j < m; j++) {
                    dot += q[i][j] * q[p][j];
                }
                for (int j = 0; j < m; j++) {
                    q[i][j] -= dot * q[p][j];
                }
            }
            double norm = 0;
            for (int j = 0; j < m; j++) {
                norm += q[i][j] * q[i][j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < m; j++) {
                q[i][j] /= norm;
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                w.set((long) r * cols + c, (float) (transpose ? q[c][r] : q[r][c]));
            }
        }
    }

    static double fanIn(Tensor w) {
        return w.rank() < 2 ? w.size() : w.size() / (double) w.dim(0);
    }

    static double fanOut(Tensor w) {
        return w.rank() < 2 ? w.size() : w.size() / (double) w.dim(1);
    }
}
