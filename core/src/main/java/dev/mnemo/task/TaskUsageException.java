package dev.mnemo.task;

/**
 * The user asked for something that cannot work as given: an unknown task or option, a value of
 * the wrong type, data in the wrong layout. The message names the problem and what to do; the
 * {@code mnemo} command exits with 2.
 */
public class TaskUsageException extends RuntimeException {
    public TaskUsageException(String message) {
        super(message);
    }

    public TaskUsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
