package dev.mnemo.optim;

import static dev.mnemo.optim.ScheduleTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.autograd.Parameter;
import dev.mnemo.tensor.Scope;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Argument checks, state ownership and convergence of the optimizers. */
class OptimizerBehaviourTest {
    private final Scope scope = Scope.open();

    @AfterEach
    void close() {
        scope.close();
    }

    @Test
    void badArgumentsNameTheArgument() {
        assertMessage("SGD: learningRate must be a finite number >= 0, got -0.1", () -> Optimizer.sgd(-0.1).build());
        assertMessage("SGD: momentum must be a finite number >= 0, got -0.9",
                () -> Optimizer.sgd(0.1).momentum(-0.9).build());
        assertMessage("SGD: dampening must be in [0, 1], got 2.0", () -> Optimizer.sgd(0.1).dampening(2).build());
        assertMessage("SGD: nesterov needs momentum > 0 and dampening 0",
                () -> Optimizer.sgd(0.1).nesterov(true).build());
        assertMessage("SGD: weightDecay must be a finite number >= 0, got NaN",
                () -> Optimizer.sgd(0.1).weightDecay(Double.NaN).build());
        assertMessage("Adam: beta1 must be in [0, 1), got 1.0", () -> Optimizer.adam(1e-3).betas(1, 0.999).build());
        assertMessage("Adam: beta2 must be in [0, 1), got -0.1", () -> Optimizer.adam(1e-3).betas(0.9, -0.1).build());
        assertMessage("Adam: learningRate must be a finite number >= 0, got Infinity",
                () -> Optimizer.adam(Double.POSITIVE_INFINITY).build());
        assertMessage("AdamW: eps must be a finite number >= 0, got -1.0E-8", () -> Optimizer.adamW(1e-3).eps(-1e-8).build());
        assertMessage("AdamW: weightDecay must be a finite number >= 0, got -0.01",
                () -> Optimizer.adamW(1e-3).weightDecay(-0.01).build());
        assertMessage("RMSprop: alpha must be in [0, 1), got 1.0", () -> Optimizer.rmsprop(1e-2).alpha(1).build());
        assertMessage("RMSprop: momentum must be a finite number >= 0, got -0.5",
                () -> Optimizer.rmsprop(1e-2).momentum(-0.5).build());
        try (Optimizer adam = Optimizer.adam(1e-3).build()) {
            assertMessage("Adam: learningRate must be a finite number >= 0, got -1.0", () -> adam.setLearningRate(-1));
            assertEquals(1e-3, adam.learningRate());
        }
    }

    @Test
    void defaultsAreTorchs() {
        try (Optimizer adamW = Optimizer.adamW(1e-3).build(); Optimizer rms = Optimizer.rmsprop(0.01).build()) {
            assertEquals("AdamW(lr=0.001, betas=(0.9, 0.999), eps=1.0E-8, weightDecay=0.01, amsgrad=false)",
                    adamW.toString());
            assertEquals("RMSprop(lr=0.01, alpha=0.99, eps=1.0E-8, weightDecay=0.0, momentum=0.0, centered=false)",
                    rms.toString());
        }
    }

    @Test
    void duplicateParametersAndUseAfterCloseAreRejected() {
        Parameter p = Fixtures.parameter("dense.weight", new float[] {1, 2}, new float[] {0.1f, 0.2f}, scope);
        Optimizer sgd = Optimizer.sgd(0.1).build();
        assertMessage("SGD: parameter dense.weight appears more than once", () -> sgd.step(List.of(p, p)));
        assertArrayEquals(new float[] {1, 2}, p.value().toArray(), "nothing is updated when the list is rejected");
        sgd.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sgd.step(List.of(p)));
        assertEquals("SGD is closed", e.getMessage());
    }

    @Test
    void stepReadsGradientsWithoutChangingThemAndCountsIterations() {
        Parameter a = Fixtures.parameter("a", new float[] {1, -1}, new float[] {0.5f, -0.25f}, scope);
        Parameter idle = Fixtures.parameter("idle", new float[] {3}, new float[] {1}, scope);
        try (Optimizer sgd = Optimizer.sgd(0.1).build()) {
            sgd.step(List.of(a));
            sgd.step(List.of(a));
            assertEquals(2, sgd.iterations());
            assertArrayEquals(new float[] {0.5f, -0.25f}, a.grad().toArray());
            assertArrayEquals(new float[] {(float) (1 - 0.1 * 0.5 - 0.1 * 0.5), (float) (-1 + 0.1 * 0.25 + 0.1 * 0.25)},
                    a.value().toArray(), 1e-7f);
            assertArrayEquals(new float[] {3}, idle.value().toArray(), "parameters not passed are untouched");
        }
    }

    /** torch keeps state["step"] per parameter: one that joins late gets its own bias correction. */
    @Test
    void aParameterJoiningLateStartsItsOwnStepCount() {
        float[] bValue = {0.3f, -0.7f, 1.1f};
        float[] bGrad = {0.02f, -3f, 0.5f};
        Parameter a = Fixtures.parameter("a", new float[] {1, 2}, new float[] {0.1f, -0.2f}, scope);
        Parameter late = Fixtures.parameter("late", bValue, bGrad, scope);
        Parameter fresh = Fixtures.parameter("fresh", bValue, bGrad, scope);
        try (Optimizer shared = Optimizer.adam(0.01).build(); Optimizer alone = Optimizer.adam(0.01).build()) {
            for (int i = 0; i < 3; i++) {
                shared.step(List.of(a));
            }
            shared.step(List.of(a, late));
            alone.step(List.of(fresh));
            assertArrayEquals(fresh.value().toArray(), late.value().toArray());
            // Adam's first step moves every element by almost exactly lr against its gradient's sign.
            assertArrayEquals(new float[] {0.3f - 0.01f, -0.7f + 0.01f, 1.1f - 0.01f}, late.value().toArray(), 1e-6f);
        }
    }

    @Test
    void everyOptimizerMinimisesAnIllConditionedQuadratic() {
        assertConverges("Adam", () -> Optimizer.adam(0.05).build(), 600);
        assertConverges("AdamW", () -> Optimizer.adamW(0.05).weightDecay(0).amsgrad(true).build(), 600);
        assertConverges("SGD+Nesterov", () -> Optimizer.sgd(0.04).momentum(0.9).nesterov(true).build(), 600);
        assertConverges("RMSprop", () -> Optimizer.rmsprop(0.01).centered(true).momentum(0.5).build(), 600);
    }

    /**
     * f(x) = Σ c_i (x_i − t_i)² with curvatures c from 0.1 to 10; the gradient is 2c(x − t). Every
     * coordinate must end within 1e-3 of its target, starting from 3 away or more.
     */
    private void assertConverges(String label, Supplier<Optimizer> factory, int steps) {
        float[] c = {0.1f, 0.5f, 1f, 2f, 5f, 10f};
        float[] t = {3f, -2f, 0.5f, 4f, -1f, 2.5f};
        Parameter x = Fixtures.parameter("x", new float[] {-1, 2, -3, 0, 3, -2}, new float[c.length], scope);
        double start = loss(x, c, t);
        try (Optimizer opt = factory.get()) {
            for (int s = 0; s < steps; s++) {
                for (int i = 0; i < c.length; i++) {
                    x.grad().set(i, 2 * c[i] * (x.value().get(i) - t[i]));
                }
                opt.step(List.of(x));
            }
        }
        for (int i = 0; i < c.length; i++) {
            double error = Math.abs(x.value().get(i) - t[i]);
            assertTrue(error < 1e-3, label + ": x[" + i + "] = " + x.value().get(i) + ", target " + t[i]);
        }
        System.out.printf("[optim] %s: quadratic loss %.3g -> %.3g in %d steps%n", label, start, loss(x, c, t), steps);
    }

    private static double loss(Parameter x, float[] c, float[] t) {
        double sum = 0;
        for (int i = 0; i < c.length; i++) {
            double d = x.value().get(i) - t[i];
            sum += c[i] * d * d;
        }
        return sum;
    }
}
