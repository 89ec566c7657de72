package dev.mnemo.cli;

import dev.mnemo.io.Json;
import dev.mnemo.task.Prediction;
import dev.mnemo.task.TaskResult;
import dev.mnemo.train.callbacks.ProgressBar;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * Where the command writes: results to {@code out} (as text, or with {@code --json} as one JSON
 * object on the last line), logs and progress to {@code err}.
 */
final class Console {
    final PrintStream out;
    final PrintStream err;
    private final boolean terminal;

    Console(PrintStream out, PrintStream err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    /** One line of progress or information, on stderr. */
    void log(String line) {
        err.println(line);
    }

    /** The training progress on stderr: redrawn in place on a terminal, whole lines in a log. */
    ProgressBar progressBar() {
        return ProgressBar.builder().output(err).style(terminal ? ProgressBar.Style.TERMINAL : ProgressBar.Style.PLAIN).build();
    }

    /** A task's result, as text or as JSON. */
    void result(TaskResult result, boolean json) {
        if (json) {
            out.println(Json.write(ResultJson.of(result)));
        } else {
            out.print(ResultText.of(result));
        }
    }

    /** Predictions, as aligned text or as the JSON {@code predictions} list with the run's facts. */
    void predictions(Map<String, Object> facts, List<Prediction> predictions, boolean json) {
        if (json) {
            out.println(Json.write(ResultJson.withPredictions(facts, predictions)));
        } else {
            out.print(ResultText.of(predictions));
        }
    }

    /** Any JSON-ready value as one line, or the text form. */
    void value(Object jsonValue, String text, boolean json) {
        out.print(json ? Json.write(jsonValue) + System.lineSeparator() : text);
    }
}
