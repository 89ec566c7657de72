package dev.mnemo.io;

import java.nio.file.Path;

/** A model or weights file is malformed; the message names the file, the tensor and the problem. */
public final class InvalidModelFileException extends IllegalArgumentException {
    /** @param path the offending file; {@code problem} completes the sentence "FILE: ..." */
    public InvalidModelFileException(Path path, String problem) {
        super(path + ": " + problem);
    }
}
