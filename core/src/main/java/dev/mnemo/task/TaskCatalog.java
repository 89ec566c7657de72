package dev.mnemo.task;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * The tasks that the plugin jars in one folder add, found with PF4J. Dropping a jar into the
 * folder adds its tasks, removing it removes them; nothing is rebuilt, and plugin classes are
 * never on the application's class path.
 *
 * <pre>{@code
 * try (TaskCatalog catalog = TaskCatalog.open(Path.of("plugins"))) {
 *     Task sentiment = catalog.task("sentiment");
 *     try (TaskModel model = sentiment.load(Path.of("models/sentiment.safetensors"))) {
 *         Prediction p = model.predict(List.of("the food was great")).getFirst();
 *     }
 * }
 * }</pre>
 *
 * <p>One bad plugin never takes the others down: a jar that cannot be read, one whose
 * {@code Plugin-Requires} excludes this Mnemo ({@link MnemoVersion#release()}), one that needs a
 * plugin that is not there, one whose {@code start()} throws, and a task class that fails to load
 * are each reported in {@link #plugins()} with the reason, and everything else loads and runs.
 */
public final class TaskCatalog implements AutoCloseable {
    private final Manager manager;
    private final Map<String, Task> tasks = new TreeMap<>();
    private final List<PluginReport> reports = new ArrayList<>();

    private TaskCatalog(Path directory) {
        manager = new Manager(directory);
        manager.loadPlugins();
        manager.startPlugins();
        report();
    }

    /** Loads and starts every plugin jar in {@code directory} (none when it is empty or missing). */
    public static TaskCatalog open(Path directory) {
        return new TaskCatalog(directory);
    }

    /**
     * The plugins folder a program uses unless told otherwise: {@code -Dmnemo.plugins.dir}, else the
     * environment variable {@code MNEMO_PLUGINS_DIR}, else {@code plugins} in the working directory.
     */
    public static Path defaultDirectory() {
        String property = System.getProperty("mnemo.plugins.dir");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv("MNEMO_PLUGINS_DIR");
        return Path.of(env != null && !env.isBlank() ? env : "plugins");
    }

    /** The folder the plugins came from. */
    public Path directory() {
        return manager.getPluginsRoot();
    }

    /** Every task of the started plugins, sorted by name. */
    public Collection<Task> tasks() {
        return List.copyOf(tasks.values());
    }

    /** The task called {@code name}, or a {@link TaskUsageException} that lists the ones there are. */
    public Task task(String name) {
        Task task = tasks.get(name);
        if (task == null) {
            throw new TaskUsageException("no task '" + name + "' in " + directory() + "; "
                    + (tasks.isEmpty() ? "no plugin there adds any (see mnemo plugins)" : "tasks: " + String.join(", ", tasks.keySet())));
        }
        return task;
    }

    /** What became of each plugin jar, sorted by id. */
    public List<PluginReport> plugins() {
        return List.copyOf(reports);
    }

    /** Stops and unloads the plugins (their class loaders close). */
    @Override
    public void close() {
        // One by one, newest first: PF4J 3.15's stopPlugins() removes from the list it iterates.
        List<PluginWrapper> started = new ArrayList<>(manager.getStartedPlugins());
        for (int i = started.size() - 1; i >= 0; i--) {
            manager.stopPlugin(started.get(i).getPluginId());
        }
        manager.unloadPlugins();
    }

    private void report() {
        Map<String, PluginReport> byId = new TreeMap<>();
        manager.unreadable.forEach((path, problem) -> byId.put(path.getFileName().toString(),
                new PluginReport(path.getFileName().toString(), "?", path, PluginReport.State.FAILED, List.of(), problem)));
        for (PluginDescriptor descriptor : manager.loaded.values()) {
            String id = descriptor.getPluginId();
            PluginWrapper wrapper = manager.getPlugin(id);
            Path path = manager.paths.get(id);
            if (wrapper == null) {
                byId.put(id, new PluginReport(id, descriptor.getVersion(), path, PluginReport.State.DISABLED, List.of(),
                        missingDependencies(descriptor)));
            } else if (wrapper.getPluginState() == PluginState.STARTED) {
                byId.put(id, started(wrapper));
            } else {
                PluginReport.State state = wrapper.getPluginState() == PluginState.DISABLED
                        ? PluginReport.State.DISABLED : PluginReport.State.FAILED;
                byId.put(id, new PluginReport(id, descriptor.getVersion(), path, state, List.of(), whyNotStarted(wrapper)));
            }
        }
        reports.addAll(byId.values());
        reports.sort(Comparator.comparing(PluginReport::id));
    }

    /** Instantiates each task class of a started plugin on its own, so one that fails is named and the rest work. */
    private PluginReport started(PluginWrapper wrapper) {
        String id = wrapper.getPluginId();
        List<String> names = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String className : manager.getExtensionClassNames(id)) {
            try {
                Class<?> type = Class.forName(className, true, wrapper.getPluginClassLoader());
                if (!Task.class.isAssignableFrom(type)) {
                    continue;
                }
                Task task = (Task) manager.getExtensionFactory().create(type);
                if (tasks.containsKey(task.name())) {
                    problems.add("task '" + task.name() + "' is offered by another plugin already; this one is skipped");
                    continue;
                }
                tasks.put(task.name(), task);
                names.add(task.name());
            } catch (Throwable e) {     // a broken class: LinkageError, ExceptionInInitializerError, a throwing constructor
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                problems.add("task class " + className + " failed to load: " + cause);
            }
        }
        names.sort(null);
        return new PluginReport(id, wrapper.getDescriptor().getVersion(), wrapper.getPluginPath(), PluginReport.State.STARTED,
                names, problems.isEmpty() ? null : String.join("; ", problems));
    }

    private String whyNotStarted(PluginWrapper wrapper) {
        PluginDescriptor descriptor = wrapper.getDescriptor();
        String requires = descriptor.getRequires();
        if (!manager.getVersionManager().checkVersionConstraint(manager.getSystemVersion(), requires)) {
            return "requires Mnemo " + requires + " but this is " + manager.getSystemVersion();
        }
        Throwable failure = wrapper.getFailedException();
        if (failure == null) {
            return "not started (" + wrapper.getPluginState() + ")";
        }
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return "start() failed: " + cause;
    }

    private String missingDependencies(PluginDescriptor descriptor) {
        String missing = descriptor.getDependencies().stream()
                .filter(d -> !d.isOptional())
                .filter(d -> manager.getPlugin(d.getPluginId()) == null)
                .map(PluginDependency::getPluginId)
                .collect(Collectors.joining(", "));
        return missing.isEmpty() ? "left out while resolving plugin dependencies (wrong version of a plugin it needs)"
                : "needs plugin " + missing + ", which is not installed";
    }

    /** PF4J's jar plugin manager, recording what it could not load instead of only logging it. */
    private static final class Manager extends JarPluginManager {
        final Map<Path, String> unreadable = new LinkedHashMap<>();
        final Map<String, PluginDescriptor> loaded = new LinkedHashMap<>();
        final Map<String, Path> paths = new LinkedHashMap<>();

        Manager(Path directory) {
            super(directory);
            setSystemVersion(MnemoVersion.release());
            setResolveRecoveryStrategy(ResolveRecoveryStrategy.IGNORE_PLUGIN_AND_CONTINUE);
        }

        @Override
        public void loadPlugins() {
            if (Files.isDirectory(getPluginsRoot())) {
                super.loadPlugins();
            }
        }

        @Override
        protected PluginWrapper loadPluginFromPath(Path pluginPath) {
            try {
                PluginWrapper wrapper = super.loadPluginFromPath(pluginPath);
                loaded.put(wrapper.getPluginId(), wrapper.getDescriptor());
                paths.put(wrapper.getPluginId(), pluginPath);
                return wrapper;
            } catch (RuntimeException | LinkageError e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                unreadable.put(pluginPath, "cannot be loaded as a plugin: " + e.getMessage()
                        + (cause != e ? " (" + cause + ")" : ""));
                return null;
            }
        }
    }
}
