package dev.mnemo.cli;

import dev.mnemo.task.Task;
import dev.mnemo.task.TaskCatalog;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code mnemo train}, {@code eval}, ...: one subcommand per task that can do it; alone, a usage error listing them. */
@Command(mixinStandardHelpOptions = true)
final class VerbCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    private final TaskVerb verb;
    private final TaskCatalog catalog;
    private CommandLine self;

    private VerbCommand(TaskVerb verb, TaskCatalog catalog) {
        this.verb = verb;
        this.catalog = catalog;
    }

    /** The command {@code mnemo VERB} with a subcommand for each task of {@code catalog} that it offers. */
    static CommandLine of(TaskVerb verb, TaskCatalog catalog, Console console, InputStream stdin) {
        VerbCommand command = new VerbCommand(verb, catalog);
        CommandSpec spec = CommandSpec.forAnnotatedObject(command);
        spec.name(verb.command);
        spec.usageMessage().description(verb.description);
        command.self = new CommandLine(spec);
        for (Task task : catalog.tasks()) {
            if (verb.offers(task)) {
                command.self.addSubcommand(TaskCommand.of(verb, task, console, stdin));
            }
        }
        return command.self;
    }

    @Override
    public Integer call() {
        List<String> tasks = catalog.tasks().stream().filter(verb::offers).map(Task::name).toList();
        throw new ParameterException(self, "mnemo " + verb.command + " needs a task: "
                + (tasks.isEmpty() ? "no plugin in " + catalog.directory().toAbsolutePath() + " adds one that can (see mnemo plugins)"
                        : String.join(", ", tasks)));
    }
}
