package dev.mnemo.cli;

import dev.mnemo.task.PluginReport;
import dev.mnemo.task.TaskCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code mnemo plugins}: every jar in the plugins folder, its state, its tasks, or why it failed. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List the plugin jars in the plugins folder: started with their tasks, or disabled/failed with the reason.")
final class PluginsCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    private final TaskCatalog catalog;
    private final Console console;

    PluginsCommand(TaskCatalog catalog, Console console) {
        this.catalog = catalog;
        this.console = console;
    }

    @Override
    public Integer call() {
        List<Object> json = new ArrayList<>();
        StringBuilder text = new StringBuilder("plugins folder: " + catalog.directory().toAbsolutePath() + System.lineSeparator());
        for (PluginReport p : catalog.plugins()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", p.id());
            one.put("version", p.version());
            one.put("path", p.path() == null ? null : p.path().toString());
            one.put("state", p.state().name().toLowerCase(Locale.ROOT));
            one.put("tasks", p.tasks());
            one.put("problem", p.problem());
            json.add(one);
            text.append(String.format(Locale.ROOT, "%-12s %-16s %-8s %s%n", p.id(), p.version(), p.state().name().toLowerCase(Locale.ROOT),
                    p.problem() == null ? String.join(", ", p.tasks()) : p.problem()));
        }
        if (catalog.plugins().isEmpty()) {
            text.append("no plugin jars there").append(System.lineSeparator());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("plugins_dir", catalog.directory().toAbsolutePath().toString());
        result.put("plugins", json);
        console.value(result, text.toString(), global.json);
        return 0;
    }
}
