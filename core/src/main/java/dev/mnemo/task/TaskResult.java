package dev.mnemo.task;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a task call produced, as values: the {@code mnemo} command prints it or writes it as one
 * JSON object ({@code --json}), with the key names below, the same across tasks.
 *
 * @param task      the task's name ({@code task})
 * @param dataset   the data it ran on ({@code dataset}): the built-in set's name or the user's path
 * @param model     the model file read or written ({@code model}), or null
 * @param backend   the kernel backend it ran on ({@code backend}), or null
 * @param seconds   wall time of the call ({@code seconds})
 * @param metrics   figures by their snake_case name ({@code test_accuracy}, {@code bits_per_char}, ...)
 * @param details   other facts as JSON-ready values (strings, numbers, lists, maps): sizes of the
 *                  splits, epochs run, a generated text
 * @param confusion the test confusion matrix of a classifier, or null
 * @param outputs   files written beside the model ({@code outputs})
 */
public record TaskResult(String task, String dataset, Path model, String backend, double seconds,
        Map<String, Double> metrics, Map<String, Object> details, Confusion confusion, List<Path> outputs) {

    public TaskResult {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        outputs = List.copyOf(outputs);
    }

    /** A result of {@code task} on {@code dataset}; the clock starts now. */
    public static Builder builder(String task, String dataset) {
        return new Builder(task, dataset);
    }

    /** A metric by name, or an error naming the ones there are. */
    public double metric(String name) {
        Double value = metrics.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no metric '" + name + "'; this result has " + metrics.keySet());
        }
        return value;
    }

    /** Collects a {@link TaskResult}; {@link #build()} stops the clock. */
    public static final class Builder {
        private final long started = System.nanoTime();
        private final String task;
        private final String dataset;
        private Path model;
        private String backend;
        private final Map<String, Double> metrics = new LinkedHashMap<>();
        private final Map<String, Object> details = new LinkedHashMap<>();
        private Confusion confusion;
        private final List<Path> outputs = new ArrayList<>();

        private Builder(String task, String dataset) {
            this.task = task;
            this.dataset = dataset;
        }

        public Builder model(Path model) {
            this.model = model;
            return this;
        }

        public Builder backend(String backend) {
            this.backend = backend;
            return this;
        }

        public Builder metric(String name, double value) {
            metrics.put(name, value);
            return this;
        }

        public Builder detail(String name, Object value) {
            details.put(name, value);
            return this;
        }

        public Builder confusion(Confusion confusion) {
            this.confusion = confusion;
            return this;
        }

        public Builder output(Path file) {
            outputs.add(file);
            return this;
        }

        public TaskResult build() {
            return new TaskResult(task, dataset, model, backend, (System.nanoTime() - started) / 1e9, metrics, details,
                    confusion, outputs);
        }
    }
}
