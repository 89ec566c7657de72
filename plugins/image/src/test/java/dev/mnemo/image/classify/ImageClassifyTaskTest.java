package dev.mnemo.image.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.image.data.FashionFolders;
import dev.mnemo.task.Prediction;
import dev.mnemo.task.TaskOptions;
import dev.mnemo.task.TaskResult;
import dev.mnemo.task.TaskRun;
import dev.mnemo.task.TaskUsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code image-classify} on a folder of real Fashion-MNIST PNGs (150 each of trousers, bags and
 * ankle boots): it learns them, {@code eval} re-measures the very test split, {@code predict}
 * reads files and folders, {@code --resume} continues, and bad data is named.
 */
class ImageClassifyTaskTest {
    private final ImageClassifyTask task = new ImageClassifyTask();
    private static final Map<String, String> SMALL = Map.of("filters", "8", "dense", "32", "patience", "3");

    @TempDir
    Path dir;

    private TaskRun.Builder run(Path data, Path model) {
        return TaskRun.builder(task).data(data).model(model).seed(5).epochs(6).batchSize(16).options(TaskOptions.parse(task.options(), SMALL));
    }

    @Test
    void learnsAFolderOfClassesAndEvaluatesTheSameTestSplitAgain() throws Exception {
        Path data = FashionFolders.write(dir.resolve("clothes"), 150, 1, 8, 9);
        Path model = dir.resolve("cnn.safetensors");
        TaskResult trained = task.train(run(data, model).build());

        assertEquals(List.of("Ankle boot", "Bag", "Trouser"), trained.details().get("classes"));
        assertEquals(90, ((Number) trained.details().get("test_samples")).intValue(), "20 % of 450 images");
        assertTrue(trained.metric("test_accuracy") > 0.85, "chance is 0.33, got " + trained.metric("test_accuracy"));

        Path chart = dir.resolve("confusion.png");
        TaskResult again = task.evaluate(TaskRun.builder(task).model(model).out(chart).build());
        assertEquals(trained.metric("test_accuracy"), again.metric("test_accuracy"), 1e-12);
        assertArrayEquals(trained.confusion().counts(), again.confusion().counts());
        assertTrue(Files.size(chart) > 0);

        List<Prediction> predictions = task.predict(TaskRun.builder(task).model(model).build(),
                List.of(data.resolve("Bag").toString(), data.resolve("Trouser/00016.png").toString()));
        assertEquals(151, predictions.size(), "a folder expands to its 150 images, then the file");
        Prediction trouser = predictions.getLast();
        assertEquals(3, trouser.top().size());
        assertEquals(1.0, trouser.top().stream().mapToDouble(Prediction.Scored::probability).sum(), 1e-5);
        long bags = predictions.subList(0, 150).stream().filter(p -> p.label().equals("Bag")).count();
        assertTrue(bags >= 120, bags + " of 150 bags (from training and test) called bags");

        TaskResult resumed = task.train(run(data, model).epochs(1).resume(true).build());
        assertTrue(resumed.metric("test_accuracy") > 0.85, "resumed from the trained weights: " + resumed.metric("test_accuracy"));
        Path other = FashionFolders.write(dir.resolve("other"), 20, 0, 1);
        TaskUsageException e = assertThrows(TaskUsageException.class, () -> task.train(run(other, model).resume(true).build()));
        assertTrue(e.getMessage().contains("--resume"), e.getMessage());
    }

    @Test
    void badDataIsNamed() throws Exception {
        TaskUsageException missing = assertThrows(TaskUsageException.class,
                () -> task.train(run(dir.resolve("nowhere"), dir.resolve("m.safetensors")).build()));
        assertTrue(missing.getMessage().contains("nowhere") && missing.getMessage().contains("not a folder"), missing.getMessage());

        Path data = FashionFolders.write(dir.resolve("clothes"), 5, 1, 8);
        Files.writeString(data.resolve("Bag/broken.png"), "not an image");
        TaskUsageException broken = assertThrows(TaskUsageException.class,
                () -> task.train(run(data, dir.resolve("m.safetensors")).build()));
        assertTrue(broken.getMessage().contains("broken.png"), broken.getMessage());

        TaskUsageException channels = assertThrows(TaskUsageException.class, () -> task.train(TaskRun.builder(task)
                .options(TaskOptions.parse(task.options(), Map.of("channels", "2"))).build()));
        assertTrue(channels.getMessage().contains("--channels"), channels.getMessage());
    }
}
