package dev.mnemo.text.data;

import java.nio.file.Path;

/**
 * Bad or missing text data: one message that names the file, the line where the problem is (when
 * one line is to blame) and what to do, e.g.
 * {@code reviews.csv, line 7: the row has 3 fields but the header has 2; quote fields that contain
 * a comma}.
 */
public final class TextDataException extends IllegalArgumentException {
    private final Path file;
    private final int line;

    /**
     * A problem on one line.
     *
     * @param file    the file or folder at fault
     * @param line    the 1-based line number
     * @param problem what is wrong and what to do about it
     */
    public TextDataException(Path file, int line, String problem) {
        super(file + ", line " + line + ": " + problem);
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1, got " + line);
        }
        this.file = file;
        this.line = line;
    }

    /**
     * A problem with a file or folder as a whole (it is missing, unreadable or too small).
     *
     * @param file    the file or folder at fault
     * @param problem what is wrong and what to do about it
     */
    public TextDataException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.line = 0;
    }

    /** The file or folder at fault. */
    public Path file() {
        return file;
    }

    /** The 1-based line at fault, or 0 when the problem concerns the whole file or folder. */
    public int line() {
        return line;
    }
}
