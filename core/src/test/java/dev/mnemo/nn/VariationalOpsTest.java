package dev.mnemo.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.VariationalOps;
import dev.mnemo.kernel.Backends;
import dev.mnemo.kernel.TestData;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The variational autoencoder's sampling and KL ops: values by hand, gradients by finite differences. */
class VariationalOpsTest {
    @Test
    void valuesMatchTheFormulas() {
        try (Scope scope = Scope.open(); Tape tape = Tape.inference(Backends.get("reference"))) {
            // one sample, Z = 2: μ = (0.5, -1), log σ² = (0, ln 4)
            Tensor stats = scope.of(new float[] {0.5f, -1f, 0f, (float) Math.log(4)}, 1, 4);
            Tensor eps = scope.of(new float[] {1f, -0.5f}, 1, 2);
            float[] z = VariationalOps.sample(tape, tape.input(stats), eps).value().toArray();
            assertEquals(0.5 + 1 * 1, z[0], 1e-6);
            assertEquals(-1 + 2 * -0.5, z[1], 1e-6);
            double expected = -0.5 * (1 + 0 - 0.25 - 1) - 0.5 * (1 + Math.log(4) - 1 - 4);
            assertEquals(expected, VariationalOps.klDivergence(tape, tape.input(stats)).value().get(0), 1e-6);
            Tensor prior = scope.of(new float[] {0, 0, 0, 0}, 1, 4);
            assertEquals(0, VariationalOps.klDivergence(tape, tape.input(prior)).value().get(0), 1e-9, "N(0, I) against itself");
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        try (Scope scope = Scope.open()) {
            TestData data = new TestData(scope, new Random(4));
            GradientCheck grad = new GradientCheck(Backends.get("reference"), scope, data);
            GradientCheck.Input stats = grad.input("stats", data.uniform(3, 6), null);
            Tensor eps = data.uniform(3, 3);
            assertTrue(grad.check("vae", List.of(), List.of(stats), tape -> List.of(
                    VariationalOps.sample(tape, stats.on(tape), eps), VariationalOps.klDivergence(tape, stats.on(tape)))) < 1);
        }
    }

    @Test
    void badShapesAreNamed() {
        try (Scope scope = Scope.open(); Tape tape = Tape.inference(Backends.get("reference"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> VariationalOps.klDivergence(tape, tape.input(scope.zeros(2, 3))));
            assertTrue(e.getMessage().contains("[B, 2Z]"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> VariationalOps.sample(tape, tape.input(scope.zeros(2, 4)), scope.zeros(2, 3)));
            assertTrue(e.getMessage().contains("epsilon"), e.getMessage());
        }
    }
}
