package dev.mnemo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * train, eval, predict and demo through the command, on the real sentences bundled in the text
 * plugin, with a small model and two epochs (the full runs are the README's): the JSON keys, one
 * JSON line on stdout, progress on stderr, inputs from arguments and stdin.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskRunsTest {
    private static final String[] SMALL = {"--epochs", "2", "--lr", "0.005", "--embedding", "16", "--hidden", "16", "--max-length", "40"};

    private Path dir;
    private Path model;
    private Map<String, Object> trained;

    @BeforeAll
    void trainOnce(@TempDir Path folder) {
        dir = folder;
        model = dir.resolve("models/sentiment.safetensors");
        CommandRun run = CommandRun.of(concat(new String[] {"train", "sentiment", "--json", "--model", model.toString(),
                "--out", dir.resolve("confusion.png").toString()}, SMALL));
        assertEquals(0, run.code(), run::toString);
        assertEquals(1, run.lines().size(), "stdout holds only the JSON line:\n" + run);
        assertTrue(run.err().contains("Epoch 2/2"), "progress goes to stderr:\n" + run);
        trained = run.json();
    }

    @Test
    void trainWritesTheDesignsKeys() {
        for (String key : List.of("task", "dataset", "model", "backend", "seconds", "test_accuracy", "confusion", "outputs")) {
            assertTrue(trained.containsKey(key), key + " missing from " + trained);
        }
        assertEquals("sentiment", trained.get("task"));
        assertEquals("uci-sentiment", trained.get("dataset"));
        assertEquals(model.toString(), trained.get("model"));
        assertEquals(List.of(dir.resolve("confusion.png").toString()), trained.get("outputs"));
        assertTrue(Files.isRegularFile(model));
        assertTrue(((Number) trained.get("test_accuracy")).doubleValue() > 0.65, trained::toString);
    }

    @Test
    void evalMeasuresTheSameTestSplit() {
        CommandRun run = CommandRun.of("eval", "sentiment", "--model", model.toString(), "--json");

        assertEquals(0, run.code(), run::toString);
        assertEquals(trained.get("test_accuracy"), run.json().get("test_accuracy"));
        assertEquals(trained.get("confusion"), run.json().get("confusion"));
    }

    @Test
    void predictTakesArgumentsOrStdin() {
        CommandRun arguments = CommandRun.of("predict", "sentiment", "--model", model.toString(), "--json",
                "a great film, I loved it", "the worst food I ever had");
        assertEquals(0, arguments.code(), arguments::toString);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> predictions = (List<Map<String, Object>>) arguments.json().get("predictions");
        assertEquals(List.of("a great film, I loved it", "the worst food I ever had"), predictions.stream().map(p -> p.get("input")).toList());
        for (Map<String, Object> p : predictions) {
            assertTrue(List.of("negative", "positive").contains(p.get("label")), p::toString);
            assertEquals(2, ((List<?>) p.get("top")).size(), p::toString);
        }

        CommandRun stdin = CommandRun.in(CommandRun.BUILT_PLUGINS, "a great film, I loved it\n\nthe worst food I ever had\n",
                "predict", "sentiment", "--model", model.toString(), "--input", "-");
        assertEquals(0, stdin.code(), stdin::toString);
        assertEquals(2, stdin.lines().size(), stdin::toString);
        assertTrue(stdin.lines().getFirst().matches("(positive|negative)  [01]\\.\\d{3}  a great film, I loved it   \\(then (positive|negative) [01]\\.\\d{3}\\)"),
                stdin::toString);
    }

    @Test
    void demoTrainsSavesAndPredictsOnNewSentences() {
        CommandRun run = CommandRun.of("demo", "--epochs", "1", "--json", "--model", dir.resolve("demo.safetensors").toString());

        assertEquals(0, run.code(), run::toString);
        Map<String, Object> json = run.json();
        assertEquals("sentiment", json.get("task"));
        assertTrue(json.containsKey("test_accuracy") && json.containsKey("backend") && json.containsKey("seconds"), json::toString);
        assertEquals(DemoCommand.NEW_SENTENCES.size(), ((List<?>) json.get("predictions")).size());
        assertTrue(Files.isRegularFile(dir.resolve("demo.safetensors")));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
