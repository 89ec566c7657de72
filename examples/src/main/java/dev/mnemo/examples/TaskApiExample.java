package dev.mnemo.examples;

import dev.mnemo.task.Prediction;
import dev.mnemo.task.Task;
import dev.mnemo.task.TaskCatalog;
import dev.mnemo.task.TaskModel;
import dev.mnemo.task.TaskOptions;
import dev.mnemo.task.TaskResult;
import dev.mnemo.task.TaskRun;
import dev.mnemo.train.callbacks.ProgressBar;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs a task from Java, without the {@code mnemo} command, as a web service would: find the
 * {@code sentiment} task among the plugin jars, train it briefly, then load the saved model once
 * and predict with it. The plugins folder is {@code -Dmnemo.plugins.dir} (the examples build copies
 * the text plugin jar to {@code examples/target/plugins}); plugin classes are never on this
 * program's class path, only core's task API.
 */
public final class TaskApiExample {
    private TaskApiExample() {}

    public static void main(String[] args) throws IOException {
        Path modelFile = Path.of("target/task-api-example/sentiment.safetensors");
        try (TaskCatalog catalog = TaskCatalog.open(TaskCatalog.defaultDirectory())) {
            catalog.plugins().forEach(p -> System.out.println("plugin " + p.id() + " " + p.version() + ": " + p.state()));
            Task sentiment = catalog.task("sentiment");

            TaskRun run = TaskRun.builder(sentiment)
                    .model(modelFile)
                    .epochs(3)                                                   // the task's own default is 30, with early stopping
                    .options(TaskOptions.parse(sentiment.options(), Map.of("hidden", "32")))  // typed and checked like --hidden 32
                    .callbacks(List.of(ProgressBar.builder().output(System.err).build()))
                    .log(System.err::println)
                    .build();
            TaskResult result = sentiment.train(run);                            // a value: metrics, details, confusion
            System.out.printf("test accuracy %.3f on %s (%s test sentences)%n", result.metric("test_accuracy"),
                    result.dataset(), result.details().get("test_samples"));

            try (TaskModel model = sentiment.load(modelFile)) {                  // load once, predict many times
                for (Prediction p : model.predict(List.of("the service was quick and friendly", "it broke after one week"))) {
                    System.out.printf("%-8s %.3f  %s%n", p.label(), p.probability(), p.input());
                }
            }
        }
    }
}
