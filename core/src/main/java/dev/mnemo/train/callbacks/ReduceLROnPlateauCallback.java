package dev.mnemo.train.callbacks;

import dev.mnemo.optim.ReduceLROnPlateau;
import dev.mnemo.train.Callback;
import dev.mnemo.train.TrainingContext;
import java.util.Map;
import java.util.Objects;

/**
 * Lowers the learning rate when a monitored value stops improving, like Keras's
 * {@code ReduceLROnPlateau} callback, with the rule of {@link ReduceLROnPlateau} (torch
 * semantics: factor, patience, threshold, cooldown, minimum rate). After each epoch the monitored
 * value goes to the plateau detector, and the rate it returns is used from the next epoch on.
 *
 * <pre>{@code
 * model.fit(train).validationData(validation).epochs(100).callbacks(new ReduceLROnPlateauCallback("val_loss",
 *         ReduceLROnPlateau.builder().factor(0.5).patience(3).minRate(1e-5).build())).run();
 * }</pre>
 *
 * The detector's mode must suit the key ({@code MAX} for an accuracy). A monitored key missing
 * from the epoch logs is an {@link IllegalArgumentException} listing the keys present.
 */
public final class ReduceLROnPlateauCallback implements Callback {
    private final Monitor monitor;
    private final ReduceLROnPlateau plateau;

    /** Feeds {@code monitor} of each epoch's logs to {@code plateau}, which holds the state. */
    public ReduceLROnPlateauCallback(String monitor, ReduceLROnPlateau plateau) {
        this.monitor = new Monitor("ReduceLROnPlateauCallback", monitor, MonitorMode.AUTO, 0);
        this.plateau = Objects.requireNonNull(plateau, "ReduceLROnPlateauCallback: plateau");
    }

    @Override
    public void onEpochEnd(TrainingContext context, int epoch, Map<String, Double> logs) {
        double rate = context.learningRate();
        double next = plateau.onEpochEnd(monitor.read(logs), rate);
        if (next != rate) {
            context.setLearningRate(next);
        }
    }
}
