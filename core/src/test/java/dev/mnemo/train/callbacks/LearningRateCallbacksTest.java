package dev.mnemo.train.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.optim.LearningRateSchedule;
import dev.mnemo.optim.ReduceLROnPlateau;
import dev.mnemo.train.History;
import dev.mnemo.train.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LearningRateCallbacksTest {

    @Test
    void theSchedulerSetsTheRateOfEachEpochFromTheInitialRate() {
        try (Model model = TinyRegression.model()) {                 // SGD, initial rate 0.03
            History history = model.fit(TinyRegression.train()).epochs(5).callbacks(new LearningRateScheduler(LearningRateSchedule.stepDecay(2, 0.5))).run();
            assertEquals(List.of(0.03, 0.03, 0.015, 0.015, 0.0075), history.get("lr"));
            assertEquals(0.0075, model.optimizer().learningRate());
            history = model.fit(TinyRegression.train()).epochs(2).callbacks(new LearningRateScheduler(LearningRateSchedule.exponential(0.1))).run();
            assertEquals(0.03, history.get("lr").get(0), "a new fit starts from the initial rate, not the last one");
            assertEquals(0.003, history.get("lr").get(1), 1e-15);
        }
    }

    @Test
    void thePlateauCallbackLowersTheRateAfterPatienceEpochsWithoutImprovement() {
        ReduceLROnPlateau plateau = ReduceLROnPlateau.builder().factor(0.5).patience(1).threshold(0, ReduceLROnPlateau.ThresholdMode.ABSOLUTE).build();
        ReduceLROnPlateauCallback callback = new ReduceLROnPlateauCallback("val_loss", plateau);
        ScriptedContext context = new ScriptedContext(null, 7, OptionalInt.empty());
        List<Double> rates = new ArrayList<>();
        context.play(new dev.mnemo.train.Callback() {
            @Override
            public void onEpochEnd(dev.mnemo.train.TrainingContext c, int epoch, Map<String, Double> logs) {
                callback.onEpochEnd(c, epoch, logs);
                rates.add(c.learningRate());
            }
        }, ScriptedContext.series("val_loss", 1.0, 0.9, 0.95, 0.92, 0.8, 0.85, 0.85));
        // bad epochs: 0.95 (1), 0.92 (2 > patience: halve, reset), 0.8 best, 0.85 (1), 0.85 (2: halve)
        assertEquals(List.of(0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025), rates);
    }

    @Test
    void thePlateauCallbackOnARealFitReducesWhenValidationLossRises() {
        ReduceLROnPlateau plateau = ReduceLROnPlateau.builder().factor(0.1).patience(0).build();
        try (Model model = TinyRegression.model()) {
            History history = model.fit(TinyRegression.train()).validationData(TinyRegression.validation()).epochs(12).callbacks(new ReduceLROnPlateauCallback("val_loss", plateau)).run();
            List<Double> valLoss = history.get("val_loss");
            List<Double> lr = history.get("lr");
            int firstRise = 1;
            while (valLoss.get(firstRise) < valLoss.get(firstRise - 1)) {
                firstRise++;
            }
            for (int e = 0; e <= firstRise; e++) {
                assertEquals(0.03, lr.get(e), "lr of epoch " + (e + 1) + " (val_loss " + valLoss + ")");
            }
            assertEquals(0.003, lr.get(firstRise + 1), 1e-12, "the epoch after the first rise runs at a tenth");
        }
    }

    @Test
    void aMissingMonitoredKeyIsNamed() {
        ReduceLROnPlateauCallback callback = new ReduceLROnPlateauCallback("val_loss", ReduceLROnPlateau.builder().build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ScriptedContext(null, 1, OptionalInt.empty()).play(callback, ScriptedContext.series("loss", 1)));
        assertTrue(e.getMessage().startsWith("ReduceLROnPlateauCallback monitors 'val_loss' but the epoch logs have only [loss]"),
                e.getMessage());
    }
}
