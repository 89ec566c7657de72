package dev.mnemo.task;

import java.nio.file.Path;
import java.util.List;

/**
 * What became of one plugin jar: its id and version (or the file name, for a jar that could not
 * be read), its state, the tasks it added, and why it failed or was left out.
 *
 * @param id      the {@code Plugin-Id}, or the jar's file name when it has none readable
 * @param version the {@code Plugin-Version}, or "?"
 * @param path    the jar
 * @param state   {@link State}
 * @param tasks   names of the tasks it added, sorted
 * @param problem one line: why it failed or was disabled, or what part of it failed; null when all is well
 */
public record PluginReport(String id, String version, Path path, State state, List<String> tasks, String problem) {
    public PluginReport {
        tasks = List.copyOf(tasks);
    }

    /** A plugin's fate. */
    public enum State {
        /** Started; its tasks are offered (a task class that failed to load is named in the problem). */
        STARTED,
        /** Not started because it does not fit this Mnemo ({@code Plugin-Requires}) or a plugin it needs is missing. */
        DISABLED,
        /** Could not be read, loaded or started. */
        FAILED
    }
}
