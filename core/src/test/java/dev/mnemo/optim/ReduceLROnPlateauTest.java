package dev.mnemo.optim;

import static dev.mnemo.optim.ScheduleTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.io.SafeTensors;
import dev.mnemo.optim.ReduceLROnPlateau.Mode;
import dev.mnemo.optim.ReduceLROnPlateau.ThresholdMode;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** ReduceLROnPlateau replayed against torch's on a loss (min) and an accuracy (max) curve. */
class ReduceLROnPlateauTest {

    @Test
    void matchesTorchOnAFallingLossWithCooldownAndFloor() throws Exception {
        replay("plateau_min", ReduceLROnPlateau.builder().factor(0.5).patience(2).cooldown(1).minRate(0.02).build());
    }

    @Test
    void matchesTorchOnARisingAccuracyWithAbsoluteThreshold() throws Exception {
        replay("plateau_max", ReduceLROnPlateau.builder().mode(Mode.MAX).factor(0.1).patience(1)
                .threshold(0.01, ThresholdMode.ABSOLUTE).build());
    }

    private static void replay(String name, ReduceLROnPlateau plateau) throws Exception {
        try (Scope scope = Scope.open()) {
            SafeTensors.Contents f = Fixtures.load("optim_schedules", scope);
            Tensor metric = f.get(name + "_metric");
            Tensor expected = f.get(name);
            double rate = Double.parseDouble(f.metadata().get("base"));
            int reductions = 0;
            for (int e = 0; e < metric.size(); e++) {
                double next = plateau.onEpochEnd(metric.get(e), rate);
                reductions += next < rate ? 1 : 0;
                rate = next;
                assertEquals(expected.get(e), rate, 1e-6 * expected.get(e), name + " epoch " + e);
            }
            assertTrue(reductions >= 2, name + " should reduce at least twice, reduced " + reductions);
        }
    }

    @Test
    void nanCountsAsNoImprovement() {
        ReduceLROnPlateau p = ReduceLROnPlateau.builder().patience(1).build();
        assertEquals(1.0, p.onEpochEnd(0.5, 1.0));
        assertEquals(1.0, p.onEpochEnd(Double.NaN, 1.0));
        assertEquals(0.1, p.onEpochEnd(Double.NaN, 1.0), 1e-15);
        assertEquals(0.5, p.best());
    }

    @Test
    void badArgumentsAreNamed() {
        assertMessage("ReduceLROnPlateau: factor must be in (0, 1), got 1.0",
                () -> ReduceLROnPlateau.builder().factor(1).build());
        assertMessage("ReduceLROnPlateau: patience must be >= 0, got -1",
                () -> ReduceLROnPlateau.builder().patience(-1).build());
        assertMessage("ReduceLROnPlateau: cooldown must be >= 0, got -2",
                () -> ReduceLROnPlateau.builder().cooldown(-2).build());
        assertMessage("ReduceLROnPlateau: minRate must be a finite number >= 0, got -1.0E-5",
                () -> ReduceLROnPlateau.builder().minRate(-1e-5).build());
        assertMessage("ReduceLROnPlateau: threshold must be a finite number >= 0, got -0.1",
                () -> ReduceLROnPlateau.builder().threshold(-0.1, ThresholdMode.RELATIVE).build());
    }
}
