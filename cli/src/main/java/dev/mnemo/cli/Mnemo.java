package dev.mnemo.cli;

import dev.mnemo.task.TaskCatalog;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/**
 * The {@code mnemo} command's entry point. Finds the plugins folder ({@code --plugins-dir}, else
 * {@code MNEMO_PLUGINS_DIR}, else {@link TaskCatalog#defaultDirectory()}, which the {@code ./mnemo}
 * launcher points at the build's {@code cli/target/plugins}), loads the plugins, builds the command
 * tree from their tasks and runs it.
 */
public final class Mnemo {
    private Mnemo() {}

    public static void main(String[] args) {
        java.io.Console console = System.console();
        System.exit(run(args, System.in, System.out, System.err, console != null && console.isTerminal()));
    }

    /**
     * Runs one command line with the given streams and returns the exit code: 0 ok, 2 usage error,
     * 1 failure.
     *
     * @param terminal whether stderr reaches a person at a terminal (then progress redraws in place)
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean terminal) {
        boolean verbose = List.of(args).contains(GlobalOptions.VERBOSE);
        Logging.configure(verbose, err);
        Failures failures = new Failures(err, verbose);
        try (TaskCatalog catalog = TaskCatalog.open(pluginsDirectory(args))) {
            CommandLine tree = MnemoCommand.tree(catalog, new Console(out, err, terminal), in);
            tree.setOut(new PrintWriter(out, true));
            tree.setErr(new PrintWriter(err, true));
            tree.setExecutionExceptionHandler(failures);
            tree.setParameterExceptionHandler(failures);
            return tree.execute(args);
        } catch (RuntimeException | Error e) {
            return failures.report(e);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static Path pluginsDirectory(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(GlobalOptions.PLUGINS_DIR) && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith(GlobalOptions.PLUGINS_DIR + "=")) {
                return Path.of(args[i].substring(GlobalOptions.PLUGINS_DIR.length() + 1));
            }
        }
        String env = System.getenv("MNEMO_PLUGINS_DIR");
        return env != null && !env.isBlank() ? Path.of(env) : TaskCatalog.defaultDirectory();
    }
}
