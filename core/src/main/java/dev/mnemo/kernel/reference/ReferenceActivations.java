package dev.mnemo.kernel.reference;

import dev.mnemo.kernel.Activation;
import dev.mnemo.tensor.Tensor;

/** Element-wise activations, softmax and log-softmax over the last axis, and their gradients. */
final class ReferenceActivations {
    private ReferenceActivations() {}

    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2 * Math.PI);

    static void forward(Activation f, Tensor y, Tensor x) {
        for (long i = 0; i < x.size(); i++) {
            y.set(i, apply(f, x.get(i)));
        }
    }

    static float apply(Activation f, float x) {
        return switch (f) {
            case SIGMOID -> Rows.sigmoid(x);
            case TANH -> Rows.tanh(x);
            case RELU -> x > 0f ? x : 0f;
            case GELU -> (float) (0.5 * x * (1 + Erf.erf(x * SQRT_HALF)));
        };
    }

    static void backward(Activation f, Tensor dx, Tensor dy, Tensor x, Tensor y) {
        for (long i = 0; i < x.size(); i++) {
            float yi = y.get(i);
            float derivative = switch (f) {
                case SIGMOID -> yi * (1 - yi);
                case TANH -> 1 - yi * yi;
                case RELU -> x.get(i) > 0f ? 1f : 0f;
                case GELU -> {
                    double xi = x.get(i);
                    double cdf = 0.5 * (1 + Erf.erf(xi * SQRT_HALF));
                    yield (float) (cdf + xi * INV_SQRT_2PI * Math.exp(-0.5 * xi * xi));
                }
            };
            dx.add(i, dy.get(i) * derivative);
        }
    }

    static void softmax(Tensor y, Tensor x, boolean log) {
        int n = x.dim(-1);
        long rows = x.size() / n;
        for (long r = 0; r < rows; r++) {
            long base = r * n;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                max = Math.max(max, x.get(base + j));
            }
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += Math.exp(x.get(base + j) - max);
            }
            double logSum = Math.log(sum);
            for (int j = 0; j < n; j++) {
                double shifted = x.get(base + j) - max;
                y.set(base + j, (float) (log ? shifted - logSum : Math.exp(shifted) / sum));
            }
        }
    }

    static void softmaxBackward(Tensor dx, Tensor dy, Tensor y, boolean log) {
        int n = y.dim(-1);
        long rows = y.size() / n;
        for (long r = 0; r < rows; r++) {
            long base = r * n;
            double dot = 0;
            for (int j = 0; j < n; j++) {
                dot += log ? dy.get(base + j) : dy.get(base + j) * y.get(base + j);
            }
            for (int j = 0; j < n; j++) {
                float yj = y.get(base + j), dyj = dy.get(base + j);
                dx.add(base + j, (float) (log ? dyj - Math.exp(yj) * dot : yj * (dyj - dot)));
            }
        }
    }
}
