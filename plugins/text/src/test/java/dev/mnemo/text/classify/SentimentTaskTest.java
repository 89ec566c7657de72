package dev.mnemo.text.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.task.Prediction;
import dev.mnemo.task.Task;
import dev.mnemo.task.TaskFailedException;
import dev.mnemo.task.TaskModel;
import dev.mnemo.task.TaskOptions;
import dev.mnemo.task.TaskResult;
import dev.mnemo.task.TaskRun;
import dev.mnemo.task.TaskUsageException;
import dev.mnemo.text.data.SentimentSentences;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sentiment task on a fixed third of the real UCI sentences, given as a folder of texts the way
 * a user's --data is: it learns (well above the 50 % of chance), its model file is all a later
 * evaluate or predict needs, and misuse gets clear errors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SentimentTaskTest {
    private static final Map<String, String> SMALL = Map.of("embedding", "32", "hidden", "32", "patience", "3");

    private final Task task = new SentimentTask();
    private Path dir;
    private Path data;
    private Path model;
    private TaskResult trained;

    @BeforeAll
    void trainOnce(@TempDir Path folder) throws IOException {
        dir = folder;
        data = CorpusFolders.write(SentimentSentences.load(), 3, dir.resolve("reviews"));
        model = dir.resolve("models/sentiment.safetensors");
        trained = task.train(run().epochs(8).build());
    }

    private TaskRun.Builder run() {
        return TaskRun.builder(task).data(data).model(model).seed(7).options(TaskOptions.parse(task.options(), SMALL));
    }

    @Test
    void learnsFromAFolderOfRealSentences() {
        assertEquals("sentiment", trained.task());
        assertEquals("reviews", trained.dataset());
        assertTrue(Files.isRegularFile(model));
        assertEquals(994, (int) trained.details().get("train_samples") + (int) trained.details().get("validation_samples")
                + (int) trained.details().get("test_samples"));
        assertTrue(trained.metric("test_accuracy") > 0.68, "test accuracy " + trained.metric("test_accuracy"));
        assertTrue(trained.metric("validation_accuracy") > 0.68, "validation accuracy " + trained.metric("validation_accuracy"));
        assertEquals(trained.metric("test_accuracy"), trained.confusion().accuracy(), 1e-9);
    }

    @Test
    void evaluateMeasuresTheSameTestSplitAgainAndDrawsTheConfusionMatrix() throws IOException {
        Path chart = dir.resolve("charts/confusion.png");
        TaskResult again = task.evaluate(TaskRun.builder(task).model(model).out(chart).build());

        assertEquals(trained.metric("test_accuracy"), again.metric("test_accuracy"), 1e-12);
        assertArrayEquals(trained.confusion().counts(), again.confusion().counts());
        assertEquals(List.of(chart), again.outputs());
        byte[] png = Files.readAllBytes(chart);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
    }

    @Test
    void theLoadedModelPredictsLabelsWithProbabilities() throws IOException {
        List<String> texts = List.of("this was a great and wonderful film, I loved it", "terrible service, the worst food ever", "");
        try (TaskModel loaded = task.load(model)) {
            List<Prediction> predictions = loaded.predict(texts);

            assertEquals(3, predictions.size());
            assertEquals("positive", predictions.get(0).label());
            assertEquals("negative", predictions.get(1).label());
            for (Prediction p : predictions) {
                assertEquals(1.0, p.top().stream().mapToDouble(Prediction.Scored::probability).sum(), 1e-6);
                assertEquals(p.label(), p.top().getFirst().label());
            }
            assertEquals(predictions, task.predict(run().build(), texts));
            assertEquals("sentiment", loaded.metadata().get("task.name"));
            assertTrue(loaded.metadata().get("task.vocabulary").startsWith("[\"<pad>\",\"<unk>\","));
        }
    }

    @Test
    void anotherTaskRefusesTheModel() {
        TaskFailedException e = assertThrows(TaskFailedException.class, () -> new TextClassifyTask().load(model));
        assertTrue(e.getMessage().contains("a model of task 'sentiment', not 'text-classify'"), e.getMessage());
    }

    @Test
    void resumeContinuesTrainingTheSavedModelButNotOnOtherLabels() throws IOException {
        Path copy = dir.resolve("resumed.safetensors");
        Files.copy(model, copy);
        TaskResult resumed = task.train(run().model(copy).resume(true).epochs(1).build());
        assertEquals(1, resumed.details().get("epochs_run"));

        Path otherLabels = dir.resolve("other");
        Files.createDirectories(otherLabels.resolve("good"));
        Files.createDirectories(otherLabels.resolve("bad"));
        Files.writeString(otherLabels.resolve("good/1.txt"), "fine");
        Files.writeString(otherLabels.resolve("bad/1.txt"), "awful");
        TaskUsageException e = assertThrows(TaskUsageException.class,
                () -> task.train(run().data(otherLabels).model(copy).resume(true).epochs(1).build()));
        assertTrue(e.getMessage().contains("[negative, positive]"), e.getMessage());
    }

    @Test
    void unusableDataIsAUsageErrorNamingTheFileAndLine() throws IOException {
        Path csv = dir.resolve("reviews.csv");
        Files.writeString(csv, "review,stars\n\"great\",5\n");
        TaskUsageException e = assertThrows(TaskUsageException.class, () -> task.train(run().data(csv).build()));
        assertTrue(e.getMessage().startsWith(csv.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("text"), e.getMessage());
    }
}
