package dev.mnemo.nn;

import dev.mnemo.autograd.LayoutOps;
import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import java.util.Arrays;
import java.util.Map;

/**
 * Flattens each sample to a vector, {@code [B, d1, ..., dn] → [B, d1·...·dn]}, in row-major
 * order and without copying (Keras's {@code Flatten}; {@code nn.Flatten()} for NCHW images, so a
 * following PyTorch {@code nn.Linear}'s weights load unchanged). Sequence lengths are dropped:
 * the time axis is gone.
 */
public final class Flatten extends LayerBase {
    private int size;

    public Flatten(String name) {
        super(name);
    }

    public static Flatten of() {
        return new Flatten(null);
    }

    @Override
    protected int[] create(int[] inputShape, BuildContext context) {
        long n = Arrays.stream(inputShape).asLongStream().reduce(1, (a, b) -> a * b);
        if (Arrays.stream(inputShape).anyMatch(d -> d < 0) || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Flatten '" + name() + "' needs a fully known input shape, got "
                    + Arrays.toString(inputShape));
        }
        size = (int) n;
        return new int[] {size};
    }

    @Override
    public Variable forward(Tape tape, Variable x) {
        requireBuilt();
        return LayoutOps.reshape(tape, x, null, x.value().dim(0), size);
    }

    @Override
    public Map<String, Object> config() {
        return baseConfig();
    }

    /** Rebuilds the layer from {@link #config()}. */
    public static Flatten fromConfig(Map<String, Object> c) {
        return new Flatten(Layers.string(c, "name"));
    }
}
