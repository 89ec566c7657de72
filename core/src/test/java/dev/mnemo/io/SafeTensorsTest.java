package dev.mnemo.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {
    @TempDir
    Path dir;

    @Test
    void writeThenReadGivesIdenticalBits() throws IOException {
        try (Scope scope = Scope.open()) {
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            tensors.put("w", scope.of(new float[] {1.5f, -2f, Float.MIN_VALUE, 3e38f, -0f, 7f}, 2, 3));
            tensors.put("b", scope.of(new float[] {0.1f}, 1));
            Path file = dir.resolve("model.safetensors");
            SafeTensors.write(file, tensors, Map.of("format", "mnemo"));
            SafeTensors.Contents read = SafeTensors.read(file, scope);
            assertEquals("mnemo", read.metadata().get("format"));
            assertArrayEquals(new int[] {2, 3}, read.get("w").shape());
            assertArrayEquals(tensors.get("w").toArray(), read.get("w").toArray());
            assertArrayEquals(tensors.get("b").toArray(), read.get("b").toArray());
            try (var listing = Files.list(dir)) {
                assertEquals(1, listing.count(), "no temporary file left behind");
            }
        }
    }

    @Test
    void failedWriteLeavesThePreviousFileIntact() throws IOException {
        Path file = dir.resolve("keep.safetensors");
        Files.writeString(file, "previous contents");
        IOException e = assertThrows(IOException.class,
                () -> AtomicFiles.write(file, channel -> { throw new IOException("disk full"); }));
        assertEquals("disk full", e.getMessage());
        assertEquals("previous contents", Files.readString(file));
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count(), "temporary file removed");
        }
    }

    @Test
    void readsHalfPrecisionAndBfloat16() throws IOException {
        ByteBuffer data = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        data.putShort(Float.floatToFloat16(1.5f)).putShort(Float.floatToFloat16(-2f));
        data.putShort((short) (Float.floatToIntBits(3f) >>> 16)).putShort((short) (Float.floatToIntBits(-0.5f) >>> 16));
        Path file = write("{\"h\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[4,8]}}", data.array());
        try (Scope scope = Scope.open()) {
            SafeTensors.Contents c = SafeTensors.read(file, scope);
            assertArrayEquals(new float[] {1.5f, -2f}, c.get("h").toArray());
            assertArrayEquals(new float[] {3f, -0.5f}, c.get("b").toArray());
        }
    }

    @Test
    void truncatedFileIsRejected() throws IOException {
        Path file = write("{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", new byte[8]);
        assertProblem(file, "'w'", "outside the data area of 8 bytes");
        Path tiny = dir.resolve("tiny.safetensors");
        Files.write(tiny, new byte[3]);
        assertProblem(tiny, "too short");
    }

    @Test
    void oversizedHeaderLengthIsRejectedWithoutAllocating() throws IOException {
        Path file = dir.resolve("huge.safetensors");
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(Long.MAX_VALUE / 2);
        Files.write(file, b.array());
        assertProblem(file, "header length", "does not fit");
    }

    @Test
    void overlappingOffsetsAreRejected() throws IOException {
        Path file = write("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", new byte[12]);
        assertProblem(file, "'a'", "'b'", "overlap");
    }

    @Test
    void unsupportedDtypeIsRejected() throws IOException {
        Path file = write("{\"ids\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}", new byte[8]);
        assertProblem(file, "'ids'", "dtype I64 is not supported");
    }

    @Test
    void shapeThatDisagreesWithOffsetsIsRejected() throws IOException {
        Path file = write("{\"w\":{\"dtype\":\"F32\",\"shape\":[3,2],\"data_offsets\":[0,16]}}", new byte[16]);
        assertProblem(file, "'w'", "needs 24 bytes but data_offsets span 16");
    }

    @Test
    void headerThatIsNotJsonIsRejected() throws IOException {
        Path file = write("{not json", new byte[0]);
        assertProblem(file, "not valid JSON");
    }

    private Path write(String header, byte[] data) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h).put(data);
        Path file = Files.createTempFile(dir, "case", ".safetensors");
        Files.write(file, b.array());
        return file;
    }

    private static void assertProblem(Path file, String... fragments) {
        try (Scope scope = Scope.open()) {
            InvalidModelFileException e = assertThrows(InvalidModelFileException.class, () -> SafeTensors.read(file, scope));
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
            for (String f : fragments) {
                assertTrue(e.getMessage().contains(f), "expected '" + f + "' in: " + e.getMessage());
            }
        }
    }
}
