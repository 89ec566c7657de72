package dev.mnemo.image.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.image.classify.ImageClassifyTask;
import dev.mnemo.image.data.DecodedImage;
import dev.mnemo.image.data.FashionFolders;
import dev.mnemo.image.data.ImageFiles;
import dev.mnemo.task.TaskFailedException;
import dev.mnemo.task.TaskOptions;
import dev.mnemo.task.TaskResult;
import dev.mnemo.task.TaskRun;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code text-to-image} on a folder of real Fashion-MNIST PNGs (trousers, bags, ankle boots), judged
 * by an {@code image-classify} model trained apart on the same folder: prompts naming a class draw
 * images the judge assigns to it far above chance, drawings for one prompt differ, {@code eval}
 * repeats the scores, {@code generate} writes a grid, and a missing judge names the command.
 */
class TextToImageTaskTest {
    private final TextToImageTask task = new TextToImageTask();
    private final ImageClassifyTask classify = new ImageClassifyTask();

    @TempDir
    Path dir;

    @Test
    void drawsWhatThePromptNamesAsTheJudgeSeesIt() throws Exception {
        Path data = FashionFolders.write(dir.resolve("clothes"), 150, 1, 8, 9);
        Path judge = dir.resolve("judge.safetensors");
        classify.train(TaskRun.builder(classify).data(data).model(judge).seed(1).epochs(6).batchSize(16)
                .options(TaskOptions.parse(classify.options(), Map.of("filters", "8", "dense", "32"))).build());

        Path model = dir.resolve("t2i.safetensors");
        Map<String, String> small = Map.of("judge", judge.toString(), "units", "16", "filters", "8", "latent", "4",
                "per-prompt", "10");
        TaskResult trained = task.train(TaskRun.builder(task).data(data).model(model).seed(2).epochs(8).batchSize(16)
                .learningRate(2e-3).options(TaskOptions.parse(task.options(), small)).build());
        assertTrue(trained.metric("judge_accuracy") > 0.6, "chance is 0.33, got " + trained.metric("judge_accuracy"));
        assertTrue(trained.metric("diversity_ratio") > 0.1, "drawings vary: " + trained.metric("diversity_ratio"));
        assertFalse(trained.metrics().containsKey("heldout_judge_accuracy"), "the user's classes have no held-out phrasings");

        TaskResult again = task.evaluate(TaskRun.builder(task).model(model).seed(2)
                .options(TaskOptions.parse(task.options(), small)).build());
        assertEquals(trained.metric("judge_accuracy"), again.metric("judge_accuracy"), 1e-12, "same seed, same drawings");

        Path grid = dir.resolve("bags.png");
        TaskResult drawn = task.generate(TaskRun.builder(task).model(model).prompt("a bag").out(grid).seed(4)
                .options(TaskOptions.parse(task.options(), Map.of("count", "6"))).build());
        DecodedImage sheet = ImageFiles.readNative(grid);
        assertEquals(6 * 28 * 3 + 5 * 2, sheet.width(), "six images in a row, 3x upscaled, 2-pixel gaps");
        assertEquals(java.util.List.of(grid), drawn.outputs());
    }

    @Test
    void aMissingJudgeNamesTheCommandThatMakesOne() throws Exception {
        Path data = FashionFolders.write(dir.resolve("clothes"), 5, 1, 8);
        TaskFailedException e = assertThrows(TaskFailedException.class, () -> task.train(TaskRun.builder(task).data(data)
                .options(TaskOptions.parse(task.options(), Map.of("judge", dir.resolve("none.safetensors").toString()))).build()));
        assertTrue(e.getMessage().contains("mnemo train image-classify"), e.getMessage());
    }
}
