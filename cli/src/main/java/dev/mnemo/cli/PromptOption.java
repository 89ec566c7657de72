package dev.mnemo.cli;

import picocli.CommandLine.Option;

/** The text a generative task starts from. */
final class PromptOption {
    @Option(names = "--prompt", paramLabel = "TEXT", description = "Text to start generating from.")
    String prompt;
}
