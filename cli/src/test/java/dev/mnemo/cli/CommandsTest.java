package dev.mnemo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command tree, its help, its usage errors and exit codes, and what plugins and tasks it sees. */
class CommandsTest {
    @TempDir
    Path dir;

    @Test
    void tasksComeFromThePluginJars() {
        CommandRun run = CommandRun.of("tasks", "--json");

        assertEquals(0, run.code(), run::toString);
        assertEquals(1, run.lines().size(), run::toString);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tasks = (List<Map<String, Object>>) run.json().get("tasks");
        assertEquals(List.of("denoise", "image-classify", "sentiment", "text-classify", "text-to-image"),
                tasks.stream().map(t -> t.get("name")).toList());
        assertEquals(List.of("train", "eval", "predict"), tasks.getFirst().get("actions"));
        assertEquals(List.of("train", "eval", "generate"), tasks.getLast().get("actions"));
    }

    @Test
    void anEmptyPluginsFolderGivesNoTasks() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("plugins"));

        CommandRun tasks = CommandRun.in(empty, "", "tasks", "--json");
        assertEquals(0, tasks.code(), tasks::toString);
        assertEquals(Map.of("tasks", List.of()), tasks.json());
        assertTrue(tasks.err().contains("no tasks"), tasks::toString);

        CommandRun train = CommandRun.in(empty, "", "train", "sentiment");
        assertEquals(Failures.USAGE, train.code(), train::toString);
        assertTrue(train.err().contains("'sentiment'"), train::toString);
    }

    @Test
    void aBrokenJarIsReportedAndTheOtherPluginStillRuns() throws IOException {
        Path plugins = Files.createDirectory(dir.resolve("plugins"));
        try (var jars = Files.list(CommandRun.BUILT_PLUGINS)) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, plugins.resolve(jar.getFileName()));
            }
        }
        Files.write(plugins.resolve("broken-plugin.jar"), new byte[] {'n', 'o', 't', ' ', 'a', ' ', 'j', 'a', 'r'});

        CommandRun report = CommandRun.in(plugins, "", "plugins", "--json");
        assertEquals(0, report.code(), report::toString);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> states = (List<Map<String, Object>>) report.json().get("plugins");
        Map<String, Object> broken = states.stream().filter(p -> String.valueOf(p.get("path")).endsWith("broken-plugin.jar")).findFirst().orElseThrow();
        assertEquals("failed", broken.get("state"));
        assertTrue(String.valueOf(broken.get("problem")).length() > 10, report::toString);
        assertTrue(states.stream().anyMatch(p -> "text".equals(p.get("id")) && "started".equals(p.get("state"))), report::toString);

        CommandRun tasks = CommandRun.in(plugins, "", "tasks");
        assertTrue(tasks.out().contains("sentiment"), tasks::toString);
    }

    @Test
    void helpListsExactlyWhatTheTaskTakes() {
        CommandRun train = CommandRun.of("train", "sentiment", "--help");
        assertEquals(0, train.code(), train::toString);
        for (String option : List.of("--hidden", "--max-length", "--[no-]bidirectional", "--data", "--epochs", "--model", "--backend")) {
            assertTrue(train.out().contains(option), option + " missing from\n" + train.out());
        }
        assertFalse(train.out().contains("--prompt"), train::toString);

        CommandRun predict = CommandRun.of("predict", "sentiment", "--help");
        assertTrue(predict.out().contains("--input"), predict::toString);
        assertFalse(predict.out().contains("--epochs"), predict::toString);
        assertFalse(predict.out().contains("--hidden"), "a saved model fixes its width: " + predict);

        CommandRun eval = CommandRun.of("eval", "sentiment", "--help");
        assertTrue(eval.out().contains("--text-column") && eval.out().contains("--out"), eval::toString);
        assertFalse(eval.out().contains("--hidden") || eval.out().contains("--epochs"), eval::toString);
    }

    @Test
    void theImageTasksTakeFilesFoldersAndPrompts() {
        CommandRun predict = CommandRun.of("predict", "denoise", "--help");
        assertTrue(predict.out().contains("FILE|DIR") && predict.out().contains("--out"), predict::toString);
        CommandRun generate = CommandRun.of("generate", "text-to-image", "--help");
        for (String option : List.of("--prompt", "--count", "--out", "--model")) {
            assertTrue(generate.out().contains(option), option + " missing from\n" + generate.out());
        }
        assertFalse(generate.out().contains("--judge"), "scoring is for train and eval: " + generate);
        CommandRun noPredict = CommandRun.of("predict", "text-to-image", "x");
        assertEquals(Failures.USAGE, noPredict.code(), noPredict::toString);
    }

    @Test
    void aWrongValueIsAUsageErrorWithOneMessage() {
        CommandRun run = CommandRun.of("train", "sentiment", "--hidden", "many");

        assertEquals(Failures.USAGE, run.code(), run::toString);
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("mnemo: option --hidden: 'many' is not a whole number"), run::toString);
        assertFalse(run.err().contains("\tat "), "no stack trace without --verbose: " + run);
    }

    @Test
    void usageErrorsExitWith2() {
        for (String[] args : List.of(new String[] {}, new String[] {"train"}, new String[] {"train", "no-such-task"},
                new String[] {"train", "sentiment", "--no-such-option"}, new String[] {"train", "sentiment", "--backend", "gpu"},
                new String[] {"train", "sentiment", "--validation-split", "0.5", "--test-split", "0.5"},
                new String[] {"predict", "sentiment", "--model", "x.safetensors"})) {
            CommandRun run = CommandRun.of(args);
            assertEquals(Failures.USAGE, run.code(), () -> List.of(args) + "\n" + run);
            assertTrue(run.err().startsWith("mnemo: "), run::toString);
        }
    }

    @Test
    void aFailureExitsWith1AndVerboseShowsTheStackTrace() {
        String missing = dir.resolve("none.safetensors").toString();

        CommandRun quiet = CommandRun.of("predict", "sentiment", "--model", missing, "great");
        assertEquals(Failures.FAILURE, quiet.code(), quiet::toString);
        assertTrue(quiet.err().startsWith("mnemo: no model file " + missing), quiet::toString);
        assertFalse(quiet.err().contains("\tat "), quiet::toString);

        CommandRun verbose = CommandRun.of("predict", "sentiment", "--model", missing, "great", "--verbose");
        assertEquals(Failures.FAILURE, verbose.code(), verbose::toString);
        assertTrue(verbose.err().contains("\tat dev.mnemo"), verbose::toString);
    }

    @Test
    void dataChecksTheBuiltInSet() {
        CommandRun run = CommandRun.of("data", "sentiment", "--json");

        assertEquals(0, run.code(), run::toString);
        assertEquals(2982, ((Number) run.json().get("texts")).intValue());
        assertEquals(Map.of("negative", 1492, "positive", 1490), ((Map<?, ?>) run.json().get("per_class")).entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.getKey(), e -> ((Number) e.getValue()).intValue())));
    }

    @Test
    void backendsListsTheKernelModules() {
        CommandRun run = CommandRun.of("backends", "--json");

        assertEquals(0, run.code(), run::toString);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> backends = (List<Map<String, Object>>) run.json().get("backends");
        assertEquals(List.of("onednn", "vector", "reference"), backends.stream().map(b -> b.get("name")).toList());
    }
}
