package dev.mnemo.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mnemo.autograd.Parameter;
import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import dev.mnemo.kernel.reference.ReferenceBackend;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The losses and metrics that had no test of their own: values against figures computed by hand
 * (in double, with Python's math module), gradients against central finite differences, top-k and
 * the confusion matrix on a batch whose answer is known.
 */
class LossesAndMetricsTest {

    /** The loss of {@code x} against {@code target}, and its gradient with respect to {@code x} in {@code grad}. */
    private static double lossAndGradient(Loss loss, float[] x, int[] shape, float[] target, int[] targetShape, float[] grad) {
        try (Scope scope = Scope.open(); Tape tape = Tape.training(new ReferenceBackend(), new Random(0))) {
            Parameter p = new Parameter("x", scope.of(x.clone(), shape), scope.zeros(shape));
            Variable value = loss.compute(tape, tape.parameter(p), scope.of(target, targetShape));
            tape.backward(value);
            if (grad != null) {
                System.arraycopy(p.grad().toArray(), 0, grad, 0, grad.length);
            }
            return value.value().get(0);
        }
    }

    /** Checks the loss's gradient against {@code (L(x + h) - L(x - h)) / 2h} for every element. */
    private static void gradientMatchesFiniteDifferences(Loss loss, float[] x, int[] shape, float[] target, int[] targetShape) {
        float[] grad = new float[x.length];
        lossAndGradient(loss, x, shape, target, targetShape, grad);
        float h = 1e-2f;
        for (int i = 0; i < x.length; i++) {
            float[] up = x.clone(), down = x.clone();
            up[i] += h;
            down[i] -= h;
            double numeric = (lossAndGradient(loss, up, shape, target, targetShape, null)
                    - lossAndGradient(loss, down, shape, target, targetShape, null)) / (2 * h);
            assertEquals(numeric, grad[i], 2e-3, loss.name() + " d/dx[" + i + "]");
        }
    }

    @Test
    void binaryCrossEntropyFromLogits() {
        float[] x = {0.5f, -1f, 2f};
        float[] t = {1, 0, 1};
        // mean of log(1 + e^-0.5), log(1 + e^-1), log(1 + e^-2)
        assertEquals(0.3047555609, lossAndGradient(Losses.binaryCrossEntropy(), x, new int[] {1, 3}, t, new int[] {1, 3}, null), 1e-6);
        gradientMatchesFiniteDifferences(Losses.binaryCrossEntropy(), x, new int[] {1, 3}, t, new int[] {1, 3});
        // stable for large logits: no overflow, the loss of a confident right answer is ~0
        assertEquals(0.0, lossAndGradient(Losses.binaryCrossEntropy(), new float[] {80f}, new int[] {1, 1}, new float[] {1}, new int[] {1, 1}, null), 1e-12);
    }

    @Test
    void categoricalCrossEntropyWithOneHotAndSoftTargets() {
        float[] x = {1f, 2f, 3f};
        int[] shape = {1, 3};
        // log(e + e^2 + e^3) - 3
        assertEquals(0.4076059644, lossAndGradient(Losses.categoricalCrossEntropy(), x, shape, new float[] {0, 0, 1}, shape, null), 1e-6);
        // -(0.2 log p1 + 0.3 log p2 + 0.5 log p3)
        float[] soft = {0.2f, 0.3f, 0.5f};
        assertEquals(1.1076059644, lossAndGradient(Losses.categoricalCrossEntropy(), x, shape, soft, shape, null), 1e-6);
        gradientMatchesFiniteDifferences(Losses.categoricalCrossEntropy(), x, shape, soft, shape);
    }

    @Test
    void meanAbsoluteErrorAndItsGradientAtZero() {
        float[] x = {1f, -2f, 3f, 0f};
        float[] t = {0.5f, 0f, 3f, 1f};
        float[] grad = new float[4];
        assertEquals(0.875, lossAndGradient(Losses.meanAbsoluteError(), x, new int[] {1, 4}, t, new int[] {1, 4}, grad), 1e-7);
        assertArrayEquals(new float[] {0.25f, -0.25f, 0f, -0.25f}, grad, 1e-7f, "sign(x - t) / 4, and 0 where x = t");
    }

    @Test
    void topKAndTheConfusionMatrixCountTheRightRows() {
        float[] logits = {0.1f, 0.5f, 0.4f, 0.9f, 0.05f, 0.05f, 0.2f, 0.3f, 0.5f};
        float[] targets = {2, 0, 0};
        try (Scope scope = Scope.open(); Tape tape = Tape.inference(new ReferenceBackend())) {
            Variable out = tape.input(scope.of(logits, 3, 3));
            Tensor target = scope.of(targets, 3);
            Metric top1 = Metrics.accuracy();
            Metric top2 = Metrics.topK(2);
            ConfusionMatrix confusion = new ConfusionMatrix(3);
            top1.update(out, target);
            top2.update(out, target);
            confusion.update(out, target);

            assertEquals(1.0 / 3, top1.result(), 1e-12, "only the second row's best class is its target");
            assertEquals(2.0 / 3, top2.result(), 1e-12, "the first row's target is its second best");
            assertArrayEquals(new long[][] {{1, 0, 1}, {0, 0, 0}, {0, 1, 0}}, confusion.counts());
            assertEquals(0.5, confusion.recall(0), 1e-12);
            assertEquals(1.0, confusion.precision(0), 1e-12);
        }
    }
}
