package dev.mnemo.nn;

import dev.mnemo.autograd.Parameter;
import dev.mnemo.autograd.MathOps;
import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import dev.mnemo.kernel.Activation;
import java.util.Map;

/**
 * Fully connected layer over the last axis: {@code y = f(x Wᵀ + b)} with {@code W [units, in]}
 * (PyTorch's {@code nn.Linear} layout, so its state_dict loads directly). Inputs of any rank:
 * {@code [B, in]} or a sequence {@code [B, T, in]}, whose lengths are kept. Without an
 * activation it outputs logits, which the cross-entropy losses expect.
 */
public final class Dense extends LayerBase {
    private final int units;
    private final Activation activation;
    private final boolean useBias;
    private Parameter weight;
    private Parameter bias;

    /** {@code units} outputs, optional activation (null: linear), optional bias. */
    public Dense(String name, int units, Activation activation, boolean useBias) {
        super(name);
        if (units < 1) {
            throw new IllegalArgumentException("Dense: units must be >= 1, got " + units);
        }
        this.units = units;
        this.activation = activation;
        this.useBias = useBias;
    }

    /** A linear layer with bias (outputs logits). */
    public static Dense of(int units) {
        return new Dense(null, units, null, true);
    }

    /** A layer with bias and an activation. */
    public static Dense of(int units, Activation activation) {
        return new Dense(null, units, activation, true);
    }

    @Override
    protected int[] create(int[] inputShape, BuildContext context) {
        int in = lastAxis(inputShape, "input");
        weight = add(context, "weight", units, in);
        Init.glorotUniform(weight.value(), context.random());
        if (useBias) {
            bias = add(context, "bias", units);
        }
        int[] out = inputShape.clone();
        out[out.length - 1] = units;
        return out;
    }

    @Override
    public Variable forward(Tape tape, Variable x) {
        requireBuilt();
        Variable y = MathOps.linear(tape, x, tape.parameter(weight), bias == null ? null : tape.parameter(bias));
        return activation == null ? y : MathOps.activation(tape, activation, y);
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = baseConfig();
        c.put("units", units);
        c.put("activation", activation == null ? null : activation.name());
        c.put("useBias", useBias);
        return c;
    }
    /** Rebuilds a Dense layer from {@link #config()}. */
    public static Dense fromConfig(Map<String, Object> c) {
        String activation = Layers.optionalString(c, "activation");
        return new Dense(Layers.string(c, "name"), Layers.integer(c, "units"),
                activation == null ? null : Activation.valueOf(activation), Layers.bool(c, "useBias"));
    }

}
