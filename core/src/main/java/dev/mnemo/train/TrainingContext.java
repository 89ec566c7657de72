package dev.mnemo.train;

import java.util.OptionalInt;

/** What callbacks may see and do during {@link Model#fit}. */
public interface TrainingContext {
    /** The model being trained (to save checkpoints or snapshot weights). */
    Model model();

    /** Number of epochs requested. */
    int epochs();

    /** Batches per epoch, when the data source knows it (streaming sources may not). */
    OptionalInt batchesPerEpoch();

    /** Asks fit to stop after the current epoch; {@code reason} is logged and kept in the history. */
    void stopTraining(String reason);

    /** The optimizer's current learning rate. */
    double learningRate();

    /** Changes the optimizer's learning rate from the next step on. */
    void setLearningRate(double rate);
}
