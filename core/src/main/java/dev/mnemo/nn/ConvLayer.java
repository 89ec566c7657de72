package dev.mnemo.nn;

import dev.mnemo.autograd.Parameter;
import dev.mnemo.autograd.LayoutOps;
import dev.mnemo.autograd.MathOps;
import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import dev.mnemo.kernel.Activation;
import dev.mnemo.kernel.ConvSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

/**
 * What {@link Conv1D}, {@link Conv2D} and {@link ConvTranspose2D} share: filters, kernel size,
 * stride, zero padding (explicit, or {@code "same"} for stride 1), dilation, optional output
 * padding (transposed only), activation, bias and weight initialiser, set through one
 * {@link Builder} that checks them in {@code build()}. Sizes given as one number apply to every
 * spatial axis. Weights follow PyTorch's layout and names ({@code weight}, {@code bias}), so
 * {@code nn.Conv1d}, {@code nn.Conv2d} and {@code nn.ConvTranspose2d} state_dicts load by name.
 */
public abstract class ConvLayer extends LayerBase {
    /** How the weights start (biases start at 0). */
    public enum WeightInit {
        /** Glorot (Xavier) uniform, Keras's default. */
        GLOROT_UNIFORM,
        /** He (Kaiming) normal, suited to ReLU networks. */
        HE_NORMAL
    }

    /**
     * The checked options; arrays have one entry per spatial axis. {@code padding} is symmetric;
     * {@code endPadding} is the extra zero at the end of an axis whose "same" padding is odd.
     */
    record Options(String name, int filters, int[] kernel, int[] stride, int[] padding, int[] endPadding,
                   boolean samePadding, int[] dilation, int[] outputPadding, Activation activation, boolean useBias,
                   WeightInit init) {}

    protected final Options options;
    protected Parameter weight;
    protected Parameter bias;

    ConvLayer(Options options) {
        super(options.name());
        this.options = options;
    }

    /** The geometry for the SPI: a 1-D spec for one spatial axis, else a 2-D one. */
    protected ConvSpec spec() {
        int[] s = options.stride(), p = options.padding(), d = options.dilation();
        return s.length == 1 ? ConvSpec.of1d(s[0], p[0], d[0]) : new ConvSpec(s[0], s[1], p[0], p[1], d[0], d[1]);
    }

    /**
     * Appends the extra zeros of asymmetric "same" padding at the end of the spatial axes of a
     * channels-first input; the identity otherwise.
     */
    protected Variable padEnd(Tape tape, Variable x) {
        return Arrays.stream(options.endPadding()).allMatch(e -> e == 0) ? x
                : LayoutOps.padEnd(tape, x, options.endPadding());
    }

    /** Creates {@code weight} of the given shape (initialised) and {@code bias [biasSize]} (zeros) when used. */
    protected void createWeights(BuildContext context, int biasSize, int... weightShape) {
        weight = add(context, "weight", weightShape);
        switch (options.init()) {
            case GLOROT_UNIFORM -> Init.glorotUniform(weight.value(), context.random());
            case HE_NORMAL -> Init.heNormal(weight.value(), context.random());
        }
        if (options.useBias()) {
            bias = add(context, "bias", biasSize);
        }
    }

    /** The number of input channels, checked positive. */
    protected int channels(int[] inputShape, int axis, String layout) {
        if (inputShape.length != options.kernel().length + 1 || inputShape[axis] < 1) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " '" + name() + "' expects inputs " + layout
                    + " per sample with a known channel count, got " + Arrays.toString(inputShape));
        }
        return inputShape[axis];
    }

    /** Output size along spatial axis {@code i} for input size {@code n} (-1 stays unknown); rejects empty outputs. */
    protected int outSize(int n, int i, IntUnaryOperator size) {
        if (n < 0) {
            return -1;
        }
        int out = size.applyAsInt(n + options.endPadding()[i]);
        if (out < 1) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " '" + name() + "': input size " + n
                    + " on spatial axis " + i + " is too small for kernel " + Arrays.toString(options.kernel())
                    + " with " + spec() + " (output would be " + out + ")");
        }
        return out;
    }

    /** The weight on {@code tape}. */
    protected Variable weightVar(Tape tape) {
        return tape.parameter(weight);
    }

    /** The bias on {@code tape}, or null without bias. */
    protected Variable biasVar(Tape tape) {
        return bias == null ? null : tape.parameter(bias);
    }

    /** {@code f(y)} with the layer's activation, or {@code y} without one. */
    protected Variable activate(Tape tape, Variable y) {
        return options.activation() == null ? y : MathOps.activation(tape, options.activation(), y);
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = baseConfig();
        c.put("filters", options.filters());
        c.put("kernel", list(options.kernel()));
        c.put("stride", list(options.stride()));
        c.put("padding", options.samePadding() ? "same" : list(options.padding()));
        c.put("dilation", list(options.dilation()));
        if (options.outputPadding() != null) {
            c.put("outputPadding", list(options.outputPadding()));
        }
        c.put("activation", options.activation() == null ? null : options.activation().name());
        c.put("useBias", options.useBias());
        c.put("init", options.init().name());
        return c;
    }

    private static List<Integer> list(int[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    /**
     * Builder for a convolution layer; {@code filters} and {@code kernel} are required.
     *
     * @param <L> the layer type built
     */
    public static final class Builder<L extends ConvLayer> {
        private final String type;
        private final int axes;
        private final boolean transposed;
        private final Function<Options, L> factory;
        private String name;
        private int filters;
        private int[] kernel;
        private int[] stride = {1};
        private int[] padding = {0};
        private boolean samePadding;
        private int[] dilation = {1};
        private int[] outputPadding = {0};
        private Activation activation;
        private boolean useBias = true;
        private WeightInit init = WeightInit.GLOROT_UNIFORM;

        Builder(String type, int axes, boolean transposed, Function<Options, L> factory) {
            this.type = type;
            this.axes = axes;
            this.transposed = transposed;
            this.factory = factory;
        }

        /** Layer name (default: assigned by the model). */
        public Builder<L> name(String name) {
            this.name = name;
            return this;
        }

        /** Number of output channels K (required). */
        public Builder<L> filters(int filters) {
            this.filters = filters;
            return this;
        }

        /** Kernel size: one value for every axis, or one per axis (required). */
        public Builder<L> kernel(int... kernel) {
            this.kernel = kernel.clone();
            return this;
        }

        /** Stride (default 1). */
        public Builder<L> stride(int... stride) {
            this.stride = stride.clone();
            return this;
        }

        /** Zero padding on each side (default 0, Keras's {@code "valid"}). */
        public Builder<L> padding(int... padding) {
            this.padding = padding.clone();
            this.samePadding = false;
            return this;
        }

        /**
         * {@code "valid"} (no padding) or {@code "same"}: output as large as the input, for stride 1.
         * The {@code dilation·(kernel - 1)} padded zeros are split evenly, the odd one at the end
         * (bottom/right), as PyTorch's {@code padding="same"} and Keras do. Not available for
         * transposed convolutions.
         */
        public Builder<L> padding(String mode) {
            switch (mode == null ? "" : mode) {
                case "valid" -> padding(0);
                case "same" -> this.samePadding = true;
                default -> throw new IllegalArgumentException(type + ": padding must be \"valid\", \"same\" or sizes, got "
                        + (mode == null ? "null" : "\"" + mode + "\""));
            }
            return this;
        }

        /** Dilation (default 1). */
        public Builder<L> dilation(int... dilation) {
            this.dilation = dilation.clone();
            return this;
        }

        /** Extra output rows/columns of a transposed convolution, each smaller than the stride (default 0). */
        public Builder<L> outputPadding(int... outputPadding) {
            if (!transposed) {
                throw new IllegalArgumentException(type + ": outputPadding applies only to transposed convolutions");
            }
            this.outputPadding = outputPadding.clone();
            return this;
        }

        /** Activation applied to the output (default none). */
        public Builder<L> activation(Activation activation) {
            this.activation = activation;
            return this;
        }

        /** Whether to add a bias per filter (default true). */
        public Builder<L> useBias(boolean useBias) {
            this.useBias = useBias;
            return this;
        }

        /** Weight initialiser (default Glorot uniform). */
        public Builder<L> init(WeightInit init) {
            this.init = init;
            return this;
        }

        /** Reads every option from a layer config ({@link ConvLayer#config()}). */
        Builder<L> configure(Map<String, Object> c) {
            name(Layers.string(c, "name")).filters(Layers.integer(c, "filters")).kernel(Layers.integers(c, "kernel"))
                    .stride(Layers.integers(c, "stride")).dilation(Layers.integers(c, "dilation"))
                    .useBias(Layers.bool(c, "useBias")).init(WeightInit.valueOf(Layers.string(c, "init")));
            if (c.get("padding") instanceof String mode) {
                padding(mode);
            } else {
                padding(Layers.integers(c, "padding"));
            }
            if (transposed) {
                outputPadding(Layers.integers(c, "outputPadding"));
            }
            String f = Layers.optionalString(c, "activation");
            return activation(f == null ? null : Activation.valueOf(f));
        }

        /** Checks the options and creates the layer. */
        public L build() {
            if (filters < 1) {
                throw new IllegalArgumentException(type + ": filters must be set to a value >= 1"
                        + (filters == 0 ? " (call filters(n))" : ", got " + filters));
            }
            if (kernel == null) {
                throw new IllegalArgumentException(type + ": kernel size is required (call kernel(size))");
            }
            if (init == null) {
                throw new IllegalArgumentException(type + ": init must not be null");
            }
            int[] k = perAxis("kernel", kernel, 1), s = perAxis("stride", stride, 1), d = perAxis("dilation", dilation, 1);
            int[] p = perAxis("padding", padding, 0), op = perAxis("outputPadding", outputPadding, 0);
            int[] end = new int[axes];
            if (samePadding) {
                p = samePadding(k, s, d, end);
            }
            for (int i = 0; i < axes; i++) {
                if (op[i] >= s[i]) {
                    throw new IllegalArgumentException(type + ": outputPadding " + Arrays.toString(op)
                            + " must be smaller than the stride " + Arrays.toString(s) + " on every axis");
                }
            }
            return factory.apply(new Options(name, filters, k, s, p, end, samePadding, d, transposed ? op : null,
                    activation, useBias, init));
        }

        /** Symmetric padding for "same"; fills {@code end} with the odd extra zero per axis. */
        private int[] samePadding(int[] k, int[] s, int[] d, int[] end) {
            if (transposed) {
                throw new IllegalArgumentException(type + ": padding \"same\" is not available; give sizes");
            }
            int[] p = new int[axes];
            for (int i = 0; i < axes; i++) {
                if (s[i] != 1) {
                    throw new IllegalArgumentException(type + ": padding \"same\" needs stride 1, got stride "
                            + Arrays.toString(s) + "; give padding sizes instead");
                }
                int span = d[i] * (k[i] - 1);
                p[i] = span / 2;
                end[i] = span % 2;
            }
            return p;
        }

        /** One value per spatial axis (a single value is repeated), each at least {@code min}. */
        private int[] perAxis(String what, int[] values, int min) {
            if (values == null || (values.length != 1 && values.length != axes)) {
                throw new IllegalArgumentException(type + ": " + what + " needs 1 or " + axes + " values, got "
                        + (values == null ? "null" : Arrays.toString(values)));
            }
            int[] out = values.length == 1 ? new int[axes] : values.clone();
            if (values.length == 1) {
                Arrays.fill(out, values[0]);
            }
            for (int v : out) {
                if (v < min) {
                    throw new IllegalArgumentException(type + ": " + what + " must be >= " + min + ", got "
                            + Arrays.toString(values));
                }
            }
            return out;
        }
    }
}
