package dev.mnemo.task;

import dev.mnemo.io.Json;
import dev.mnemo.train.Model;
import dev.mnemo.train.ModelFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task's model as one safetensors file ({@link ModelFile}): the weights and architecture, plus
 * everything the task needs to use it again in the header's {@code __metadata__}: the task's name
 * and {@link Task#version()} ({@code task.name}, {@code task.version}), the plugin that wrote it
 * ({@code task.plugin}), and the task's own entries (vocabulary, labels, preprocessing), which it
 * names {@code task.*} too. Writes are atomic.
 *
 * <p>{@link #load} refuses a file of another task, or of another version of this one, with a
 * message naming both and what to do, rather than reading weights it would misuse.
 */
public final class TaskModelFile {
    private TaskModelFile() {}

    /** A loaded model with its task metadata; close the model when done. */
    public record Loaded(Model model, Map<String, String> metadata) {
        /** A required metadata entry, or a failure naming it. */
        public String get(String key) {
            String value = metadata.get(key);
            if (value == null) {
                throw new TaskFailedException("the model file has no '" + key + "' entry; retrain it with this plugin");
            }
            return value;
        }

        /** A classifier's class names, in the order of its outputs ({@code task.labels}). */
        @SuppressWarnings("unchecked")
        public List<String> labels() {
            if (!(Json.parse(get(LABELS)) instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
                throw new TaskFailedException("the model file's " + LABELS + " is not a list of names; retrain it");
            }
            return List.copyOf((List<String>) list);
        }
    }

    /** The metadata key of a classifier's class names. */
    public static final String LABELS = "task.labels";

    /**
     * The entries every trained task model carries: where its data and split came from
     * ({@link TrainedOn}), the options it was trained with ({@code task.settings}), and its class
     * names ({@code task.labels}) unless {@code labels} is null.
     */
    public static Map<String, String> entries(TaskRun run, List<String> labels) {
        Map<String, String> entries = new LinkedHashMap<>(TrainedOn.of(run).metadata());
        Map<String, String> settings = new LinkedHashMap<>();
        run.options().asMap().forEach((name, value) -> settings.put(name, String.valueOf(value)));
        entries.put("task.settings", Json.write(settings));
        if (labels != null) {
            entries.put(LABELS, Json.write(labels));
        }
        return entries;
    }

    /** Writes {@code model} for {@code task}, with {@code entries} (keys {@code task.*}) beside the weights. */
    public static void save(Task task, Model model, Path file, Map<String, String> entries) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>(entries);
        meta.put("task.name", task.name());
        meta.put("task.version", task.version());
        meta.put("task.plugin", PluginVersion.of(task.getClass()));
        for (String key : meta.keySet()) {
            if (!key.startsWith("task.")) {
                throw new IllegalArgumentException("task metadata keys start with 'task.', got '" + key + "'");
            }
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ModelFile.save(model, file, meta);
    }

    /** Reads a model {@code task} wrote; refuses other tasks' and other versions' files. */
    public static Loaded load(Task task, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new TaskFailedException("no model file " + file + "; train one first: mnemo train " + task.name()
                    + (file.equals(TaskRun.defaultModel(task)) ? "" : " --model " + file), new NoSuchFileException(file.toString()));
        }
        Map<String, String> meta = ModelFile.metadata(file);
        String name = meta.get("task.name");
        String version = meta.get("task.version");
        if (name == null) {
            throw new TaskFailedException(file + " is not a task model (no task.name entry); "
                    + "load plain models with ModelFile.load");
        }
        if (!name.equals(task.name())) {
            throw new TaskFailedException(file + " is a model of task '" + name + "', not '" + task.name()
                    + "'; use mnemo predict " + name + " --model " + file);
        }
        if (!task.version().equals(version)) {
            throw new TaskFailedException(file + " was written by " + name + " version " + version + " (plugin "
                    + meta.getOrDefault("task.plugin", "unknown") + "); the installed plugin (" + PluginVersion.of(task.getClass())
                    + ") reads version " + task.version() + ": retrain with mnemo train " + name);
        }
        return new Loaded(ModelFile.load(file), meta);
    }
}
