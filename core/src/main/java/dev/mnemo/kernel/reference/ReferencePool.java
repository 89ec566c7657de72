package dev.mnemo.kernel.reference;

import dev.mnemo.kernel.PoolSpec;
import dev.mnemo.tensor.Tensor;

/**
 * Max and average pooling over {@code [N, C, H, W]} and their gradients
 * ({@code torch.nn.MaxPool2d} / {@code AvgPool2d} with default options): windows of
 * {@code kernelH × kernelW} at stride, padded positions never win a max and count as zeros in
 * an average (divisor {@code kernelH · kernelW}). Max gradients go to the first maximum.
 */
final class ReferencePool {
    private ReferencePool() {}

    static void forward(Tensor y, Tensor x, PoolSpec spec) {
        int[] xs = x.shape(), ys = y.shape();
        for (int plane = 0; plane < xs[0] * xs[1]; plane++) {
            for (int p = 0; p < ys[2]; p++) {
                for (int q = 0; q < ys[3]; q++) {
                    long out = ((long) plane * ys[2] + p) * ys[3] + q;
                    if (spec.kind() == PoolSpec.Kind.MAX) {
                        y.set(out, x.get(argMax(x, xs, plane, p, q, spec)));
                    } else {
                        y.set(out, windowSum(x, xs, plane, p, q, spec) / (spec.kernelH() * spec.kernelW()));
                    }
                }
            }
        }
    }

    static void backward(Tensor dx, Tensor dy, Tensor x, PoolSpec spec) {
        int[] xs = x.shape(), ys = dy.shape();
        float divisor = spec.kernelH() * spec.kernelW();
        for (int plane = 0; plane < xs[0] * xs[1]; plane++) {
            for (int p = 0; p < ys[2]; p++) {
                for (int q = 0; q < ys[3]; q++) {
                    float g = dy.get(((long) plane * ys[2] + p) * ys[3] + q);
                    if (spec.kind() == PoolSpec.Kind.MAX) {
                        dx.add(argMax(x, xs, plane, p, q, spec), g);
                        continue;
                    }
                    for (int r = 0; r < spec.kernelH(); r++) {
                        for (int s = 0; s < spec.kernelW(); s++) {
                            long i = index(xs, plane, p * spec.strideH() - spec.padH() + r,
                                    q * spec.strideW() - spec.padW() + s);
                            if (i >= 0) {
                                dx.add(i, g / divisor);
                            }
                        }
                    }
                }
            }
        }
    }

    /** Flat index of the first maximum in the window of output (p, q). */
    private static long argMax(Tensor x, int[] xs, int plane, int p, int q, PoolSpec spec) {
        long best = -1;
        float bestValue = Float.NEGATIVE_INFINITY;
        for (int r = 0; r < spec.kernelH(); r++) {
            for (int s = 0; s < spec.kernelW(); s++) {
                long i = index(xs, plane, p * spec.strideH() - spec.padH() + r, q * spec.strideW() - spec.padW() + s);
                if (i >= 0 && (best < 0 || x.get(i) > bestValue)) {
                    best = i;
                    bestValue = x.get(i);
                }
            }
        }
        return best;
    }

    private static float windowSum(Tensor x, int[] xs, int plane, int p, int q, PoolSpec spec) {
        float sum = 0f;
        for (int r = 0; r < spec.kernelH(); r++) {
            for (int s = 0; s < spec.kernelW(); s++) {
                long i = index(xs, plane, p * spec.strideH() - spec.padH() + r, q * spec.strideW() - spec.padW() + s);
                if (i >= 0) {
                    sum += x.get(i);
                }
            }
        }
        return sum;
    }

    /** Flat index of (plane, row, col), or -1 when (row, col) is padding. */
    private static long index(int[] xs, int plane, int row, int col) {
        if (row < 0 || row >= xs[2] || col < 0 || col >= xs[3]) {
            return -1;
        }
        return ((long) plane * xs[2] + row) * xs[3] + col;
    }
}
