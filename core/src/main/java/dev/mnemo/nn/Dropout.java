package dev.mnemo.nn;

import dev.mnemo.autograd.MathOps;
import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import java.util.Map;

/** Inverted dropout: zeroes a fraction {@code rate} of activations in training, identity at inference. */
public final class Dropout extends LayerBase {
    private final float rate;

    public Dropout(String name, float rate) {
        super(name);
        if (rate < 0f || rate >= 1f) {
            throw new IllegalArgumentException("Dropout: rate must be in [0, 1), got " + rate);
        }
        this.rate = rate;
    }

    public static Dropout of(float rate) {
        return new Dropout(null, rate);
    }

    @Override
    protected int[] create(int[] inputShape, BuildContext context) {
        return inputShape;
    }

    @Override
    public Variable forward(Tape tape, Variable x) {
        return MathOps.dropout(tape, x, rate);
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = baseConfig();
        c.put("rate", rate);
        return c;
    }
    /** Rebuilds a Dropout layer from {@link #config()}. */
    public static Dropout fromConfig(Map<String, Object> c) {
        return new Dropout(Layers.string(c, "name"), Layers.number(c, "rate"));
    }

}
