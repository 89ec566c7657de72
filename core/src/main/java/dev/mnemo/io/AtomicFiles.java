package dev.mnemo.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so readers see either the old complete file or the new complete one, never a
 * half-written file: data goes to a temporary file in the same folder, is forced to disk, then
 * renamed over the target. The new file gets the permissions any new file gets (the umask's),
 * not the owner-only ones of a temporary file.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** What to write into the temporary file. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(FileChannel channel) throws IOException;
    }

    /** Writes {@code target} atomically with {@code writer}. On failure the target is untouched. */
    public static void write(Path target, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        // not Files.createTempFile: its owner-only permissions would replace the target's usual ones
        Path temp = dir.resolve("." + absolute.getFileName() + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
                writer.writeTo(channel);
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
