package dev.mnemo.nn;

import dev.mnemo.autograd.Parameter;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.autograd.AttentionOps.Attention;
import dev.mnemo.autograd.AttentionOps;
import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import dev.mnemo.kernel.Backends;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.kernel.TestData;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Attention ops and layers: gradients against finite differences with padded keys, the masking
 * properties (padded keys get weight 0 and cannot change the result, an empty sample attends
 * to nothing), single queries, and argument checks.
 */
class AttentionTest {
    private static final int[] KEY_LENGTHS = {5, 2, 0};

    private final KernelBackend kernels = Backends.get("reference"); // validating decorator checks every SPI call
    private final Scope scope = Scope.open();
    private final TestData data = new TestData(scope, new Random(23));
    private final GradientCheck grad = new GradientCheck(kernels, scope, data);

    @AfterEach
    void close() {
        scope.close();
    }

    @Test
    void dotProductGradientsWithPaddedKeys() {
        for (boolean scaled : new boolean[] {false, true}) {
            GradientCheck.Input q = grad.input("q", data.uniform(3, 2, 4), null);
            GradientCheck.Input k = grad.input("k", data.uniform(3, 5, 4), null);
            GradientCheck.Input v = grad.input("v", data.uniform(3, 5, 3), null);
            double worst = grad.check("dot attention scaled=" + scaled, List.of(), List.of(q, k, v), tape -> {
                Attention a = AttentionOps.dotProduct(tape, q.on(tape), k.on(tape), v.on(tape), KEY_LENGTHS, scaled);
                return List.of(a.context(), a.weights());
            });
            assertTrue(worst < 1);
        }
    }

    @Test
    void additiveLayerGradientsWithPaddedEncoderSteps() {
        AdditiveAttention attention = new AdditiveAttention("additive", 4);
        assertArrayEquals(new int[] {2, 5}, attention.build(new int[] {2, 3}, new int[] {-1, 5},
                new BuildContext(scope, new Random(5))));
        for (Parameter p : attention.parameters()) {
            p.value().copyFrom(data.uniform(p.value().shape()));
        }
        GradientCheck.Input query = grad.input("query", data.uniform(3, 2, 3), null);
        GradientCheck.Input encoder = grad.input("encoder", data.uniform(3, 4, 5), new int[] {4, 1, 0});
        double worst = grad.check("additive attention", attention.parameters(), List.of(query, encoder), tape -> {
            Attention a = attention.call(tape, query.on(tape), encoder.on(tape));
            return List.of(a.context(), a.weights());
        });
        assertTrue(worst < 1);
    }

    @Test
    void selfAttentionAsAPlainLayer() {
        assertTrue(grad.layer(new DotProductAttention("self_attention", true), data.uniform(3, 4, 3),
                new int[] {4, 2, 1}) < 1);
    }

    @Test
    void paddedKeysGetNoWeightAndCannotChangeTheContext() {
        Tensor q = data.uniform(3, 2, 4), k = data.uniform(3, 5, 4), v = data.uniform(3, 5, 3);
        float[] context;
        float[] weights;
        try (Tape tape = Tape.inference(kernels)) {
            Attention a = AttentionOps.dotProduct(tape, tape.input(q), tape.input(k), tape.input(v), KEY_LENGTHS, true);
            context = a.context().value().toArray();
            weights = a.weights().value().toArray();
        }
        for (int b = 0; b < 3; b++) {
            for (int i = 0; i < 2; i++) {
                double sum = 0;
                for (int j = 0; j < 5; j++) {
                    float w = weights[(b * 2 + i) * 5 + j];
                    if (j >= KEY_LENGTHS[b]) {
                        assertEquals(0f, w, "weight of padded key " + j + " of sample " + b);
                    }
                    sum += w;
                }
                assertEquals(KEY_LENGTHS[b] == 0 ? 0 : 1, sum, 1e-6, "weights of sample " + b + " sum");
            }
        }
        for (int j = 0; j < 3 * 2; j++) {
            assertEquals(0f, context[2 * 3 * 2 + j], "context of the sample without keys");
        }
        for (int b = 0; b < 3; b++) { // scribble over every padded step of keys and values
            for (int j = KEY_LENGTHS[b]; j < 5; j++) {
                for (int d = 0; d < 4; d++) {
                    k.set((b * 5L + j) * 4 + d, 100f);
                }
                for (int d = 0; d < 3; d++) {
                    v.set((b * 5L + j) * 3 + d, -100f);
                }
            }
        }
        try (Tape tape = Tape.inference(kernels)) {
            Attention a = AttentionOps.dotProduct(tape, tape.input(q), tape.input(k), tape.input(v), KEY_LENGTHS, true);
            assertArrayEquals(context, a.context().value().toArray());
            assertArrayEquals(weights, a.weights().value().toArray());
        }
    }

    @Test
    void singleQueryEqualsAOneStepSequence() {
        Tensor q = data.uniform(3, 4), k = data.uniform(3, 5, 4);
        AdditiveAttention attention = new AdditiveAttention("additive", 3);
        attention.build(new int[] {4}, new int[] {5, 4}, new BuildContext(scope, new Random(5)));
        try (Tape tape = Tape.inference(kernels)) {
            Variable keys = tape.input(k, KEY_LENGTHS);
            Attention single = attention.call(tape, tape.input(q), keys);
            Attention steps = attention.call(tape, tape.input(q.view(3, 1, 4)), keys);
            assertArrayEquals(new int[] {3, 4}, single.context().shape());
            assertArrayEquals(new int[] {3, 5}, single.weights().shape());
            assertArrayEquals(steps.context().value().toArray(), single.context().value().toArray());
            assertArrayEquals(steps.weights().value().toArray(), single.weights().value().toArray());
        }
    }

    @Test
    void contextKeepsTheQueryLengths() {
        DotProductAttention attention = new DotProductAttention("dot", false);
        attention.build(new int[] {-1, 4}, new int[] {-1, 4}, new BuildContext(scope, new Random(5)));
        try (Tape tape = Tape.inference(kernels)) {
            Attention a = attention.call(tape, tape.input(data.uniform(3, 2, 4), new int[] {2, 1, 2}),
                    tape.input(data.uniform(3, 5, 4), KEY_LENGTHS));
            assertArrayEquals(new int[] {2, 1, 2}, a.context().lengths());
            assertArrayEquals(new int[] {3, 2, 5}, a.weights().shape());
        }
    }

    @Test
    void badArgumentsAreNamed() {
        DotProductAttention dot = new DotProductAttention("dot", true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> dot.build(new int[] {2, 3}, new int[] {5, 4}, new BuildContext(scope, new Random(5))));
        assertTrue(e.getMessage().contains("same size"), e.getMessage());
        try (Tape tape = Tape.inference(kernels)) {
            Variable q = tape.input(data.uniform(3, 2, 4)), k = tape.input(data.uniform(2, 5, 4));
            e = assertThrows(IllegalArgumentException.class,
                    () -> AttentionOps.dotProduct(tape, q, k, k, null, false));
            assertTrue(e.getMessage().contains("share the batch"), e.getMessage());
            Variable k3 = tape.input(data.uniform(3, 5, 4));
            e = assertThrows(IllegalArgumentException.class,
                    () -> AttentionOps.dotProduct(tape, q, k3, k3, new int[] {1, 2}, false));
            assertTrue(e.getMessage().contains("2 key lengths for a batch of 3"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> AttentionOps.dotProduct(tape, q, k3, k3, new int[] {1, 6, 2}, false));
            assertTrue(e.getMessage().contains("key length 6 of sample 1 is outside [0, 5]"), e.getMessage());
        }
        e = assertThrows(IllegalArgumentException.class, () -> new AdditiveAttention("a", 0));
        assertTrue(e.getMessage().contains("units must be >= 1"), e.getMessage());
    }
}
