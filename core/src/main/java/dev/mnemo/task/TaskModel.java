package dev.mnemo.task;

import java.util.List;
import java.util.Map;

/**
 * A trained model of a task, loaded once and used many times (a web service keeps one):
 * {@code try (TaskModel m = task.load(file)) { m.predict(List.of("the food was great")); }}.
 * Thread-confined: give each thread its own, or synchronise.
 */
public interface TaskModel extends AutoCloseable {

    /** The {@link TaskModelFile} header entries it was read from: task, versions, labels, settings. */
    Map<String, String> metadata();

    /** One prediction per input, in order; inputs are texts or file names, as the task reads them. */
    List<Prediction> predict(List<String> inputs);

    /** Frees the weights. */
    @Override
    void close();
}
