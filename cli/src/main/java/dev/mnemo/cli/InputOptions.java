package dev.mnemo.cli;

import dev.mnemo.task.TaskUsageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code predict} predicts on: positional arguments, one item per line of a file or stdin, or
 * a folder (for tasks that read files: the task takes the folder's files).
 */
final class InputOptions {
    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Inputs to predict on (texts, or files for file tasks).")
    List<String> positional = new ArrayList<>();

    @Option(names = "--input", paramLabel = "FILE|DIR", description = "Read inputs from FILE, one per line ('-' for stdin), "
            + "or give a folder of files (image tasks).")
    String file;

    /** The inputs, in order; a usage error when there are none or both ways are used. */
    List<String> read(InputStream stdin) throws IOException {
        if (file != null && !positional.isEmpty()) {
            throw new TaskUsageException("give inputs either as arguments or with --input, not both");
        }
        List<String> inputs = file == null ? positional : lines(stdin);
        if (inputs.isEmpty()) {
            throw new TaskUsageException("nothing to predict: give inputs as arguments or with --input FILE");
        }
        return inputs;
    }

    private List<String> lines(InputStream stdin) throws IOException {
        if (file.equals("-")) {
            return nonBlank(new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).lines().toList());
        }
        if (Files.isDirectory(Path.of(file))) {
            return List.of(file);
        }
        try {
            return nonBlank(Files.readAllLines(Path.of(file), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new TaskUsageException("--input " + file + ": no such file", e);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new TaskUsageException("--input " + file + " is not UTF-8 text", e);
        }
    }

    private static List<String> nonBlank(List<String> lines) {
        return lines.stream().filter(line -> !line.isBlank()).toList();
    }
}
