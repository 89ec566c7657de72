package dev.mnemo.text.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.task.Task;
import dev.mnemo.task.TaskOptions;
import dev.mnemo.task.TaskResult;
import dev.mnemo.task.TaskRun;
import dev.mnemo.text.data.Fortunes;
import dev.mnemo.text.data.RequiredData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** text-classify on a fixed sixth of the real four-category fortunes set: it learns, well above the 25 % of chance. */
class TextClassifyTaskTest {
    @TempDir
    Path dir;

    @BeforeEach
    void requireCorpus() {
        RequiredData.fortunes();
    }

    @Test
    void learnsTheFourFortuneCategories() throws IOException {
        Task task = new TextClassifyTask();
        Path data = CorpusFolders.write(Fortunes.categories(1), 6, dir.resolve("fortunes"));
        TaskRun run = TaskRun.builder(task).data(data).model(dir.resolve("fortunes.safetensors")).seed(3).epochs(8)
                .options(TaskOptions.parse(task.options(), Map.of("embedding", "32", "hidden", "32", "max-length", "60")))
                .build();

        TaskResult result = task.train(run);

        assertEquals(List.of("computers", "definitions", "politics", "songs-poems"), result.confusion().labels());
        assertEquals(467, (int) result.details().get("train_samples") + (int) result.details().get("validation_samples")
                + (int) result.details().get("test_samples"));
        assertTrue(result.metric("test_accuracy") > 0.45, "test accuracy " + result.metric("test_accuracy"));
    }
}
