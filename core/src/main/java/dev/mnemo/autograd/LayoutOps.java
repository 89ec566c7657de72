package dev.mnemo.autograd;

import dev.mnemo.tensor.Tensor;

/**
 * Layout ops for batch-first sequences: switching between channels-last {@code [B, T, F]} (the
 * layers' sequence layout, as Keras) and channels-first {@code [B, F, T]} (the convolution
 * kernels' layout, as PyTorch), and zeroing padded steps.
 */
public final class LayoutOps {
    private LayoutOps() {}

    /**
     * Swaps the last two axes, {@code [..., A, B] → [..., B, A]} (a copy). The result carries
     * {@code lengths} (null: none), since the time axis moves.
     */
    public static Variable swapLastAxes(Tape tape, Variable x, int[] lengths) {
        int[] xs = x.shape();
        if (xs.length < 2) {
            throw new IllegalArgumentException("swapLastAxes needs rank >= 2, got " + x.value());
        }
        int a = xs[xs.length - 2], b = xs[xs.length - 1];
        int[] ys = xs.clone();
        ys[ys.length - 2] = b;
        ys[ys.length - 1] = a;
        Tensor y = tape.zeros(ys);
        transposeBlocks(x.value(), y, a, b, false);
        return tape.result(y, lengths, gy -> transposeBlocks(gy, tape.grad(x), b, a, true), x);
    }

    /**
     * Zeroes the padded steps of a batch-first sequence: {@code y[b,t,...] = x[b,t,...]} for
     * {@code t < len_b}, else 0; padded steps get no gradient. Without lengths, returns {@code x}.
     *
     * @param x [B, T, ...] with lengths
     */
    public static Variable maskPadding(Tape tape, Variable x) {
        int[] lengths = x.lengths();
        if (lengths == null) {
            return x;
        }
        int[] xs = x.shape();
        if (xs.length < 2) {
            throw new IllegalArgumentException("maskPadding needs a sequence [B, T, ...], got " + x.value());
        }
        long step = x.value().size() / Math.max(1L, (long) xs[0] * xs[1]);
        Tensor y = tape.zeros(xs);
        y.copyFrom(x.value());
        for (int b = 0; b < xs[0]; b++) {
            long row = (long) b * xs[1] * step;
            for (long i = Math.min(lengths[b], xs[1]) * step; i < (long) xs[1] * step; i++) {
                y.set(row + i, 0f);
            }
        }
        return tape.result(y, lengths, gy -> {
            Tensor gx = tape.grad(x);
            for (int b = 0; b < xs[0]; b++) {
                long valid = Math.min(lengths[b], xs[1]) * step, row = (long) b * xs[1] * step;
                for (long i = 0; i < valid; i++) {
                    gx.add(row + i, gy.get(row + i));
                }
            }
        }, x);
    }

    /** For each leading block, {@code dst[j, i] (+)= src[i, j]} with {@code src [a, b]}. */
    private static void transposeBlocks(Tensor src, Tensor dst, int a, int b, boolean accumulate) {
        long block = (long) a * b;
        long blocks = block == 0 ? 0 : src.size() / block;
        for (long n = 0; n < blocks; n++) {
            long base = n * block;
            for (int i = 0; i < a; i++) {
                for (int j = 0; j < b; j++) {
                    float v = src.get(base + (long) i * b + j);
                    long to = base + (long) j * a + i;
                    if (accumulate) {
                        dst.add(to, v);
                    } else {
                        dst.set(to, v);
                    }
                }
            }
        }
    }
}
