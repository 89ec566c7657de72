package dev.mnemo.cli;

import dev.mnemo.task.Task;
import dev.mnemo.task.TaskCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code mnemo tasks}: the tasks the plugins add, what each does, and which verbs it takes. */
@Command(name = "tasks", mixinStandardHelpOptions = true, description = "List the tasks that the plugin jars add.")
final class TasksCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    private final TaskCatalog catalog;
    private final Console console;

    TasksCommand(TaskCatalog catalog, Console console) {
        this.catalog = catalog;
        this.console = console;
    }

    @Override
    public Integer call() {
        List<Object> json = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int width = catalog.tasks().stream().mapToInt(t -> t.name().length()).max().orElse(0);
        for (Task task : catalog.tasks()) {
            List<String> actions = TaskVerb.commandsOf(task);
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", task.name());
            one.put("description", task.description());
            one.put("actions", actions);
            one.put("data", task.data().name());
            one.put("install", task.data().installCommand());
            json.add(one);
            text.append(String.format(Locale.ROOT, "%-" + width + "s  %s [%s]%n", task.name(), task.description(), String.join(" ", actions)));
        }
        if (catalog.tasks().isEmpty()) {
            console.log("no tasks: no plugin in " + catalog.directory().toAbsolutePath() + " adds any (see mnemo plugins)");
        }
        console.value(Map.of("tasks", json), text.toString(), global.json);
        return 0;
    }
}
