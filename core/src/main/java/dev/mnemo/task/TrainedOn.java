package dev.mnemo.task;

import dev.mnemo.io.Json;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a task model's data and split came from, kept in its model file ({@code task.trained_on})
 * so that {@code eval} without {@code --data} measures the very test set training reported.
 *
 * @param data            the user's training data, or null for the task's built-in set
 * @param testData        test data given apart, or null when the test set was split off
 * @param splitSeed       the split's seed
 * @param validationSplit the fraction held out for validation
 * @param testSplit       the fraction held out for test (unused with {@code testData})
 */
public record TrainedOn(Path data, Path testData, long splitSeed, double validationSplit, double testSplit) {
    /** The metadata key it is stored under. */
    public static final String KEY = "task.trained_on";

    /** What a training run used (paths made absolute, so the file works from another directory). */
    public static TrainedOn of(TaskRun run) {
        return new TrainedOn(absolute(run.data()), absolute(run.testData()), run.splitSeed(), run.validationSplit(), run.testSplit());
    }

    /**
     * The data an evaluation measures: as trained when the run names no data of its own, otherwise
     * the run's data with the run's split settings.
     */
    public static TrainedOn forEvaluation(TaskRun run, Map<String, String> metadata) {
        return run.data() == null && run.testData() == null ? read(metadata) : of(run);
    }

    /** Reads it from a model file's metadata; a file without it is a {@link TaskFailedException} saying to retrain. */
    @SuppressWarnings("unchecked")
    public static TrainedOn read(Map<String, String> metadata) {
        String text = metadata.get(KEY);
        if (text == null || !(Json.parse(text) instanceof Map<?, ?> map)) {
            throw new TaskFailedException("the model file has no " + KEY + " entry; retrain it");
        }
        Map<String, Object> m = (Map<String, Object>) map;
        return new TrainedOn(path(m, "data"), path(m, "test_data"), (long) number(m, "split_seed"),
                number(m, "validation_split"), number(m, "test_split"));
    }

    /** The metadata entry to save with the model. */
    public Map<String, String> metadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", data == null ? null : data.toString());
        m.put("test_data", testData == null ? null : testData.toString());
        m.put("split_seed", splitSeed);
        m.put("validation_split", validationSplit);
        m.put("test_split", testSplit);
        return Map.of(KEY, Json.write(m));
    }

    private static Path absolute(Path p) {
        return p == null ? null : p.toAbsolutePath();
    }

    private static Path path(Map<String, Object> m, String key) {
        return m.get(key) instanceof String text ? Path.of(text) : null;
    }

    private static double number(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof Number n)) {
            throw new TaskFailedException("the model file's " + KEY + " has no '" + key + "'; retrain it");
        }
        return n.doubleValue();
    }
}
