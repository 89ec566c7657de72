package dev.mnemo.autograd;

import dev.mnemo.kernel.ConvSpec;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.tensor.Tensor;
import java.util.Arrays;

/**
 * Convolutions as graph nodes over the kernel SPI, channels-first as PyTorch
 * ({@code torch.nn.functional.conv1d}, {@code conv2d}, {@code conv_transpose2d}).
 *
 * <p>Shapes: N batch, C input channels, K output channels, H×W (or L) input, R×S (or S) kernel,
 * P×Q (or Q) output. Output sizes follow {@link ConvSpec}.
 */
public final class ConvOps {
    private ConvOps() {}

    /**
     * 2-D convolution (cross-correlation):
     * {@code y[n,k,p,q] = b[k] + Σ_{c,r,s} w[k,c,r,s] · x[n, c, p·sh - ph + r·dh, q·sw - pw + s·dw]}.
     *
     * @param x [N, C, H, W]
     * @param w [K, C, R, S]
     * @param b [K], or null
     * @return [N, K, P, Q]
     */
    public static Variable conv2d(Tape tape, Variable x, Variable w, Variable b, ConvSpec spec) {
        int[] xs = requireRank("conv2d", "x", x, 4, "[N, C, H, W]");
        int[] ws = requireRank("conv2d", "w", w, 4, "[K, C, R, S]");
        requireChannels("conv2d", xs[1], ws[1], w);
        int[] ys = {xs[0], ws[0], spec.outHeight(xs[2], ws[2]), spec.outWidth(xs[3], ws[3])};
        return convolution(tape, x, w, b, spec, false, ys);
    }

    /**
     * 1-D convolution (cross-correlation):
     * {@code y[n,k,q] = b[k] + Σ_{c,s} w[k,c,s] · x[n, c, q·stride - pad + s·dilation]}.
     *
     * @param x    [N, C, L]
     * @param w    [K, C, S]
     * @param b    [K], or null
     * @param spec a 1-D geometry ({@link ConvSpec#of1d})
     * @return [N, K, Q]
     */
    public static Variable conv1d(Tape tape, Variable x, Variable w, Variable b, ConvSpec spec) {
        int[] xs = requireRank("conv1d", "x", x, 3, "[N, C, L]");
        int[] ws = requireRank("conv1d", "w", w, 3, "[K, C, S]");
        requireChannels("conv1d", xs[1], ws[1], w);
        if (!spec.is1d()) {
            throw new IllegalArgumentException("conv1d: " + spec + " has a non-trivial height axis; use ConvSpec.of1d");
        }
        int[] ys = {xs[0], ws[0], spec.outWidth(xs[2], ws[2])};
        return convolution(tape, x, w, b, spec, true, ys);
    }

    private static Variable convolution(Tape tape, Variable x, Variable w, Variable b, ConvSpec spec, boolean oneD,
                                        int[] ys) {
        requireBias(b, ys[1]);
        requirePositive(oneD ? "conv1d" : "conv2d", x, w, spec, ys);
        KernelBackend k = tape.kernels();
        Tensor xv = x.value(), wv = w.value(), y = tape.zeros(ys);
        if (oneD) {
            k.conv1dForward(y, xv, wv, val(b), spec);
        } else {
            k.conv2dForward(y, xv, wv, val(b), spec);
        }
        return tape.result(y, null, gy -> {
            Tensor gx = tape.grad(x), gw = tape.grad(w), gb = tape.grad(b);
            if (gx != null) {
                if (oneD) {
                    k.conv1dBackwardData(gx, gy, wv, spec);
                } else {
                    k.conv2dBackwardData(gx, gy, wv, spec);
                }
            }
            if (gw != null && oneD) {
                k.conv1dBackwardWeights(gw, gb, gy, xv, spec);
            } else if (gw != null) {
                k.conv2dBackwardWeights(gw, gb, gy, xv, spec);
            } else if (gb != null) {
                addChannelSums(gb, gy);
            }
        }, x, w, b);
    }

    /**
     * Transposed 2-D convolution ({@code torch.nn.functional.conv_transpose2d}, groups 1): the
     * adjoint of {@link #conv2d} in its input, so each input pixel scatters a weighted copy of the
     * kernel into the output:
     * <pre>
     *   y[n,o,h,w] = b[o] + Σ_{c,p,q,r,s : h = p·sh - ph + r·dh, w = q·sw - pw + s·dw} x[n,c,p,q] · w[c,o,r,s]
     *   P_out = (H - 1)·sh - 2·ph + dh·(R - 1) + outputPadH + 1      (likewise for the width)
     * </pre>
     * Built from the SPI with roles swapped: forward is {@code conv2dBackwardData(y, x, w)};
     * the input gradient is the convolution {@code conv2dForward(gx, gy, w)}; the weight gradient
     * is {@code conv2dBackwardWeights(gw, dy = x, x = gy)}, since
     * {@code ∂L/∂w[c,o,r,s] = Σ x[n,c,p,q] · gy[n,o,h,w]} over the same index pairs.
     *
     * @param x [N, C, H, W]
     * @param w [C, O, R, S] (PyTorch's {@code ConvTranspose2d.weight} layout)
     * @param b [O], or null
     * @param outputPadH extra rows at the bottom, {@code 0 <= outputPadH < strideH} (likewise width)
     * @return [N, O, P_out, Q_out]
     */
    public static Variable convTranspose2d(Tape tape, Variable x, Variable w, Variable b, ConvSpec spec,
                                           int outputPadH, int outputPadW) {
        int[] xs = requireRank("convTranspose2d", "x", x, 4, "[N, C, H, W]");
        int[] ws = requireRank("convTranspose2d", "w", w, 4, "[C, O, R, S]");
        if (ws[0] != xs[1]) {
            throw new IllegalArgumentException("convTranspose2d: weight " + w.value() + " must be [C, O, R, S] with C = "
                    + xs[1] + " (the channels of x " + x.value() + ")");
        }
        if (outputPadH < 0 || outputPadW < 0 || outputPadH >= spec.strideH() || outputPadW >= spec.strideW()) {
            throw new IllegalArgumentException("convTranspose2d: output padding " + outputPadH + "x" + outputPadW
                    + " must be >= 0 and smaller than the stride " + spec.strideH() + "x" + spec.strideW());
        }
        int[] ys = {xs[0], ws[1], transposedSize(xs[2], ws[2], spec.strideH(), spec.padH(), spec.dilationH(), outputPadH),
                transposedSize(xs[3], ws[3], spec.strideW(), spec.padW(), spec.dilationW(), outputPadW)};
        requireBias(b, ys[1]);
        requirePositive("convTranspose2d", x, w, spec, ys);
        KernelBackend k = tape.kernels();
        Tensor xv = x.value(), wv = w.value(), y = tape.zeros(ys);
        k.conv2dBackwardData(y, xv, wv, spec);
        if (b != null) {
            addChannelBias(y, b.value());
        }
        return tape.result(y, null, gy -> {
            Tensor gx = tape.grad(x), gw = tape.grad(w), gb = tape.grad(b);
            if (gx != null) {
                Tensor conv = tape.zeros(xs);
                k.conv2dForward(conv, gy, wv, null, spec);
                k.axpy(1f, conv, gx);
            }
            if (gw != null) {
                k.conv2dBackwardWeights(gw, null, xv, gy, spec);
            }
            if (gb != null) {
                addChannelSums(gb, gy);
            }
        }, x, w, b);
    }

    /** Output size of a transposed convolution along one axis. */
    public static int transposedSize(int n, int k, int stride, int pad, int dilation, int outputPad) {
        return (n - 1) * stride - 2 * pad + dilation * (k - 1) + outputPad + 1;
    }

    /** {@code y[n, c, ...] += b[c]} for channels-first {@code y [N, C, ...]}. */
    static void addChannelBias(Tensor y, Tensor b) {
        int channels = y.dim(1);
        long plane = y.size() / ((long) y.dim(0) * channels);
        for (long i = 0; i < y.size(); i++) {
            y.add(i, b.get((i / plane) % channels));
        }
    }

    /** {@code g[c] += Σ_{n, ...} gy[n, c, ...]}: the bias gradient of a channels-first output. */
    static void addChannelSums(Tensor g, Tensor gy) {
        int channels = gy.dim(1);
        long plane = gy.size() / ((long) gy.dim(0) * channels);
        double[] sums = new double[channels];
        for (long i = 0; i < gy.size(); i++) {
            sums[(int) ((i / plane) % channels)] += gy.get(i);
        }
        for (int c = 0; c < channels; c++) {
            g.add(c, (float) sums[c]);
        }
    }

    static int[] requireRank(String op, String what, Variable v, int rank, String layout) {
        if (v == null || v.value().rank() != rank) {
            throw new IllegalArgumentException(op + ": " + what + " must be " + layout + ", got "
                    + (v == null ? "null" : v.value()));
        }
        return v.shape();
    }

    private static void requireChannels(String op, int inputChannels, int weightChannels, Variable w) {
        if (inputChannels != weightChannels) {
            throw new IllegalArgumentException(op + ": weight " + w.value() + " expects " + weightChannels
                    + " input channels but x has " + inputChannels);
        }
    }

    private static void requireBias(Variable b, int channels) {
        if (b != null && !b.value().hasShape(channels)) {
            throw new IllegalArgumentException("convolution bias must be [" + channels + "], got " + b.value());
        }
    }

    private static void requirePositive(String op, Variable x, Variable w, ConvSpec spec, int[] ys) {
        if (Arrays.stream(ys).skip(2).anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException(op + ": input " + x.value() + " with kernel " + w.value() + " and " + spec
                    + " gives an empty output " + Arrays.toString(ys));
        }
    }

    static Tensor val(Variable v) {
        return v == null ? null : v.value();
    }
}
