package dev.mnemo.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.io.SafeTensors;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Learning-rate schedules against their closed forms and torch.optim.lr_scheduler. */
class ScheduleTest {
    private static final double BASE = 0.1;

    @Test
    void closedForms() {
        assertEquals(0.1 * 0.5 * 0.5, LearningRateSchedule.stepDecay(3, 0.5).rate(7, BASE), 1e-15);
        assertEquals(0.1, LearningRateSchedule.stepDecay(3, 0.5).rate(2, BASE), 1e-15);
        assertEquals(0.1 * Math.pow(0.9, 5), LearningRateSchedule.exponential(0.9).rate(5, BASE), 1e-15);
        LearningRateSchedule cosine = LearningRateSchedule.cosine(10, 0.001);
        assertEquals(0.1, cosine.rate(0, BASE), 1e-15);
        assertEquals((0.1 + 0.001) / 2, cosine.rate(5, BASE), 1e-15);
        assertEquals(0.001, cosine.rate(10, BASE), 1e-15);
        assertEquals(0.001, cosine.rate(25, BASE), 0, "holds at minRate after the period");
        assertEquals(0.1, LearningRateSchedule.constant().rate(1000, BASE), 0);
    }

    @Test
    void warmupRampsLinearlyThenStartsTheInnerScheduleAtItsEpochZero() {
        LearningRateSchedule s = LearningRateSchedule.exponential(0.5).withWarmup(4, 0.2);
        assertEquals(0.1 * 0.2, s.rate(0, BASE), 1e-15);
        assertEquals(0.1 * (0.2 + 0.8 * 3 / 4.0), s.rate(3, BASE), 1e-15);
        assertEquals(0.1, s.rate(4, BASE), 1e-15);
        assertEquals(0.1 * 0.25, s.rate(6, BASE), 1e-15);
        assertEquals(0.1 * 0.5, LearningRateSchedule.constant().withWarmup(2, 0).rate(1, BASE), 1e-15);
    }

    @Test
    void matchesTorchSchedulers() throws Exception {
        try (Scope scope = Scope.open()) {
            SafeTensors.Contents f = Fixtures.load("optim_schedules", scope);
            double base = Double.parseDouble(f.metadata().get("base"));
            check(f.get("step"), new StepDecay(3, 0.5), base);
            check(f.get("exponential"), new ExponentialDecay(0.9), base);
            check(f.get("cosine"), new CosineAnnealing(10, 0.001), base);
            check(f.get("warmup_cosine"), new CosineAnnealing(8, 0).withWarmup(4, 0.25), base);
        }
    }

    private static void check(Tensor torchRates, LearningRateSchedule schedule, double base) {
        for (int e = 0; e < torchRates.size(); e++) {
            double expected = torchRates.get(e);
            assertEquals(expected, schedule.rate(e, base), 1e-6 * Math.max(expected, 1e-3), schedule + " epoch " + e);
        }
    }

    @Test
    void badArgumentsAreNamed() {
        assertMessage("StepDecay: stepSize must be >= 1, got 0", () -> new StepDecay(0, 0.5));
        assertMessage("StepDecay: gamma must be a finite number > 0, got -0.5", () -> new StepDecay(2, -0.5));
        assertMessage("ExponentialDecay: gamma must be a finite number > 0, got NaN",
                () -> new ExponentialDecay(Double.NaN));
        assertMessage("CosineAnnealing: periodEpochs must be >= 1, got 0", () -> new CosineAnnealing(0, 0));
        assertMessage("CosineAnnealing: minRate must be a finite number >= 0, got -1.0",
                () -> new CosineAnnealing(5, -1));
        assertMessage("LinearWarmup: startFactor must be in [0, 1], got 1.5",
                () -> LearningRateSchedule.constant().withWarmup(3, 1.5));
        assertMessage("LinearWarmup: epochs must be >= 1, got 0",
                () -> LearningRateSchedule.constant().withWarmup(0, 0.5));
        assertMessage("ExponentialDecay: epoch must be >= 0, got -1", () -> new ExponentialDecay(0.9).rate(-1, BASE));
        assertMessage("StepDecay: baseRate must be a finite number >= 0, got -0.1",
                () -> new StepDecay(1, 0.9).rate(0, -0.1));
    }

    static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(expected), () -> "message '" + e.getMessage() + "' lacks '" + expected + "'");
    }
}
