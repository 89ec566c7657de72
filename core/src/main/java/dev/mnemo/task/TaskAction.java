package dev.mnemo.task;

/** What a {@link Task} can be asked to do; the {@code mnemo} command offers a task under these verbs only. */
public enum TaskAction {
    TRAIN, EVALUATE, PREDICT, GENERATE
}
