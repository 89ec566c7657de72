package dev.mnemo.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugin isolation with jars built on the fly: each broken plugin is reported with its reason, and
 * a good plugin beside it still loads and runs.
 */
class TaskCatalogTest {
    @TempDir
    Path plugins;

    @BeforeEach
    void goodPlugin() throws Exception {
        PluginJars.plugin("good", "1.0.0").requires(">=0.1.0 & <0.2.0")
                .source("good.EchoTask", PluginJars.task("good", "EchoTask", "echo")).extension("good.EchoTask")
                .write(plugins);
    }

    private static Map<String, PluginReport> byId(TaskCatalog catalog) {
        return catalog.plugins().stream().collect(Collectors.toMap(PluginReport::id, Function.identity()));
    }

    /** The good plugin's task is there and runs. */
    private static void goodPluginStillWorks(TaskCatalog catalog) throws Exception {
        Task echo = catalog.task("echo");
        try (TaskModel model = echo.load(Path.of("unused"))) {
            assertEquals("echo", model.predict(List.of("hello")).getFirst().label());
        }
        assertEquals(PluginReport.State.STARTED, byId(catalog).get("good").state());
        assertNull(byId(catalog).get("good").problem());
    }

    @Test
    void anEmptyOrMissingFolderGivesNoTasks() {
        try (TaskCatalog catalog = TaskCatalog.open(plugins.resolve("empty"))) {
            assertTrue(catalog.tasks().isEmpty());
            assertTrue(catalog.plugins().isEmpty());
            TaskUsageException e = assertThrows(TaskUsageException.class, () -> catalog.task("echo"));
            assertTrue(e.getMessage().contains("no task 'echo'"), e.getMessage());
        }
    }

    @Test
    void droppingAJarInAddsItsTasksAndRemovingItRemovesThem() throws Exception {
        try (TaskCatalog catalog = TaskCatalog.open(plugins)) {
            goodPluginStillWorks(catalog);
        }
        try (var jars = Files.list(plugins)) {
            for (Path jar : jars.toList()) {
                Files.delete(jar);
            }
        }
        try (TaskCatalog catalog = TaskCatalog.open(plugins)) {
            assertTrue(catalog.tasks().isEmpty());
        }
    }

    @Test
    void aCorruptJarIsReportedAndTheOthersLoad() throws Exception {
        Files.write(plugins.resolve("corrupt.jar"), new byte[] {'P', 'K', 3, 4, 0, 0, 42, 42, 42});
        try (TaskCatalog catalog = TaskCatalog.open(plugins)) {
            PluginReport corrupt = byId(catalog).get("corrupt.jar");
            assertEquals(PluginReport.State.FAILED, corrupt.state());
            assertTrue(corrupt.problem().contains("cannot be loaded"), corrupt.problem());
            goodPluginStillWorks(catalog);
        }
    }

    @Test
    void aPluginForAnotherMnemoVersionIsDisabledWithTheVersions() throws Exception {
        PluginJars.plugin("future", "2.0.0").requires(">=9.0.0")
                .source("future.FutureTask", PluginJars.task("future", "FutureTask", "future")).extension("future.FutureTask")
                .write(plugins);
        try (TaskCatalog catalog = TaskCatalog.open(plugins)) {
            PluginReport future = byId(catalog).get("future");
            assertEquals(PluginReport.State.DISABLED, future.state());
            assertEquals("requires Mnemo >=9.0.0 but this is " + MnemoVersion.release(), future.problem());
            assertThrows(TaskUsageException.class, () -> catalog.task("future"));
            goodPluginStillWorks(catalog);
        }
    }

    @Test
    void aPluginWhoseStartThrowsFailsWithTheReason() throws Exception {
        PluginJars.plugin("crashing", "1.0.0")
                .source("crashing.CrashingPlugin", """
                        package crashing;
                        public class CrashingPlugin extends org.pf4j.Plugin {
                            @Override public void start() { throw new IllegalStateException("no licence key"); }
                        }
                        """)
                .pluginClass("crashing.CrashingPlugin")
                .source("crashing.CrashTask", PluginJars.task("crashing", "CrashTask", "crash")).extension("crashing.CrashTask")
                .write(plugins);
        try (TaskCatalog catalog = TaskCatalog.open(plugins)) {
            PluginReport crashing = byId(catalog).get("crashing");
            assertEquals(PluginReport.State.FAILED, crashing.state());
            assertTrue(crashing.problem().contains("no licence key"), crashing.problem());
            assertThrows(TaskUsageException.class, () -> catalog.task("crash"));
            goodPluginStillWorks(catalog);
        }
    }

    @Test
    void aTaskClassThatFailsToLoadIsNamedAndItsSiblingWorks() throws Exception {
        PluginJars.plugin("half", "1.0.0")
                .source("half.BrokenTask", PluginJars.task("half", "BrokenTask", "broken",
                        "static { if (true) throw new IllegalStateException(\"model zoo unreachable\"); }"))
                .source("half.FineTask", PluginJars.task("half", "FineTask", "fine"))
                .extension("half.BrokenTask").extension("half.FineTask").extension("half.Missing")
                .write(plugins);
        try (TaskCatalog catalog = TaskCatalog.open(plugins)) {
            PluginReport half = byId(catalog).get("half");
            assertEquals(PluginReport.State.STARTED, half.state());
            assertEquals(List.of("fine"), half.tasks());
            assertTrue(half.problem().contains("half.BrokenTask failed to load")
                    && half.problem().contains("model zoo unreachable"), half.problem());
            assertTrue(half.problem().contains("half.Missing failed to load"), half.problem());
            assertEquals("fine", catalog.task("fine").name());
            goodPluginStillWorks(catalog);
        }
    }

    @Test
    void aPluginThatNeedsAMissingPluginIsDisabledAndTheRestLoad() throws Exception {
        PluginJars.plugin("dependent", "1.0.0").dependencies("absent@>=1.0.0")
                .source("dependent.DependentTask", PluginJars.task("dependent", "DependentTask", "dependent"))
                .extension("dependent.DependentTask")
                .write(plugins);
        try (TaskCatalog catalog = TaskCatalog.open(plugins)) {
            PluginReport dependent = byId(catalog).get("dependent");
            assertEquals(PluginReport.State.DISABLED, dependent.state());
            assertEquals("needs plugin absent, which is not installed", dependent.problem());
            goodPluginStillWorks(catalog);
        }
    }
}
