package dev.mnemo.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Options every command takes. {@link Mnemo} reads {@code --plugins-dir} and {@code --verbose}
 * before parsing too (the command tree depends on the plugins), so they are declared here for
 * {@code --help} and so that picocli accepts them anywhere.
 */
final class GlobalOptions {
    static final String PLUGINS_DIR = "--plugins-dir";
    static final String VERBOSE = "--verbose";

    @Option(names = PLUGINS_DIR, paramLabel = "DIR",
            description = "Folder of plugin jars (default: MNEMO_PLUGINS_DIR, else the build's cli/target/plugins).")
    Path pluginsDir;

    @Option(names = VERBOSE, description = "Log details and show stack traces of failures.")
    boolean verbose;

    @Option(names = "--json", description = "Write the result as one JSON object on the last line of stdout.")
    boolean json;
}
