package dev.mnemo.cli;

import dev.mnemo.task.MnemoVersion;
import dev.mnemo.task.TaskCatalog;
import java.io.InputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The root command {@code mnemo}; alone, a usage error that lists the commands. */
@Command(name = "mnemo", mixinStandardHelpOptions = true, versionProvider = MnemoCommand.Version.class,
        description = "Deep learning on the JVM: run the tasks that plugin jars add (train, eval, predict, generate).")
final class MnemoCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    /** The whole command tree for the tasks of {@code catalog}. */
    static CommandLine tree(TaskCatalog catalog, Console console, InputStream stdin) {
        CommandLine root = new CommandLine(new MnemoCommand());
        root.addSubcommand(new CommandLine(new DemoCommand(catalog, console)));
        root.addSubcommand(new CommandLine(new TasksCommand(catalog, console)));
        for (TaskVerb verb : TaskVerb.values()) {
            root.addSubcommand(VerbCommand.of(verb, catalog, console, stdin));
        }
        root.addSubcommand(new CommandLine(new PluginsCommand(catalog, console)));
        root.addSubcommand(new CommandLine(new BackendsCommand(console)));
        return root;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "which command? " + String.join(", ", spec.subcommands().keySet()));
    }

    /** {@code mnemo --version}: the Mnemo release. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mnemo " + MnemoVersion.full()};
        }
    }
}
