package dev.mnemo.nn;

import dev.mnemo.autograd.ConvOps;
import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import dev.mnemo.kernel.ConvSpec;
import java.util.Map;

/**
 * 2-D convolution over images {@code [B, C, H, W]} (channels first, as PyTorch):
 * <pre>
 *   y[b,k,p,q] = f(bias[k] + Σ_{c,r,s} weight[k,c,r,s] · x[b, c, p·sh - ph + r·dh, q·sw - pw + s·dw])
 *   P = (H + 2·ph - dh·(R - 1) - 1) / sh + 1          (likewise Q)
 * </pre>
 * with {@code weight [K, C, R, S]} and {@code bias [K]}: {@code nn.Conv2d}'s layout and names.
 * {@code padding("same")} keeps H×W for stride 1, with the odd padded zero of an even effective
 * kernel at the bottom/right, as PyTorch's {@code padding="same"}.
 *
 * <pre>{@code
 * Conv2D conv = Conv2D.builder().filters(32).kernel(3).padding("same").activation(Activation.RELU).build();
 * }</pre>
 */
public final class Conv2D extends ConvLayer {
    private Conv2D(Options options) {
        super(options);
    }

    /** Builder; {@code filters} and {@code kernel} are required. */
    public static Builder<Conv2D> builder() {
        return new Builder<>("Conv2D", 2, false, Conv2D::new);
    }

    /** {@code filters} output channels, a square kernel, stride 1, no padding, no activation. */
    public static Conv2D of(int filters, int kernel) {
        return builder().filters(filters).kernel(kernel).build();
    }

    @Override
    protected int[] create(int[] inputShape, BuildContext context) {
        int c = channels(inputShape, 0, "[C, H, W]");
        int[] k = options.kernel();
        createWeights(context, options.filters(), options.filters(), c, k[0], k[1]);
        ConvSpec spec = spec();
        return new int[] {options.filters(), outSize(inputShape[1], 0, h -> spec.outHeight(h, k[0])),
                outSize(inputShape[2], 1, w -> spec.outWidth(w, k[1]))};
    }

    @Override
    public Variable forward(Tape tape, Variable x) {
        requireBuilt();
        return activate(tape, ConvOps.conv2d(tape, padEnd(tape, x), weightVar(tape), biasVar(tape), spec()));
    }

    /** Rebuilds a Conv2D from {@link #config()}. */
    public static Conv2D fromConfig(Map<String, Object> c) {
        return builder().configure(c).build();
    }
}
