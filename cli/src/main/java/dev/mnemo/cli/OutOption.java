package dev.mnemo.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** A file a task writes beside its result (a chart, an image, a WAV), never the model. */
final class OutOption {
    @Option(names = "--out", paramLabel = "FILE", description = "Also write the task's output file here (a chart, an image grid, a sound); "
            + "for predict with tasks that write files (denoise), the file, or a folder for several inputs.")
    Path out;
}
