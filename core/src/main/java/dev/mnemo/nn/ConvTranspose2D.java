package dev.mnemo.nn;

import dev.mnemo.autograd.ConvOps;
import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import java.util.Map;

/**
 * Transposed 2-D convolution ("deconvolution") over images {@code [B, C, H, W]}, the learned
 * upsampling of decoders and generators ({@code nn.ConvTranspose2d}, groups 1): every input pixel
 * adds a copy of the kernel, weighted by its value, into the output:
 * <pre>
 *   y[b,k,h,w] = f(bias[k] + Σ_{c,p,q,r,s : h = p·sh - ph + r·dh, w = q·sw - pw + s·dw} x[b,c,p,q] · weight[c,k,r,s])
 *   H_out = (H - 1)·sh - 2·ph + dh·(R - 1) + outputPadH + 1          (likewise W_out)
 * </pre>
 * with {@code weight [C, K, R, S]} and {@code bias [K]}: PyTorch's layout and names. Stride 2,
 * kernel 4, padding 1 doubles the image size; so does kernel 3, padding 1, output padding 1.
 *
 * <pre>{@code
 * ConvTranspose2D up = ConvTranspose2D.builder().filters(16).kernel(3).stride(2).padding(1).outputPadding(1).build();
 * }</pre>
 */
public final class ConvTranspose2D extends ConvLayer {
    private ConvTranspose2D(Options options) {
        super(options);
    }

    /** Builder; {@code filters} and {@code kernel} are required. */
    public static Builder<ConvTranspose2D> builder() {
        return new Builder<>("ConvTranspose2D", 2, true, ConvTranspose2D::new);
    }

    @Override
    protected int[] create(int[] inputShape, BuildContext context) {
        int c = channels(inputShape, 0, "[C, H, W]");
        int[] k = options.kernel(), s = options.stride(), p = options.padding(), d = options.dilation();
        int[] op = options.outputPadding();
        createWeights(context, options.filters(), c, options.filters(), k[0], k[1]);
        return new int[] {options.filters(),
                outSize(inputShape[1], 0, h -> ConvOps.transposedSize(h, k[0], s[0], p[0], d[0], op[0])),
                outSize(inputShape[2], 1, w -> ConvOps.transposedSize(w, k[1], s[1], p[1], d[1], op[1]))};
    }

    @Override
    public Variable forward(Tape tape, Variable x) {
        requireBuilt();
        int[] op = options.outputPadding();
        return activate(tape, ConvOps.convTranspose2d(tape, x, weightVar(tape), biasVar(tape), spec(), op[0], op[1]));
    }

    /** Rebuilds a ConvTranspose2D from {@link #config()}. */
    public static ConvTranspose2D fromConfig(Map<String, Object> c) {
        return builder().configure(c).build();
    }
}
