package dev.mnemo.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** A file a task writes beside its result (a chart, an image, a WAV), never the model. */
final class OutOption {
    @Option(names = "--out", paramLabel = "FILE", description = "Also write the task's output file here (a chart, an image, a sound).")
    Path out;
}
