package dev.mnemo.image.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void unsignedBytesSurviveAWriteAndARead(boolean gzip) throws IOException {
        byte[] data = new byte[2 * 3 * 4];
        for (int k = 0; k < data.length; k++) {
            data[k] = (byte) (k * 11);                       // 0, 11, ..., 253: above 127 too
        }
        Path file = dir.resolve(gzip ? "images.idx" : "images.gz");   // the name does not decide
        Idx.write(file, IdxArray.ofUnsignedBytes(data, 2, 3, 4), gzip);

        byte[] bytes = Files.readAllBytes(file);
        assertEquals(gzip, (bytes[0] & 0xFF) == 0x1f && (bytes[1] & 0xFF) == 0x8b);
        IdxArray read = Idx.read(file);
        assertEquals(IdxType.UNSIGNED_BYTE, read.type());
        assertArrayEquals(new int[] {2, 3, 4}, read.dims());
        assertEquals(2, read.itemCount());
        assertEquals(12, read.itemSize());
        assertEquals(253f, read.item(1)[11]);
        assertEquals(143f / 255f, read.item(1, 1.0 / 255)[1]);
        assertArrayEquals(read.item(1, 2.0), read.items(2.0)[1]);
    }

    @Test
    void theHeaderIsTheDocumentedBytes() throws IOException {
        Path file = dir.resolve("labels");
        Idx.write(file, IdxArray.ofUnsignedBytes(new byte[] {7, 9, 1}, 3), false);
        assertArrayEquals(new byte[] {0, 0, 0x08, 1, 0, 0, 0, 3, 7, 9, 1}, Files.readAllBytes(file));
        assertArrayEquals(new int[] {7, 9, 1}, Idx.read(file).toIntArray());
    }

    @Test
    void everyElementTypeDecodesBigEndian() throws IOException {
        ByteBuffer shorts = ByteBuffer.allocate(4).putShort((short) -300).putShort((short) 1234);
        assertArrayEquals(new float[] {-300, 1234}, roundTrip(IdxType.SHORT, shorts, 1, 2).item(0));
        ByteBuffer ints = ByteBuffer.allocate(8).putInt(-70000).putInt(5);
        assertArrayEquals(new int[] {-70000, 5}, roundTrip(IdxType.INT, ints, 2).toIntArray());
        ByteBuffer floats = ByteBuffer.allocate(8).putFloat(1.5f).putFloat(-0.25f);
        assertArrayEquals(new float[] {1.5f, -0.25f}, roundTrip(IdxType.FLOAT, floats, 1, 2).item(0));
        ByteBuffer doubles = ByteBuffer.allocate(16).putDouble(0.125).putDouble(-8);
        assertArrayEquals(new float[] {0.125f, -8f}, roundTrip(IdxType.DOUBLE, doubles, 1, 2).item(0));
        assertArrayEquals(new float[] {-1, 127}, roundTrip(IdxType.SIGNED_BYTE, ByteBuffer.wrap(new byte[] {-1, 127}), 1, 2).item(0));
        assertThrows(IllegalStateException.class, () -> roundTrip(IdxType.FLOAT, floats, 2).toIntArray());
    }

    private IdxArray roundTrip(IdxType type, ByteBuffer data, int... dims) throws IOException {
        Path file = dir.resolve(type + ".idx.gz");
        Idx.write(file, new IdxArray(type, dims, data.array()), true);
        return Idx.read(file);
    }

    @Test
    void aTruncatedFileSaysHowManyBytesItHas() throws IOException {
        Path plain = file("plain", header(0x08, 10, 10), new byte[60]);
        assertProblem(plain, "truncated: header says 100 bytes of data, file has 60");
        Path zipped = gzip("zipped", header(0x08, 10, 10), new byte[60]);
        assertProblem(zipped, "truncated: header says 100 bytes of data, file has 60");
    }

    @Test
    void trailingBytesAreAnError() throws IOException {
        assertProblem(file("plain", header(0x08, 4), new byte[5]), "has bytes after the 4 bytes of data that its dims [4]");
        assertProblem(gzip("zipped", header(0x08, 4), new byte[5]), "has bytes after the 4 bytes of data that its dims [4]");
    }

    @Test
    void dimsThatLieAboutTheDataAreCaught() throws IOException {
        // 3 x 4 ubyte data under a header claiming 4 x 4 and one claiming 2 x 4
        assertProblem(file("more", header(0x08, 4, 4), new byte[12]), "truncated: header says 16 bytes of data, file has 12");
        assertProblem(file("less", header(0x08, 2, 4), new byte[12]), "has bytes after the 8 bytes of data");
        assertProblem(file("zero", header(0x08, 3, 0), new byte[0]), "dim 1 of [3, 0] is 0; every dim must be at least 1");
        assertProblem(file("negative", header(0x08, -3), new byte[0]), "dim 0 of [-3] is -3");
        assertProblem(file("none", new byte[] {0, 0, 0x08, 0}), "the header gives 0 dims");
        assertProblem(file("cut", new byte[] {0, 0, 0x08, 2, 0, 0, 0, 1}), "the header promises 2 dims but the file ends after 1");
    }

    @Test
    void unknownTypesAndNonIdxFilesAreNamed() throws IOException {
        assertProblem(file("type", header(0x0A, 1), new byte[1]), "unknown IDX element type 0x0A; the known ones are 0x08 (UNSIGNED_BYTE)");
        assertProblem(file("magic", new byte[] {'P', 'K', 3, 4, 0, 0}), "is not an IDX file: it starts with 0x50 0x4B");
        assertProblem(file("short", new byte[] {0, 0}), "truncated: has 2 bytes");
        assertProblem(dir.resolve("absent"), "does not exist");
    }

    @Test
    void aGzipBombIsRejectedAfterReadingOneByteMoreThanTheHeaderPromises() throws IOException {
        // 10 bytes promised, then 256 MiB of zeros that deflate to about 256 KB
        Path bomb = dir.resolve("bomb.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb), 1 << 16)) {
            out.write(header(0x08, 10));
            byte[] zeros = new byte[1 << 20];
            for (int k = 0; k < 256; k++) {
                out.write(zeros);
            }
        }
        assertTrue(Files.size(bomb) < 1 << 20, "the bomb is small: " + Files.size(bomb));
        assertProblem(bomb, "has bytes after the 10 bytes of data");
    }

    @Test
    void aHeaderClaimingTwoToTheFortyBytesFailsBeforeAllocating() throws IOException {
        // 2^20 x 2^20 unsigned bytes = 2^40 bytes; as doubles, 2^43
        assertProblem(file("huge", header(0x08, 1 << 20, 1 << 20)), "dims [1048576, 1048576] of UNSIGNED_BYTE describe more than 2147483639 bytes");
        assertProblem(gzip("huge.gz", header(0x0E, 1 << 20, 1 << 20)), "of DOUBLE describe more than 2147483639 bytes (2 GiB)");
        // int overflow: 65536^3 wraps to 0 in 64-bit arithmetic times 2^16 more
        assertProblem(file("wrap", header(0x0C, 65536, 65536, 65536, 65536)), "describe more than");
    }

    @Test
    void aSmallGzipCannotClaimMoreThanDeflateCanExpandTo() throws IOException {
        // 1 GiB promised by a gzip file of a few dozen bytes: refused without allocating 1 GiB
        Path file = gzip("liar.gz", header(0x08, 1 << 30));
        long size = Files.size(file);
        assertProblem(file, "truncated: header says 1073741824 bytes of data, file has at most "
                + (size * 1032 - 8) + " once decompressed");
    }

    @Test
    void corruptGzipIsNamed() throws IOException {
        byte[] noise = new byte[1000];
        new Random(1).nextBytes(noise);
        byte[] zipped = gzipBytes(header(0x08, 1000), noise);
        Path cut = file("cut.gz", Arrays.copyOf(zipped, zipped.length / 2));
        assertProblem(cut, "cannot be read (Unexpected end of ZLIB input stream)");
    }

    private static void assertProblem(Path file, String expected) {
        ImageDataException e = assertThrows(ImageDataException.class, () -> Idx.read(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(file, e.file());
    }

    private static byte[] header(int type, int... dims) {
        ByteBuffer header = ByteBuffer.allocate(4 + 4 * dims.length);
        header.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
        for (int dim : dims) {
            header.putInt(dim);
        }
        return header.array();
    }

    private Path file(String name, byte[]... parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            bytes.write(part);
        }
        return Files.write(dir.resolve(name), bytes.toByteArray());
    }

    private Path gzip(String name, byte[]... parts) throws IOException {
        return Files.write(dir.resolve(name), gzipBytes(parts));
    }

    private static byte[] gzipBytes(byte[]... parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            for (byte[] part : parts) {
                out.write(part);
            }
        }
        return bytes.toByteArray();
    }
}
