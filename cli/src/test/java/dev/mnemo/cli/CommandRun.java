package dev.mnemo.cli;

import dev.mnemo.io.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run of the mnemo command in this JVM, with its exit code, stdout and stderr. The plugins
 * folder is the one the build fills (cli/target/plugins) unless a test names another.
 *
 * @param code the exit code
 * @param out  what went to stdout
 * @param err  what went to stderr
 */
record CommandRun(int code, String out, String err) {
    static final Path BUILT_PLUGINS = Path.of(System.getProperty("mnemo.test.plugins", "target/plugins"));

    /** {@code mnemo ARGS} with the built plugins. */
    static CommandRun of(String... args) {
        return in(BUILT_PLUGINS, "", args);
    }

    /** {@code mnemo --plugins-dir PLUGINS ARGS}, with {@code stdin} as its standard input. */
    static CommandRun in(Path plugins, String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of(GlobalOptions.PLUGINS_DIR, plugins.toString()));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Mnemo.run(all.toArray(String[]::new), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new CommandRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** stdout's lines. */
    List<String> lines() {
        return out.lines().toList();
    }

    /** The JSON object on stdout's last line. */
    @SuppressWarnings("unchecked")
    Map<String, Object> json() {
        return (Map<String, Object>) Json.parse(lines().getLast());
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
