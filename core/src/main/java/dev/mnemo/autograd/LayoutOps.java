package dev.mnemo.autograd;

import dev.mnemo.tensor.Tensor;
import java.util.Arrays;

/**
 * Layout ops: reshaping with explicit sequence lengths, switching batch-first sequences between
 * channels-last {@code [B, T, F]} (the layers' sequence layout, as Keras) and channels-first
 * {@code [B, F, T]} (the convolution kernels' layout, as PyTorch), zeroing padded steps, and zero
 * padding at the end of trailing axes (the odd extra row/column of asymmetric "same" padding).
 */
public final class LayoutOps {
    private LayoutOps() {}

    /**
     * The same values in another shape of equal size (a view, no copy), carrying {@code lengths}
     * (null: none), for reshapes that keep or drop the time axis explicitly.
     */
    public static Variable reshape(Tape tape, Variable x, int[] lengths, int... shape) {
        Tensor y = x.value().view(shape);
        return tape.result(y, lengths, gy -> tape.kernels().axpy(1f, gy, tape.grad(x).view(shape)), x);
    }

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

    /**
     * Appends {@code extra[i]} zeros at the end of each of the last {@code extra.length} axes:
     * {@code [..., a_1, ..., a_k] → [..., a_1 + e_1, ..., a_k + e_k]}; the gradient is the
     * corresponding sub-block. Lengths are kept.
     */
    public static Variable padEnd(Tape tape, Variable x, int... extra) {
        int[] xs = x.shape();
        int k = extra.length;
        if (k == 0 || k > xs.length || Arrays.stream(extra).anyMatch(e -> e < 0)) {
            throw new IllegalArgumentException("padEnd: need 1 to " + xs.length + " non-negative sizes for " + x.value()
                    + ", got " + Arrays.toString(extra));
        }
        int[] ys = xs.clone();
        for (int i = 0; i < k; i++) {
            ys[xs.length - k + i] += extra[i];
        }
        Tensor y = tape.zeros(ys);
        long[] to = destinations(xs, ys, k);
        Tensor xv = x.value();
        for (int i = 0; i < to.length; i++) {
            y.set(to[i], xv.get(i));
        }
        return tape.result(y, x.lengths(), gy -> {
            Tensor gx = tape.grad(x);
            for (int i = 0; i < to.length; i++) {
                gx.add(i, gy.get(to[i]));
            }
        }, x);
    }

    /** For every flat index of a tensor of shape {@code xs}, its flat index in {@code ys} (same leading axes). */
    private static long[] destinations(int[] xs, int[] ys, int trailing) {
        long size = Tensor.sizeOf(xs);
        long[] to = new long[Math.toIntExact(size)];
        int first = xs.length - trailing;
        for (int i = 0; i < to.length; i++) {
            long rest = i, dst = 0, scale = 1;
            for (int axis = xs.length - 1; axis >= first; axis--) {
                dst += (rest % xs[axis]) * scale;
                rest /= xs[axis];
                scale *= ys[axis];
            }
            to[i] = dst + rest * scale;
        }
        return to;
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
