package dev.mnemo.cli;

import picocli.CommandLine.Option;

/** How long and how fast {@code train} trains; unset values take the task's tuned defaults. */
final class TrainingOptions {
    @Option(names = "--epochs", paramLabel = "N", description = "Most epochs (default: the task's; early stopping may end sooner).")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N", description = "Samples per step (default: the task's).")
    Integer batchSize;

    @Option(names = "--lr", paramLabel = "RATE", description = "Learning rate (default: the task's).")
    Double learningRate;

    @Option(names = "--resume", description = "Continue training the model in --model (weights and optimizer state).")
    boolean resume;
}
