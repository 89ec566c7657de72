package dev.mnemo.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Task options are typed: defaults apply, values parse, and a wrong name or value is a usage error naming it. */
class TaskOptionsTest {
    private static final List<TaskOption> OPTIONS = List.of(
            TaskOption.integer("hidden", 64, "units"),
            TaskOption.number("dropout", 0.5, "rate"),
            TaskOption.flag("lowercase", true, "fold case"),
            TaskOption.choice("tokens", "words", "unit", "words", "chars"),
            TaskOption.text("label-column", "label", "column"),
            TaskOption.path("vectors", null, "file"));

    @Test
    void defaultsAndGivenValuesAreTyped() {
        TaskOptions defaults = TaskOptions.defaults(OPTIONS);
        assertEquals(64, defaults.integer("hidden"));
        assertEquals(0.5, defaults.number("dropout"));
        assertTrue(defaults.flag("lowercase"));
        assertEquals("words", defaults.text("tokens"));
        assertNull(defaults.path("vectors"));

        TaskOptions given = TaskOptions.parse(OPTIONS, Map.of("hidden", "128", "lowercase", "false", "tokens", "chars",
                "vectors", "glove.txt", "dropout", " 0.25 "));
        assertEquals(128, given.integer("hidden"));
        assertEquals(0.25, given.number("dropout"));
        assertEquals(false, given.flag("lowercase"));
        assertEquals("chars", given.text("tokens"));
        assertEquals(Path.of("glove.txt"), given.path("vectors"));
        assertEquals(List.of("hidden", "dropout", "lowercase", "tokens", "label-column", "vectors"),
                List.copyOf(given.asMap().keySet()));
    }

    @Test
    void wrongValuesAndUnknownNamesAreUsageErrorsThatSayWhatIsExpected() {
        assertEquals("option --hidden: 'many' is not a whole number",
                assertThrows(TaskUsageException.class, () -> TaskOptions.parse(OPTIONS, Map.of("hidden", "many"))).getMessage());
        assertEquals("option --tokens: 'bytes' is not one of words, chars",
                assertThrows(TaskUsageException.class, () -> TaskOptions.parse(OPTIONS, Map.of("tokens", "bytes"))).getMessage());
        assertEquals("option --dropout: 'NaN' is not a number",
                assertThrows(TaskUsageException.class, () -> TaskOptions.parse(OPTIONS, Map.of("dropout", "NaN"))).getMessage());
        assertEquals("option --lowercase: 'maybe' is not true or false",
                assertThrows(TaskUsageException.class, () -> TaskOptions.parse(OPTIONS, Map.of("lowercase", "maybe"))).getMessage());
        String unknown = assertThrows(TaskUsageException.class, () -> TaskOptions.parse(OPTIONS, Map.of("hiden", "3"))).getMessage();
        assertTrue(unknown.startsWith("unknown option --hiden; this task takes --hidden, --dropout"), unknown);
    }

    @Test
    void anOptionAppliesToEveryActionUnlessNarrowed() {
        TaskOption hidden = TaskOption.integer("hidden", 64, "LSTM units");
        TaskOption narrowed = hidden.onlyFor(TaskAction.TRAIN);

        assertTrue(Arrays.stream(TaskAction.values()).allMatch(hidden::appliesTo));
        assertTrue(narrowed.appliesTo(TaskAction.TRAIN));
        assertFalse(narrowed.appliesTo(TaskAction.PREDICT));
        assertEquals(hidden.defaultValue(), narrowed.defaultValue());
    }

    @Test
    void declarationsAreCheckedWhenMade() {
        assertThrows(IllegalArgumentException.class, () -> TaskOption.integer("Hidden", 1, "upper case"));
        assertThrows(TaskUsageException.class, () -> TaskOption.choice("tokens", "bytes", "bad default", "words", "chars"));
        assertThrows(IllegalArgumentException.class, () -> TaskOptions.defaults(OPTIONS).integer("dropout"), "wrong type");
    }

    @Test
    void runSettingsOutOfRangeAreUsageErrors() {
        Task task = new EchoTask();
        assertThrows(TaskUsageException.class, () -> TaskRun.builder(task).epochs(0));
        assertThrows(TaskUsageException.class, () -> TaskRun.builder(task).learningRate(-1.0));
        assertThrows(TaskUsageException.class, () -> TaskRun.builder(task).testSplit(1.0));
        assertThrows(TaskUsageException.class, () -> TaskRun.builder(task).validationSplit(0.5).testSplit(0.45).build());
        TaskRun run = TaskRun.builder(task).build();
        assertEquals(Path.of("models", "echo.safetensors"), run.model());
        assertEquals(7, run.epochsOr(7));
        assertEquals(12, TaskRun.builder(task).epochs(12).build().epochsOr(7));
    }
}
