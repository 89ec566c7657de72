package dev.mnemo.train.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.train.History;
import dev.mnemo.train.Model;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    @Test
    void aRealFitStopsPatienceEpochsAfterTheBestAndRestoresExactlyItsWeights() {
        int epochs = 25;
        int patience = 3;
        TinyRegression.Recorder full = new TinyRegression.Recorder();
        try (Model model = TinyRegression.model()) {
            model.fit(TinyRegression.train()).validationData(TinyRegression.validation()).epochs(epochs).callbacks(full).run();
        }
        double[] valLoss = full.values("val_loss");
        int best = 0;
        for (int e = 1; e < epochs; e++) {
            if (valLoss[e] < valLoss[best]) {
                best = e;
            }
        }
        System.out.println("tiny regression val_loss by epoch: " + Arrays.toString(valLoss) + ", best epoch " + (best + 1));
        assertTrue(best >= 2 && best + patience < epochs - 1,
                "the fixture should have its best val_loss mid-run, got epoch " + (best + 1) + " of " + valLoss.length);
        for (int e = best + 1; e <= best + patience; e++) {
            assertTrue(valLoss[e] > valLoss[best], "epoch " + (e + 1) + " should not improve on the best");
        }

        EarlyStopping stopping = new EarlyStopping("val_loss", patience, true);
        TinyRegression.Recorder stopped = new TinyRegression.Recorder();
        try (Model model = TinyRegression.model()) {
            History history = model.fit(TinyRegression.train()).validationData(TinyRegression.validation()).epochs(epochs).callbacks(stopped, stopping).run();
            assertEquals(best + patience + 1, history.epochs().size(), "epochs run");
            assertEquals(best, stopping.bestEpoch());
            assertEquals(best + patience, stopping.stoppedEpoch());
            assertEquals(valLoss[best], stopping.best());
            assertEquals("val_loss did not improve for 3 epochs (patience 3, minDelta 0.0); best was epoch " + (best + 1)
                    + " with val_loss = " + valLoss[best] + "; its weights are restored at the end", history.stopReason());
            Map<String, float[]> restored = model.weights();
            full.weights.get(best).forEach((name, w) -> assertArrayEquals(w, restored.get(name), name + " is not the best epoch's"));
            float[] lastBias = stopped.weights.getLast().get("dense.bias");
            assertTrue(!Arrays.equals(lastBias, restored.get("dense.bias")), "training went on after the best epoch");
        }
    }

    @Test
    void minDeltaDecidesWhatCountsAsAnImprovement() {
        // best 0.80 at epoch 2; 0.79 is not 0.02 better, so epochs 3 and 4 are the two bad ones
        EarlyStopping stopping = EarlyStopping.builder().monitor("val_loss").patience(2).minDelta(0.02).build();
        ScriptedContext context = new ScriptedContext(null, 10, OptionalInt.empty());
        History history = context.play(stopping, ScriptedContext.series("val_loss", 1.0, 0.8, 0.85, 0.79, 0.5, 0.4));
        assertEquals(4, history.epochs().size());
        assertEquals(1, stopping.bestEpoch());
        assertEquals(0.8, stopping.best());
        assertTrue(context.stopReason.contains("best was epoch 2 with val_loss = 0.8"), context.stopReason);
    }

    @Test
    void accuracyIsMaximisedAndPatienceZeroStopsAtTheFirstEpochWithoutGain() {
        EarlyStopping stopping = EarlyStopping.builder().monitor("val_accuracy").build();
        ScriptedContext context = new ScriptedContext(null, 10, OptionalInt.empty());
        History history = context.play(stopping, ScriptedContext.series("val_accuracy", 0.5, 0.7, 0.9, 0.9, 0.95));
        assertEquals(4, history.epochs().size());
        assertEquals(2, stopping.bestEpoch());
        assertTrue(context.stopReason.startsWith("val_accuracy did not improve for 1 epoch (patience 0"), context.stopReason);
    }

    @Test
    void explicitModeOverridesTheName() {
        EarlyStopping stopping = EarlyStopping.builder().monitor("score").mode(MonitorMode.MAX).patience(1).build();
        ScriptedContext context = new ScriptedContext(null, 10, OptionalInt.empty());
        context.play(stopping, ScriptedContext.series("score", 1, 3, 2, 4));
        assertEquals(1, stopping.bestEpoch());
        assertEquals(2, stopping.stoppedEpoch());
    }

    @Test
    void nanNeverImprovesAndRunningOutWithoutStoppingLeavesNoReason() {
        EarlyStopping stopping = EarlyStopping.builder().monitor("loss").patience(2).build();
        ScriptedContext context = new ScriptedContext(null, 10, OptionalInt.empty());
        context.play(stopping, ScriptedContext.series("loss", Double.NaN, 2, Double.NaN, 1));
        assertNull(context.stopReason);
        assertEquals(3, stopping.bestEpoch());
        assertEquals(-1, stopping.stoppedEpoch());
    }

    @Test
    void oneInstanceServesSeveralRuns() {
        EarlyStopping stopping = EarlyStopping.builder().monitor("loss").patience(1).build();
        new ScriptedContext(null, 10, OptionalInt.empty()).play(stopping, ScriptedContext.series("loss", 0.1, 0.2));
        ScriptedContext second = new ScriptedContext(null, 10, OptionalInt.empty());
        second.play(stopping, ScriptedContext.series("loss", 5, 4, 3));
        assertNull(second.stopReason, "the first run's best must not carry over");
        assertEquals(2, stopping.bestEpoch());
    }

    @Test
    void aMissingKeyIsNamedWithTheKeysPresent() {
        EarlyStopping stopping = new EarlyStopping("val_loss", 2, false);
        ScriptedContext context = new ScriptedContext(null, 10, OptionalInt.empty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> context.play(stopping, List.of(Map.of("loss", 0.5))));
        assertEquals("EarlyStopping monitors 'val_loss' but the epoch logs have only [loss]; pass validation data to fit, "
                + "or monitor one of those", e.getMessage());
    }

    @Test
    void badSettingsAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EarlyStopping.builder().patience(-1).build())
                .getMessage().contains("patience must be >= 0, got -1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EarlyStopping.builder().minDelta(-0.1).build())
                .getMessage().contains("minDelta must be finite and >= 0, got -0.1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EarlyStopping.builder().monitor(" ").build())
                .getMessage().contains("monitor key is empty"));
    }
}
