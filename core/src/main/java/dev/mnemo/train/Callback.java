package dev.mnemo.train;

import java.util.Map;

/**
 * Hooks into {@link Model#fit}. Every method has an empty default, so a callback implements only
 * what it needs. {@code logs} map metric names to values: {@code loss}, each metric's name, the
 * same with a {@code val_} prefix for validation data, and {@code lr}.
 */
public interface Callback {
    /** Before the first epoch. */
    default void onTrainBegin(TrainingContext context) {}

    /** Before each epoch (0-based). */
    default void onEpochBegin(TrainingContext context, int epoch) {}

    /** After each training batch: running means of this epoch so far, and {@code samples} seen this epoch. */
    default void onBatchEnd(TrainingContext context, int epoch, int batch, Map<String, Double> logs) {}

    /** After each epoch, with training and validation results. */
    default void onEpochEnd(TrainingContext context, int epoch, Map<String, Double> logs) {}

    /** After the last epoch (or an early stop), with the whole history. */
    default void onTrainEnd(TrainingContext context, History history) {}
}
