package dev.mnemo.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import dev.mnemo.kernel.Backends;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Batch normalisation's statistics against values computed here in double precision: a training
 * pass normalises with the batch's mean and biased variance and moves the running ones by the
 * momentum (the variance unbiased, as PyTorch); an inference pass uses the running ones.
 * Gradients are checked on every backend in {@link ConvLayerGradientChecks}.
 */
class BatchNormTest {
    private final KernelBackend reference = Backends.get("reference");

    /** x [B=2, C=2, 3]: channel 0 holds 1..6, channel 1 holds squares. */
    private static final float[] X = {1, 2, 3, 1, 4, 9, 4, 5, 6, 16, 25, 36};

    private static double[] channel(int c) {
        double[] v = new double[6];
        for (int b = 0, k = 0; b < 2; b++) {
            for (int s = 0; s < 3; s++) {
                v[k++] = X[(b * 2 + c) * 3 + s];
            }
        }
        return v;
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum / v.length;
    }

    private static double biasedVariance(double[] v) {
        double m = mean(v), sum = 0;
        for (double x : v) {
            sum += (x - m) * (x - m);
        }
        return sum / v.length;
    }

    private static BatchNorm built(Scope scope) {
        BatchNorm bn = new BatchNorm("bn", 0.25f, 1e-5f);
        bn.build(new int[] {2, 3}, new BuildContext(scope, new Random(1)));
        return bn;
    }

    @Test
    void aTrainingPassNormalisesByTheBatchAndMovesTheRunningStatistics() {
        try (Scope scope = Scope.open()) {
            BatchNorm bn = built(scope);
            Map<String, Tensor> state = bn.state();
            state.get("bn.weight").copyFrom(new float[] {2f, 1f});
            state.get("bn.bias").copyFrom(new float[] {0.5f, -1f});
            float[] y;
            try (Tape tape = Tape.training(reference, new Random(0))) {
                y = bn.forward(tape, tape.input(scope.of(X, 2, 2, 3))).value().toArray();
            }
            float[] gamma = {2f, 1f}, beta = {0.5f, -1f};
            for (int c = 0; c < 2; c++) {
                double[] v = channel(c);
                double m = mean(v), var = biasedVariance(v);
                for (int b = 0; b < 2; b++) {
                    for (int s = 0; s < 3; s++) {
                        int i = (b * 2 + c) * 3 + s;
                        assertEquals(gamma[c] * (X[i] - m) / Math.sqrt(var + 1e-5) + beta[c], y[i], 1e-5, "y[" + i + "]");
                    }
                }
                assertEquals(0.75 * 0 + 0.25 * m, state.get("bn.running_mean").get(c), 1e-5, "running mean " + c);
                assertEquals(0.75 * 1 + 0.25 * var * 6 / 5, state.get("bn.running_var").get(c), 1e-4, "running var " + c);
            }
        }
    }

    @Test
    void anInferencePassUsesTheRunningStatisticsAndLeavesThemAlone() {
        try (Scope scope = Scope.open()) {
            BatchNorm bn = built(scope);
            Map<String, Tensor> state = bn.state();
            state.get("bn.running_mean").copyFrom(new float[] {3f, -2f});
            state.get("bn.running_var").copyFrom(new float[] {4f, 0.25f});
            float[] y;
            try (Tape tape = Tape.inference(reference)) {
                y = bn.forward(tape, tape.input(scope.of(X, 2, 2, 3))).value().toArray();
            }
            for (int i = 0; i < X.length; i++) {
                int c = (i / 3) % 2;
                double expected = c == 0 ? (X[i] - 3) / Math.sqrt(4 + 1e-5) : (X[i] + 2) / Math.sqrt(0.25 + 1e-5);
                assertEquals(expected, y[i], 1e-5, "y[" + i + "]");
            }
            assertArrayEquals(new float[] {3f, -2f}, state.get("bn.running_mean").toArray());
            assertArrayEquals(new float[] {4f, 0.25f}, state.get("bn.running_var").toArray());
        }
    }

    @Test
    void buffersAreStateButNotParameters() {
        try (Scope scope = Scope.open()) {
            BatchNorm bn = built(scope);
            assertEquals(2, bn.parameters().size(), "weight and bias are trained");
            assertEquals(2, bn.buffers().size(), "running statistics are not");
            assertEquals(java.util.List.of("bn.weight", "bn.bias", "bn.running_mean", "bn.running_var"),
                    java.util.List.copyOf(bn.state().keySet()));
            assertArrayEquals(new float[] {1f, 1f}, bn.state().get("bn.running_var").toArray());
        }
    }

    @Test
    void badInputsAreNamed() {
        try (Scope scope = Scope.open(); Tape tape = Tape.training(reference, new Random(0))) {
            BatchNorm bn = new BatchNorm("bn", 0.1f, 1e-5f);
            bn.build(new int[] {3}, new BuildContext(scope, new Random(1)));
            Variable single = tape.input(scope.of(new float[] {1, 2, 3}, 1, 3));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bn.forward(tape, single));
            assertTrue(e.getMessage().contains("batch of 2 or more"), e.getMessage());
            Variable masked = tape.input(scope.of(new float[6], 2, 1, 3), new int[] {1, 0});
            e = assertThrows(IllegalArgumentException.class, () -> bn.forward(tape, masked));
            assertTrue(e.getMessage().contains("LayerNorm"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new BatchNorm("bn", 1.5f, 1e-5f));
        assertThrows(IllegalArgumentException.class, () -> new BatchNorm("bn", 0.1f, 0f));
    }
}
