package dev.mnemo.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The model file a task command reads or writes, and the seed of everything random in it. */
final class ModelOptions {
    @Option(names = "--model", paramLabel = "FILE",
            description = "Model file read or written (default: models/TASK.safetensors).")
    Path model;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of weights, dropout, shuffling and sampling (default: ${DEFAULT-VALUE}).")
    long seed;
}
