package dev.mnemo.image.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Bad or missing image data: one message that names the file or folder, the problem and what to
 * do, e.g. {@code train-images-idx3-ubyte.gz: truncated: header says 47040000 bytes of data, the
 * decompressed file has 1000}.
 */
public final class ImageDataException extends IOException {
    private final transient Path file;
    private final String problem;

    /**
     * A problem with {@code file}.
     *
     * @param file    the file or folder at fault
     * @param problem what is wrong and what to do about it
     */
    public ImageDataException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    /**
     * A problem with {@code file} that a lower-level exception reported.
     *
     * @param file    the file or folder at fault
     * @param problem what is wrong and what to do about it
     * @param cause   the exception that revealed it
     */
    public ImageDataException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The file or folder at fault. */
    public Path file() {
        return file;
    }

    /** What is wrong and what to do, without the file name. */
    public String problem() {
        return problem;
    }
}
