package dev.mnemo.cli;

import dev.mnemo.task.Task;
import dev.mnemo.task.TaskAction;
import dev.mnemo.task.TaskOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands that run a task, each offering the tasks that can do it: {@code train},
 * {@code eval}, {@code predict} and {@code generate} follow {@link Task#actions()}; every task
 * has {@code data}.
 */
enum TaskVerb {
    TRAIN("train", TaskAction.TRAIN, "Train a task's model on its built-in data or yours (--data), then measure it once on the test split."),
    EVAL("eval", TaskAction.EVALUATE, "Measure a saved model on the test split it was trained with, or on --data/--test-data."),
    PREDICT("predict", TaskAction.PREDICT, "Predict with a saved model on inputs given as arguments or with --input."),
    GENERATE("generate", TaskAction.GENERATE, "Generate with a saved model, starting from --prompt."),
    DATA("data", null, "Check or prepare a task's built-in data (prints the install command when it is missing).");

    final String command;
    final String description;
    private final TaskAction action;

    TaskVerb(String command, TaskAction action, String description) {
        this.command = command;
        this.action = action;
        this.description = description;
    }

    /** Whether {@code task} is offered under this command. */
    boolean offers(Task task) {
        return action == null || task.actions().contains(action);
    }

    /**
     * Whether the task reads {@code option} under this command; {@code data} reads the options that
     * say how data is read, those of both training and evaluation.
     */
    boolean reads(TaskOption option) {
        return action == null ? option.appliesTo(TaskAction.TRAIN) && option.appliesTo(TaskAction.EVALUATE) : option.appliesTo(action);
    }

    /** The commands that run {@code task} (besides {@code data}), as users type them. */
    static List<String> commandsOf(Task task) {
        List<String> names = new ArrayList<>();
        for (TaskVerb verb : values()) {
            if (verb != DATA && verb.offers(task)) {
                names.add(verb.command);
            }
        }
        return names;
    }
}
