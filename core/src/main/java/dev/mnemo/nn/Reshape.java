package dev.mnemo.nn;

import dev.mnemo.autograd.LayoutOps;
import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import java.util.Arrays;
import java.util.Map;

/**
 * Gives each sample a new shape of the same size, {@code [B, ...in] → [B, ...target]}, without
 * copying (Keras's {@code Reshape}); one target axis may be {@code -1}, inferred from the size.
 * Row-major order is kept, so {@code Reshape(C, H, W)} after a {@code Dense(C·H·W)} makes images.
 * Sequence lengths are kept only when the first per-sample axis (the time axis) keeps its size
 * and so stays the time axis ({@code [T, F] → [T, a, b]}); otherwise they are dropped.
 */
public final class Reshape extends LayerBase {
    private final int[] target;
    private int[] resolved;

    public Reshape(String name, int... target) {
        super(name);
        if (target == null || target.length == 0) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": target shape is required");
        }
        long inferred = Arrays.stream(target).filter(d -> d == -1).count();
        if (inferred > 1 || Arrays.stream(target).anyMatch(d -> d < 1 && d != -1)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": target shape " + Arrays.toString(target)
                    + " must hold positive sizes and at most one -1");
        }
        this.target = target.clone();
    }

    /** A reshape to {@code target} (per sample). */
    public static Reshape of(int... target) {
        return new Reshape(null, target);
    }

    @Override
    protected int[] create(int[] inputShape, BuildContext context) {
        if (Arrays.stream(inputShape).anyMatch(d -> d < 0)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " '" + name()
                    + "' needs a fully known input shape, got " + Arrays.toString(inputShape));
        }
        long size = Arrays.stream(inputShape).asLongStream().reduce(1, (a, b) -> a * b);
        long known = Arrays.stream(target).filter(d -> d != -1).asLongStream().reduce(1, (a, b) -> a * b);
        resolved = target.clone();
        for (int i = 0; i < resolved.length; i++) {
            if (resolved[i] == -1) {
                resolved[i] = (int) (size / known);
            }
        }
        if (Arrays.stream(resolved).asLongStream().reduce(1, (a, b) -> a * b) != size) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " '" + name() + "': cannot reshape "
                    + Arrays.toString(inputShape) + " (" + size + " values) to " + Arrays.toString(target));
        }
        return resolved.clone();
    }

    @Override
    public Variable forward(Tape tape, Variable x) {
        requireBuilt();
        int[] shape = new int[resolved.length + 1];
        shape[0] = x.value().dim(0);
        System.arraycopy(resolved, 0, shape, 1, resolved.length);
        boolean keepsTime = x.value().rank() >= 2 && resolved.length >= 1 && resolved[0] == x.value().dim(1);
        return LayoutOps.reshape(tape, x, keepsTime ? x.lengths() : null, shape);
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = baseConfig();
        c.put("target", Arrays.stream(target).boxed().toList());
        return c;
    }

    /** Rebuilds the layer from {@link #config()}. */
    public static Reshape fromConfig(Map<String, Object> c) {
        return new Reshape(Layers.string(c, "name"), Layers.integers(c, "target"));
    }
}
