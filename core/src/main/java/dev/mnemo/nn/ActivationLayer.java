package dev.mnemo.nn;

import dev.mnemo.autograd.MathOps;
import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import dev.mnemo.kernel.Activation;
import java.util.Map;

/** Applies an element-wise activation (Keras's {@code Activation} layer). */
public final class ActivationLayer extends LayerBase {
    private final Activation activation;

    public ActivationLayer(String name, Activation activation) {
        super(name);
        if (activation == null) {
            throw new IllegalArgumentException("ActivationLayer: activation is required");
        }
        this.activation = activation;
    }

    public static ActivationLayer of(Activation activation) {
        return new ActivationLayer(null, activation);
    }

    @Override
    protected int[] create(int[] inputShape, BuildContext context) {
        return inputShape;
    }

    @Override
    public Variable forward(Tape tape, Variable x) {
        return MathOps.activation(tape, activation, x);
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = baseConfig();
        c.put("activation", activation.name());
        return c;
    }
    /** Rebuilds an ActivationLayer from {@link #config()}. */
    public static ActivationLayer fromConfig(Map<String, Object> c) {
        return new ActivationLayer(Layers.string(c, "name"), Activation.valueOf(Layers.string(c, "activation")));
    }

}
