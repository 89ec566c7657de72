package dev.mnemo.cli;

import dev.mnemo.task.TaskUsageException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns what went wrong into an exit code and one message on stderr: 2 for a usage error (a bad
 * option or value, unusable data: {@link TaskUsageException} or a picocli parse error, with a
 * pointer to {@code --help}), 1 for a failure. A stack trace follows only with {@code --verbose}.
 */
final class Failures implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final int USAGE = 2;
    static final int FAILURE = 1;

    private final PrintStream err;
    private final boolean verbose;

    Failures(PrintStream err, boolean verbose) {
        this.err = err;
        this.verbose = verbose;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        return report(e);
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        err.println("mnemo: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("see: " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help");
        return USAGE;
    }

    /** Prints the message of {@code e} and returns its exit code. */
    int report(Throwable e) {
        boolean usage = e instanceof TaskUsageException;
        err.println("mnemo: " + message(e));
        if (verbose) {
            e.printStackTrace(err);
        } else if (!usage && !(e instanceof FileSystemException)) {
            err.println("(run with --verbose for the stack trace)");
        }
        return usage ? USAGE : FAILURE;
    }

    static String message(Throwable e) {
        return switch (e) {
            case NoSuchFileException missing -> "no such file: " + missing.getFile();
            case AccessDeniedException denied -> "permission denied: " + denied.getFile();
            case FileSystemException other -> other.getFile() + ": " + (other.getReason() == null ? other : other.getReason());
            case OutOfMemoryError memory -> "out of memory (" + memory.getMessage() + "); try a smaller --batch-size or a larger -Xmx in MNEMO_JAVA_OPTS";
            default -> e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
        };
    }
}
