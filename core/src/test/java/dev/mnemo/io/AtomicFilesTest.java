package dev.mnemo.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes: the whole new file or the old one, with the permissions any new file gets, and no temporary file left behind. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesWithTheUsualPermissionsAndLeavesNothingBehind() throws IOException {
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path written = dir.resolve("written.txt");
        AtomicFiles.write(written, channel -> channel.write(ByteBuffer.wrap("new".getBytes(StandardCharsets.UTF_8))));
        assertEquals("new", Files.readString(written));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written), "the umask's, not owner-only");
        try (var files = Files.list(dir)) {
            assertEquals(List.of("plain.txt", "written.txt"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aFailedWriteLeavesTheOldFileWhole() throws IOException {
        Path target = dir.resolve("model.bin");
        Files.writeString(target, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, channel -> {
            channel.write(ByteBuffer.wrap("half".getBytes(StandardCharsets.UTF_8)));
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }
}
