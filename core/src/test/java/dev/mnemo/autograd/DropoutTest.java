package dev.mnemo.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.kernel.reference.ReferenceBackend;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Inverted dropout: in training it zeroes about {@code rate} of the elements and scales the rest by 1/(1-rate); at inference it is the identity. */
class DropoutTest {
    private static final int N = 20_000;
    private static final float RATE = 0.25f;

    private static float[] ones() {
        float[] x = new float[N];
        Arrays.fill(x, 1f);
        return x;
    }

    @Test
    void trainingZeroesAboutRateAndScalesTheRest() {
        try (Scope scope = Scope.open(); Tape tape = Tape.training(new ReferenceBackend(), new Random(3))) {
            Parameter p = new Parameter("x", scope.of(ones(), N), scope.zeros(N));
            Variable y = MathOps.dropout(tape, tape.parameter(p), RATE);
            float[] out = y.value().toArray();
            long zeros = 0;
            for (float v : out) {
                assertTrue(v == 0f || v == 1f / (1 - RATE), "kept elements are scaled by exactly 1/(1-rate): " + v);
                zeros += v == 0f ? 1 : 0;
            }
            // binomial(20,000, 0.25): standard deviation 61, so 5,000 ± 300 holds unless the mask is wrong
            assertEquals(N * RATE, zeros, 300, "zeroed elements");

            tape.backward(MathOps.sum(tape, y));
            assertArrayEquals(out, p.grad().toArray(), "the gradient goes through the same mask and scale");
        }
    }

    @Test
    void inferenceIsTheIdentity() {
        try (Scope scope = Scope.open(); Tape tape = Tape.inference(new ReferenceBackend())) {
            Tensor x = scope.of(ones(), N);
            assertArrayEquals(x.toArray(), MathOps.dropout(tape, tape.input(x), RATE).value().toArray());
        }
    }
}
