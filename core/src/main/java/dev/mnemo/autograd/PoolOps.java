package dev.mnemo.autograd;

import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.kernel.PoolSpec;
import dev.mnemo.tensor.Tensor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Pooling and nearest-neighbour upsampling with their gradients: windowed pooling of images
 * through the SPI, global pooling of images {@code [N, C, H, W]} and of batch-first sequences
 * {@code [B, T, F]} (masked by the sequence lengths), and upsampling by repetition.
 *
 * <p>Max pooling routes each output's gradient to the first position (row-major) holding the
 * maximum, as the SPI does.
 */
public final class PoolOps {
    private PoolOps() {}

    /**
     * Max or average pooling over windows ({@code torch.nn.functional.max_pool2d} /
     * {@code avg_pool2d} with {@code count_include_pad=True}).
     *
     * @param x [N, C, H, W]
     * @return [N, C, P, Q] with P, Q from {@link PoolSpec}
     */
    public static Variable pool2d(Tape tape, Variable x, PoolSpec spec) {
        int[] xs = ConvOps.requireRank("pool2d", "x", x, 4, "[N, C, H, W]");
        int p = spec.outHeight(xs[2]), q = spec.outWidth(xs[3]);
        if (p < 1 || q < 1) {
            throw new IllegalArgumentException("pool2d: input " + x.value() + " is smaller than the window of " + spec);
        }
        KernelBackend k = tape.kernels();
        Tensor y = tape.zeros(xs[0], xs[1], p, q);
        k.pool2dForward(y, x.value(), spec);
        return tape.result(y, null, gy -> k.pool2dBackward(tape.grad(x), gy, x.value(), y, spec), x);
    }

    /**
     * Global pooling of each channel's plane: {@code y[n,c] = mean_{h,w} x[n,c,h,w]} or
     * {@code max_{h,w} x[n,c,h,w]}.
     *
     * @param x [N, C, H, W] (any rank >= 2: every axis after the second is pooled)
     * @return [N, C]
     */
    public static Variable globalPool2d(Tape tape, Variable x, PoolSpec.Kind kind) {
        int[] xs = x.shape();
        if (xs.length < 3) {
            throw new IllegalArgumentException("globalPool2d: x must be [N, C, H, W], got " + x.value());
        }
        int rows = xs[0] * xs[1];
        int plane = (int) (x.value().size() / Math.max(1, rows));
        int[] at = new int[rows];
        Arrays.fill(at, -1);
        Tensor y = tape.zeros(xs[0], xs[1]);
        Tensor xv = x.value();
        for (int r = 0; r < rows; r++) {
            y.set(r, reduce(xv, (long) r * plane, 1, plane, kind, at, r));
        }
        return tape.result(y, null, gy -> {
            Tensor gx = tape.grad(x);
            for (int r = 0; r < rows; r++) {
                scatter(gx, (long) r * plane, 1, plane, kind, at[r], gy.get(r));
            }
        }, x);
    }

    /**
     * Global pooling over the valid steps of batch-first sequences (Keras's
     * {@code GlobalAveragePooling1D} / {@code GlobalMaxPooling1D} with a mask):
     * {@code y[b,f] = (1 / len_b) Σ_{t < len_b} x[b,t,f]} or {@code max_{t < len_b} x[b,t,f]},
     * and 0 for a sample without valid steps. Padded steps get no gradient.
     *
     * @param x [B, T, F] with lengths (null: all T steps valid)
     * @return [B, F]
     */
    public static Variable globalPool1d(Tape tape, Variable x, PoolSpec.Kind kind) {
        int[] xs = ConvOps.requireRank("globalPool1d", "x", x, 3, "[B, T, F]");
        int batch = xs[0], steps = xs[1], features = xs[2];
        int[] lengths = x.lengths();
        int[] at = new int[batch * features];
        Arrays.fill(at, -1);
        Tensor y = tape.zeros(batch, features);
        Tensor xv = x.value();
        for (int b = 0; b < batch; b++) {
            int valid = lengths == null ? steps : Math.min(lengths[b], steps);
            for (int f = 0; f < features; f++) {
                long start = (long) b * steps * features + f;
                y.set((long) b * features + f, reduce(xv, start, features, valid, kind, at, b * features + f));
            }
        }
        return tape.result(y, null, gy -> {
            Tensor gx = tape.grad(x);
            for (int b = 0; b < batch; b++) {
                int valid = lengths == null ? steps : Math.min(lengths[b], steps);
                for (int f = 0; f < features; f++) {
                    long start = (long) b * steps * features + f;
                    int row = b * features + f;
                    scatter(gx, start, features, valid, kind, at[row], gy.get(row));
                }
            }
        }, x);
    }

    /**
     * Nearest-neighbour upsampling by integer factors ({@code torch.nn.functional.interpolate}
     * with {@code mode="nearest"}): {@code y[n,c,i,j] = x[n,c,⌊i/fh⌋,⌊j/fw⌋]}; the gradient of an
     * input pixel is the sum over its {@code fh × fw} copies.
     *
     * @param x [N, C, H, W]
     * @return [N, C, H·fh, W·fw]
     */
    public static Variable upsampleNearest2d(Tape tape, Variable x, int factorH, int factorW) {
        int[] xs = ConvOps.requireRank("upsampleNearest2d", "x", x, 4, "[N, C, H, W]");
        if (factorH < 1 || factorW < 1) {
            throw new IllegalArgumentException("upsampleNearest2d: factors must be >= 1, got " + factorH + "x" + factorW);
        }
        int planes = xs[0] * xs[1], h = xs[2], w = xs[3], oh = h * factorH, ow = w * factorW;
        Tensor y = tape.zeros(xs[0], xs[1], oh, ow);
        Tensor xv = x.value();
        // one plane at a time through small arrays: bulk copies instead of a bounds check per pixel
        float[] in = new float[h * w], out = new float[oh * ow];
        for (int p = 0; p < planes; p++) {
            copy(xv, (long) p * h * w, in);
            for (int i = 0; i < oh; i++) {
                int from = i / factorH * w, to = i * ow;
                for (int j = 0; j < ow; j++) {
                    out[to + j] = in[from + j / factorW];
                }
            }
            copy(out, y, (long) p * oh * ow);
        }
        return tape.result(y, null, gy -> {
            Tensor gx = tape.grad(x);
            float[] upstream = new float[oh * ow], sums = new float[h * w];
            for (int p = 0; p < planes; p++) {
                copy(gy, (long) p * oh * ow, upstream);
                copy(gx, (long) p * h * w, sums);
                for (int i = 0; i < oh; i++) {
                    int to = i / factorH * w, from = i * ow;
                    for (int j = 0; j < ow; j++) {
                        sums[to + j / factorW] += upstream[from + j];
                    }
                }
                copy(sums, gx, (long) p * h * w);
            }
        }, x);
    }

    private static void copy(Tensor from, long offset, float[] to) {
        MemorySegment.copy(from.segment(), ValueLayout.JAVA_FLOAT, offset * Float.BYTES, to, 0, to.length);
    }

    private static void copy(float[] from, Tensor to, long offset) {
        MemorySegment.copy(from, 0, to.segment(), ValueLayout.JAVA_FLOAT, offset * Float.BYTES, from.length);
    }

    /**
     * Mean or max of {@code count} values {@code x[start + i·stride]}; for max records the
     * winning position in {@code at[slot]}. An empty range gives 0.
     */
    private static float reduce(Tensor x, long start, int stride, int count, PoolSpec.Kind kind, int[] at, int slot) {
        if (count == 0) {
            return 0f;
        }
        if (kind == PoolSpec.Kind.AVG) {
            double sum = 0;
            for (int i = 0; i < count; i++) {
                sum += x.get(start + (long) i * stride);
            }
            return (float) (sum / count);
        }
        int best = 0;
        for (int i = 1; i < count; i++) {
            if (x.get(start + (long) i * stride) > x.get(start + (long) best * stride)) {
                best = i;
            }
        }
        at[slot] = best;
        return x.get(start + (long) best * stride);
    }

    /** The gradient of {@link #reduce}: {@code g / count} to every value (mean) or {@code g} to the winner (max). */
    private static void scatter(Tensor gx, long start, int stride, int count, PoolSpec.Kind kind, int winner, float g) {
        if (count == 0) {
            return;
        }
        if (kind == PoolSpec.Kind.MAX) {
            gx.add(start + (long) winner * stride, g);
            return;
        }
        float share = g / count;
        for (int i = 0; i < count; i++) {
            gx.add(start + (long) i * stride, share);
        }
    }
}
