package dev.mnemo.nn;

import dev.mnemo.autograd.ConvOps;
import dev.mnemo.autograd.LayoutOps;
import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import dev.mnemo.kernel.ConvSpec;
import java.util.Map;

/**
 * 1-D convolution over the time axis of batch-first sequences {@code [B, T, C] → [B, T', K]}
 * (channels last, like every sequence layer here and Keras's {@code Conv1D}), with
 * {@code nn.Conv1d}'s weight layout and names, {@code weight [K, C, S]} and {@code bias [K]}:
 * <pre>
 *   y[b,t,k] = f(bias[k] + Σ_{c,s} weight[k,c,s] · x[b, t·stride - pad + s·dilation, c])
 *   T' = (T + 2·pad - dilation·(S - 1) - 1) / stride + 1
 * </pre>
 *
 * <p>Masks: padded steps of the input are read as zeros, so every valid output equals the
 * result for that sample alone, and sample b's output length is
 * {@code (len_b + 2·pad - dilation·(S - 1) - 1) / stride + 1} (clamped to [0, T']), passed on as
 * the output's lengths.
 *
 * <pre>{@code
 * Conv1D conv = Conv1D.builder().filters(64).kernel(5).padding("same").activation(Activation.RELU).build();
 * }</pre>
 */
public final class Conv1D extends ConvLayer {
    private Conv1D(Options options) {
        super(options);
    }

    /** Builder; {@code filters} and {@code kernel} are required. */
    public static Builder<Conv1D> builder() {
        return new Builder<>("Conv1D", 1, false, Conv1D::new);
    }

    /** {@code filters} output channels, kernel size {@code kernel}, stride 1, no padding, no activation. */
    public static Conv1D of(int filters, int kernel) {
        return builder().filters(filters).kernel(kernel).build();
    }

    @Override
    protected int[] create(int[] inputShape, BuildContext context) {
        int c = channels(inputShape, 1, "[T, C]");
        int s = options.kernel()[0];
        createWeights(context, options.filters(), options.filters(), c, s);
        ConvSpec spec = spec();
        return new int[] {outSize(inputShape[0], 0, t -> spec.outWidth(t, s)), options.filters()};
    }

    @Override
    public Variable forward(Tape tape, Variable x) {
        requireBuilt();
        if (x.value().rank() != 3) {
            throw new IllegalArgumentException("Conv1D '" + name() + "' expects [B, T, C], got " + x.value());
        }
        Variable channelsFirst = padEnd(tape, LayoutOps.swapLastAxes(tape, LayoutOps.maskPadding(tape, x), null));
        Variable y = ConvOps.conv1d(tape, channelsFirst, weightVar(tape), biasVar(tape), spec());
        return activate(tape, LayoutOps.swapLastAxes(tape, y, outputLengths(x.lengths(), y.value().dim(2))));
    }

    private int[] outputLengths(int[] lengths, int steps) {
        if (lengths == null) {
            return null;
        }
        ConvSpec spec = spec();
        int[] out = new int[lengths.length];
        for (int b = 0; b < out.length; b++) {
            int padded = lengths[b] + options.endPadding()[0];
            out[b] = lengths[b] == 0 ? 0 : Math.clamp(spec.outWidth(padded, options.kernel()[0]), 0, steps);
        }
        return out;
    }

    /** Rebuilds a Conv1D from {@link #config()}. */
    public static Conv1D fromConfig(Map<String, Object> c) {
        return builder().configure(c).build();
    }
}
