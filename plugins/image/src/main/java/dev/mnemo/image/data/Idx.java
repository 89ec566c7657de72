package dev.mnemo.image.data;

import dev.mnemo.io.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Reads and writes IDX files (the MNIST format), plain or gzipped.
 *
 * <pre>
 * offset  bytes  content
 * 0       2      0x00 0x00
 * 2       1      element type: 0x08 ubyte, 0x09 byte, 0x0B short, 0x0C int, 0x0D float, 0x0E double
 * 3       1      number of dims D (at least 1)
 * 4       4 * D  the dims, big-endian int32, each at least 1
 * 4 + 4D  ...    the elements, row-major, big-endian, exactly as many as the dims describe
 * </pre>
 *
 * <p>A file is gzipped when it starts with the gzip magic {@code 0x1f 0x8b}, whatever its name.
 * Reading checks the header against the file before it allocates: at most
 * {@link #MAX_DATA_BYTES} of data, no more than a plain file holds or a gzip file of its size can
 * decompress to, and not a byte more or less than the dims describe. A gzip bomb therefore costs
 * at most the array its header promises, never more memory.
 */
public final class Idx {
    /** The largest data an IDX file may hold: the largest Java array, just under 2 GiB. */
    public static final long MAX_DATA_BYTES = Integer.MAX_VALUE - 8;
    /** Deflate cannot expand data more than this (RFC 1951 limits a block to 258 bytes per 2 bits). */
    private static final long MAX_DEFLATE_RATIO = 1032;
    private static final int BUFFER = 1 << 16;

    private Idx() {}

    /**
     * Reads the IDX file {@code file}, plain or gzipped.
     *
     * @throws ImageDataException if the file is missing or unreadable, is not IDX (no two zero
     *                            bytes, unknown type, no dims, a dim below 1), describes more than
     *                            {@link #MAX_DATA_BYTES}, is truncated, has bytes after the data,
     *                            or is corrupt gzip; the message names the file and the numbers
     */
    public static IdxArray read(Path file) throws ImageDataException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER)) {
            long fileSize = Files.size(file);
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            if (!gzip) {
                return read(file, raw, fileSize);
            }
            try (InputStream in = new GZIPInputStream(raw, BUFFER)) {
                return read(file, in, fileSize * MAX_DEFLATE_RATIO);
            }
        } catch (NoSuchFileException e) {
            throw new ImageDataException(file, "does not exist");
        } catch (ImageDataException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageDataException(file, "cannot be read (" + e.getMessage()
                    + "); the file is unreadable, or a gzip file that is corrupt or cut short", e);
        }
    }

    /**
     * Reads header and data from {@code in}, which holds at most {@code maxBytes} bytes in all
     * (exactly that many for a plain file).
     */
    private static IdxArray read(Path file, InputStream in, long maxBytes) throws IOException {
        byte[] start = in.readNBytes(4);
        if (start.length < 4) {
            throw new ImageDataException(file, "truncated: has " + start.length + " bytes, an IDX header has at least 8");
        }
        if (start[0] != 0 || start[1] != 0) {
            throw new ImageDataException(file, "is not an IDX file: it starts with 0x%02X 0x%02X, not 0x00 0x00"
                    .formatted(start[0] & 0xFF, start[1] & 0xFF));
        }
        IdxType type = IdxType.of(start[2] & 0xFF).orElseThrow(() -> new ImageDataException(file,
                "unknown IDX element type 0x%02X; the known ones are %s".formatted(start[2] & 0xFF, IdxType.known())));
        int[] dims = dims(file, in, start[3] & 0xFF);
        long headerBytes = 4 + 4L * dims.length;
        long dataBytes = IdxArray.dataBytes(type, dims, MAX_DATA_BYTES);
        if (dataBytes < 0) {
            throw new ImageDataException(file, "dims " + Arrays.toString(dims) + " of " + type + " describe more than "
                    + MAX_DATA_BYTES + " bytes (2 GiB) of data; the header is corrupt or the array is too large to load");
        }
        long available = maxBytes - headerBytes;
        if (dataBytes > available) {
            throw new ImageDataException(file, "truncated: header says " + dataBytes + " bytes of data, file has "
                    + (in instanceof GZIPInputStream ? "at most " + available + " once decompressed" : available));
        }
        byte[] data = new byte[(int) dataBytes];
        int read = in.readNBytes(data, 0, data.length);
        if (read < data.length) {
            throw new ImageDataException(file, "truncated: header says " + dataBytes + " bytes of data, file has " + read);
        }
        if (in.read() >= 0) {
            throw new ImageDataException(file, "has bytes after the " + dataBytes + " bytes of data that its dims "
                    + Arrays.toString(dims) + " describe; the dims are wrong or the file holds more than one array");
        }
        return new IdxArray(type, dims, data);
    }

    private static int[] dims(Path file, InputStream in, int count) throws IOException {
        if (count == 0) {
            throw new ImageDataException(file, "the header gives 0 dims; an IDX array has at least 1");
        }
        byte[] bytes = in.readNBytes(4 * count);
        if (bytes.length < 4 * count) {
            throw new ImageDataException(file, "truncated: the header promises " + count + " dims but the file ends after "
                    + bytes.length / 4);
        }
        int[] dims = new int[count];
        ByteBuffer.wrap(bytes).asIntBuffer().get(dims);
        for (int d = 0; d < count; d++) {
            if (dims[d] < 1) {
                throw new ImageDataException(file, "dim " + d + " of " + Arrays.toString(dims)
                        + " is " + dims[d] + "; every dim must be at least 1");
            }
        }
        return dims;
    }

    /**
     * Writes {@code array} to {@code file} as IDX, gzipped when {@code gzip}, atomically (a reader
     * sees the old file or the new one, never half of one).
     *
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, IdxArray array, boolean gzip) throws IOException {
        int[] dims = array.dims();
        ByteBuffer header = ByteBuffer.allocate(4 + 4 * dims.length);
        header.put((byte) 0).put((byte) 0).put((byte) array.type().code()).put((byte) dims.length);
        header.asIntBuffer().put(dims);
        AtomicFiles.write(file, channel -> {
            OutputStream out = Channels.newOutputStream(channel);   // closing it would close the channel
            if (gzip) {
                GZIPOutputStream zipped = new GZIPOutputStream(out, BUFFER);
                zipped.write(header.array());
                zipped.write(array.data());
                zipped.finish();
            } else {
                out.write(header.array());
                out.write(array.data());
            }
        });
    }
}
