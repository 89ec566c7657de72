package dev.mnemo.task;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.pf4j.ExtensionPoint;

/**
 * A job a user runs by name ({@code sentiment}, {@code text-classify}, ...): it trains a model on
 * its built-in data or the user's own ({@link TaskRun#data()}), evaluates a saved model, predicts on
 * inputs, or generates. Plugins add tasks as PF4J extensions ({@code @Extension}); the
 * {@link TaskCatalog} finds them, the {@code mnemo} command and Java programs run them.
 *
 * <p>The contract a task keeps:
 * <ul>
 *   <li>Results are values ({@link TaskResult}, {@link Prediction}); a task never prints. Progress
 *       goes to the callbacks and the log of the {@link TaskRun}.</li>
 *   <li>Honest metrics: data is split into train, validation and test with the run's split seed
 *       ({@link TaskRun#validationSplit()}, {@link TaskRun#testSplit()}, or
 *       {@link TaskRun#testData()}); every choice (epochs, early stopping) is made on validation;
 *       the test figure is computed once, at the end of training.</li>
 *   <li>The model is one file ({@link TaskModelFile}) holding the weights, the architecture and
 *       everything needed to use it again (vocabulary, labels, preprocessing, the task's name and
 *       {@link #version()}).</li>
 *   <li>Bad input is a {@link TaskUsageException} (wrong option, unusable data), naming the file,
 *       line and problem; any other failure a {@link TaskFailedException} or an {@link IOException}.</li>
 * </ul>
 */
public interface Task extends ExtensionPoint {

    /** The name users type: lower case, words joined by '-', e.g. {@code text-classify}. */
    String name();

    /** One line saying what the task does. */
    String description();

    /**
     * The version of the task's model format; a model file written by another version is refused
     * with a message naming both. Raise it when a saved model could no longer be read as before.
     */
    String version();

    /** Where the built-in data comes from, and how to install it when it is missing. */
    DataSource data();

    /** The options this task takes beside the common ones of {@link TaskRun}; none by default. */
    default List<TaskOption> options() {
        return List.of();
    }

    /** What the task can do; train, evaluate and predict by default. */
    default Set<TaskAction> actions() {
        return Set.of(TaskAction.TRAIN, TaskAction.EVALUATE, TaskAction.PREDICT);
    }

    /**
     * Trains on the run's data (or the built-in set), chooses on validation, measures on the
     * test split once, and writes the model to {@link TaskRun#model()}.
     */
    TaskResult train(TaskRun run) throws IOException;

    /** Measures the model at {@link TaskRun#model()} on the test split (or {@link TaskRun#testData()}). */
    TaskResult evaluate(TaskRun run) throws IOException;

    /** Loads a model this task wrote, for predictions (and generation); close it when done. */
    TaskModel load(Path model) throws IOException;

    /** Generates from {@link TaskRun#prompt()} with the model at {@link TaskRun#model()}; generative tasks only. */
    default TaskResult generate(TaskRun run) throws IOException {
        throw new TaskUsageException("task '" + name() + "' does not generate; it can " + actions());
    }

    /**
     * Makes the built-in data ready (checks it, or builds it into {@link TaskRun#dataDirectory()})
     * and says what it found; a task whose data is missing fails with the install command.
     */
    default TaskResult prepareData(TaskRun run) throws IOException {
        return TaskResult.builder(name(), data().name()).detail("source", data().description()).build();
    }

    /** Predictions on {@code inputs} with the model at {@link TaskRun#model()} (loads it, predicts, closes it). */
    default List<Prediction> predict(TaskRun run, List<String> inputs) throws IOException {
        try (TaskModel model = load(run.model())) {
            return model.predict(inputs);
        }
    }
}
