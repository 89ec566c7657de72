package dev.mnemo.task;

/**
 * A task could not finish (missing data, a model file written by another task or version,
 * training that diverged); the message says why and what to do. The {@code mnemo} command exits
 * with 1.
 */
public class TaskFailedException extends RuntimeException {
    public TaskFailedException(String message) {
        super(message);
    }

    public TaskFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
