package dev.mnemo.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.kernel.reference.ReferenceBackend;
import dev.mnemo.nn.Dense;
import dev.mnemo.nn.Sequential;
import dev.mnemo.train.Model;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Splits, predictions, confusion matrices and task model files, by their numbers. */
class TaskValuesTest {
    @TempDir
    Path dir;

    private record Item(int id, String label) {}

    @Test
    void splitsAreStratifiedDisjointAndReproducible() {
        List<Item> items = IntStream.range(0, 1000).mapToObj(i -> new Item(i, i % 4 == 0 ? "rare" : "common")).toList();
        ThreeWaySplit<Item> a = ThreeWaySplit.stratified(items, Item::label, 0.1, 0.2, 7);
        ThreeWaySplit<Item> b = ThreeWaySplit.stratified(items, Item::label, 0.1, 0.2, 7);
        assertEquals(a, b, "same seed, same parts");
        assertEquals(200, a.test().size());
        assertEquals(80, a.validation().size());
        assertEquals(720, a.train().size());
        assertEquals(50, a.test().stream().filter(i -> i.label().equals("rare")).count(), "a quarter rare, as in the data");
        assertEquals(20, a.validation().stream().filter(i -> i.label().equals("rare")).count());
        var seen = new HashSet<Item>();
        List.of(a.train(), a.validation(), a.test()).forEach(seen::addAll);
        assertEquals(1000, seen.size(), "every item in exactly one part");
        assertTrue(!a.test().equals(ThreeWaySplit.stratified(items, Item::label, 0.1, 0.2, 8).test()), "another seed, another split");
    }

    @Test
    void predictionsFromLogitsAreSoftmaxProbabilitiesBestFirst() {
        Prediction p = Prediction.fromLogits("x", List.of("a", "b", "c"), new float[] {1f, 3f, 2f}, 2);
        double z = Math.exp(1) + Math.exp(3) + Math.exp(2);
        assertEquals("b", p.label());
        assertEquals(Math.exp(3) / z, p.probability(), 1e-6);
        assertEquals(List.of("b", "c"), p.top().stream().map(Prediction.Scored::label).toList());
        assertEquals(Math.exp(2) / z, p.top().get(1).probability(), 1e-6);
        Prediction huge = Prediction.fromLogits("x", List.of("a", "b"), new float[] {1000f, 0f}, 5);
        assertEquals(1.0, huge.probability(), 1e-9, "no overflow for large logits");
        assertEquals(2, huge.top().size());
    }

    @Test
    void confusionMatrixAccuracyTextAndPicture() throws Exception {
        Confusion c = new Confusion(List.of("negative", "positive"), new long[][] {{40, 10}, {5, 45}});
        assertEquals(0.85, c.accuracy(), 1e-12);
        String[] lines = c.toString().split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[1].startsWith("negative") && lines[1].endsWith("10"), c.toString());
        Path png = dir.resolve("confusion.png");
        ConfusionChart.writePng(c, png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 2 * 72 && image.getHeight() > 2 * 72, image.getWidth() + "x" + image.getHeight());
    }

    @Test
    void taskModelFilesCarryTheTaskAndRefuseOtherTasksAndVersions() throws Exception {
        Path file = dir.resolve("m.safetensors");
        try (Model model = Model.of(Sequential.of(Dense.of(2)), 1).useKernels(new ReferenceBackend()).build(3)) {
            TaskModelFile.save(new EchoTask(), model, file, Map.of("task.labels", "[\"a\",\"b\"]"));
        }
        TaskModelFile.Loaded loaded = TaskModelFile.load(new EchoTask(), file);
        try (Model model = loaded.model()) {
            assertEquals("[\"a\",\"b\"]", loaded.get("task.labels"));
            assertEquals("echo", loaded.get("task.name"));
            assertEquals("none", loaded.get("task.plugin"), "classes off a plugin jar");
            assertEquals(8, model.parameterCount());
        }
        Task other = new EchoTask() {
            @Override
            public String name() {
                return "other";
            }
        };
        String wrongTask = assertThrows(TaskFailedException.class, () -> TaskModelFile.load(other, file)).getMessage();
        assertTrue(wrongTask.contains("is a model of task 'echo', not 'other'"), wrongTask);
        Task newer = new EchoTask() {
            @Override
            public String version() {
                return "2";
            }
        };
        String wrongVersion = assertThrows(TaskFailedException.class, () -> TaskModelFile.load(newer, file)).getMessage();
        assertTrue(wrongVersion.contains("written by echo version 1") && wrongVersion.contains("reads version 2"), wrongVersion);
        String missing = assertThrows(TaskFailedException.class, () -> TaskModelFile.load(new EchoTask(), dir.resolve("no"))).getMessage();
        assertTrue(missing.contains("train one first: mnemo train echo"), missing);
        assertThrows(IllegalArgumentException.class, () -> TaskModelFile.save(new EchoTask(), null, file, Map.of("vocab", "x")));
    }
}
