package dev.mnemo.cli;

import dev.mnemo.task.TaskRun;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which data a task trains or measures on, and how it is split. */
final class DataOptions {
    @Option(names = "--data", paramLabel = "PATH",
            description = "Your own data instead of the built-in set (see the task's data format in the README).")
    Path data;

    @Option(names = "--test-data", paramLabel = "PATH",
            description = "A separate test set; then the whole of --data is for training and validation.")
    Path testData;

    @Option(names = "--validation-split", paramLabel = "FRACTION", defaultValue = "0.1",
            description = "Fraction held out to choose epochs and settings (default: ${DEFAULT-VALUE}).")
    double validationSplit;

    @Option(names = "--test-split", paramLabel = "FRACTION", defaultValue = "0.2",
            description = "Fraction held out for the test figure, measured once (default: ${DEFAULT-VALUE}).")
    double testSplit;

    void applyTo(TaskRun.Builder run) {
        run.data(data).testData(testData).validationSplit(validationSplit).testSplit(testSplit);
    }
}
