package dev.mnemo.kernel;

import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.util.Random;

/** Seeded random tensors for kernel tests. */
public final class TestData {
    private final Scope scope;
    private final Random random;

    public TestData(Scope scope, Random random) {
        this.scope = scope;
        this.random = random;
    }

    public Scope scope() {
        return scope;
    }

    public Random random() {
        return random;
    }

    /** Uniform values in {@code [-scale, scale)}. */
    public Tensor uniform(float scale, int... shape) {
        Tensor t = scope.zeros(shape);
        for (long i = 0; i < t.size(); i++) {
            t.set(i, (random.nextFloat() * 2 - 1) * scale);
        }
        return t;
    }

    /** Uniform values in [-1, 1). */
    public Tensor uniform(int... shape) {
        return uniform(1f, shape);
    }

    /**
     * Distinct values spaced at least 0.05 apart (shuffled), so max pooling has no ties and a
     * finite-difference step cannot change which element wins.
     */
    public Tensor distinct(int... shape) {
        Tensor t = scope.zeros(shape);
        int n = (int) t.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        for (int i = 0; i < n; i++) {
            t.set(order[i], (i - n / 2f) * 0.05f);
        }
        return t;
    }

    /** Values away from 0 (|x| in [0.1, 2)), for ReLU gradient checks. */
    public Tensor awayFromZero(int... shape) {
        Tensor t = scope.zeros(shape);
        for (long i = 0; i < t.size(); i++) {
            float magnitude = 0.1f + random.nextFloat() * 1.9f;
            t.set(i, random.nextBoolean() ? magnitude : -magnitude);
        }
        return t;
    }

    /** Random lengths in [0, steps] that include 0 and steps when the batch has room. */
    public int[] lengths(int batch, int steps) {
        int[] lengths = new int[batch];
        for (int b = 0; b < batch; b++) {
            lengths[b] = random.nextInt(steps + 1);
        }
        if (batch >= 2) {
            lengths[0] = steps;
            lengths[batch - 1] = 0;
        }
        return lengths;
    }

    /** {@code Σ a_i b_i} in double: the scalar loss {@code L = Σ out ⊙ g} of a gradient check. */
    public static double dot(Tensor a, Tensor b) {
        if (a == null || b == null) {
            return 0;
        }
        double sum = 0;
        for (long i = 0; i < a.size(); i++) {
            sum += (double) a.get(i) * b.get(i);
        }
        return sum;
    }
}
