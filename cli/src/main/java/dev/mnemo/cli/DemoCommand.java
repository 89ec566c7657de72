package dev.mnemo.cli;

import dev.mnemo.task.Prediction;
import dev.mnemo.task.Task;
import dev.mnemo.task.TaskCatalog;
import dev.mnemo.task.TaskFailedException;
import dev.mnemo.task.TaskOptions;
import dev.mnemo.task.TaskResult;
import dev.mnemo.task.TaskRun;
import dev.mnemo.task.TaskUsageException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mnemo demo}: the README's first command. Trains the {@code sentiment} LSTM on the bundled
 * UCI review sentences with the progress bar, prints the test accuracy and confusion matrix,
 * saves the model and predicts on a few sentences it has never seen.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train the sentiment LSTM on 2,982 real review sentences, show its test accuracy, save it, predict on new sentences.")
final class DemoCommand implements Callable<Integer> {
    static final String TASK = "sentiment";
    static final List<String> NEW_SENTENCES = List.of(
            "the food was great and the staff were friendly",
            "I would not recommend this phone to anyone",
            "the plot was dull and the acting even worse",
            "a wonderful film, I enjoyed every minute of it",
            "the battery died after two days");

    @Mixin
    ModelOptions model;

    @Mixin
    BackendOptions backend;

    @Option(names = "--epochs", paramLabel = "N", description = "Most epochs (default: the task's; early stopping ends sooner).")
    Integer epochs;

    @Mixin
    GlobalOptions global;

    private final TaskCatalog catalog;
    private final Console console;

    DemoCommand(TaskCatalog catalog, Console console) {
        this.catalog = catalog;
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        Task sentiment;
        try {
            sentiment = catalog.task(TASK);
        } catch (TaskUsageException e) {
            throw new TaskFailedException("the demo needs the text plugin's '" + TASK + "' task, and " + catalog.directory().toAbsolutePath()
                    + " has none; build it with ./mnemo (or ./mvnw -q -DskipTests package) or pass --plugins-dir", e);
        }
        TaskRun run = TaskRun.builder(sentiment)
                .seed(model.seed)
                .model(model.model != null ? model.model : TaskRun.defaultModel(sentiment))
                .epochs(epochs)
                .options(TaskOptions.defaults(sentiment.options()))
                .backend(backend.open())
                .callbacks(List.of(console.progressBar()))
                .log(console::log)
                .build();
        console.log("mnemo demo: an LSTM learns the sentiment of review sentences (UCI Sentiment Labelled Sentences, CC BY 4.0)");
        TaskResult trained = sentiment.train(run);
        List<Prediction> predictions = sentiment.predict(run, NEW_SENTENCES);
        if (global.json) {
            Map<String, Object> json = ResultJson.withPredictions(ResultJson.of(trained), predictions);
            console.value(json, "", true);
        } else {
            console.out.print(ResultText.of(trained));
            console.out.println("predictions on sentences it has never seen:");
            console.out.print(ResultText.of(predictions));
            console.out.println("next: mnemo predict " + TASK + " \"your sentence\"   (mnemo --help for the rest)");
        }
        return 0;
    }
}
