package dev.mnemo.io;

import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes <a href="https://huggingface.co/docs/safetensors">safetensors</a> files.
 *
 * <p>Reading accepts F32, F64, F16 and BF16 tensors and converts them to float32. It checks,
 * before any data is read, that the header length fits the file, that the header is a JSON
 * object whose entries have a known dtype, a non-negative shape and {@code data_offsets}
 * inside the data area whose span equals shape × dtype size, and that no two tensors overlap.
 * Every failure is an {@link InvalidModelFileException} naming the file, the tensor and the
 * problem. Writing is atomic (temporary file, fsync, rename).
 */
public final class SafeTensors {
    /** Largest header accepted; real headers are kilobytes. Guards against absurd lengths. */
    static final long MAX_HEADER_BYTES = 100L << 20;

    private SafeTensors() {}

    /** Tensors in file order, plus the free-form string metadata ({@code __metadata__}). */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {
        /** The named tensor, or an exception listing the names present. */
        public Tensor get(String name) {
            Tensor t = tensors.get(name);
            if (t == null) {
                throw new IllegalArgumentException("no tensor '" + name + "'; present: " + tensors.keySet());
            }
            return t;
        }
    }

    private enum DType {
        F32(4), F64(8), F16(2), BF16(2);

        final int bytes;

        DType(int bytes) {
            this.bytes = bytes;
        }
    }

    private record Entry(String name, DType dtype, int[] shape, long begin, long end) {}

    /** Reads every tensor of {@code path} into {@code scope}. */
    public static Contents read(Path path, Scope scope) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ); Arena arena = Arena.ofConfined()) {
            long fileSize = channel.size();
            if (fileSize < 8) {
                throw new InvalidModelFileException(path, "is " + fileSize + " bytes, too short for a safetensors header");
            }
            MemorySegment file = channel.map(FileChannel.MapMode.READ_ONLY, 0, fileSize, arena);
            long headerLength = file.get(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 0);
            if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES || headerLength > fileSize - 8) {
                throw new InvalidModelFileException(path, "header length " + headerLength
                        + " does not fit: the file has " + (fileSize - 8) + " bytes after the length field"
                        + " (limit " + MAX_HEADER_BYTES + "); the file is truncated or not safetensors");
            }
            byte[] headerBytes = file.asSlice(8, headerLength).toArray(ValueLayout.JAVA_BYTE);
            Map<String, Object> header = parseHeader(path, new String(headerBytes, StandardCharsets.UTF_8));
            long dataStart = 8 + headerLength;
            long dataSize = fileSize - dataStart;
            Map<String, String> metadata = new LinkedHashMap<>();
            List<Entry> entries = new ArrayList<>();
            for (Map.Entry<String, Object> e : header.entrySet()) {
                if (e.getKey().equals("__metadata__")) {
                    if (!(e.getValue() instanceof Map<?, ?> m)) {
                        throw new InvalidModelFileException(path, "__metadata__ must be an object of strings");
                    }
                    m.forEach((k, v) -> metadata.put(String.valueOf(k), String.valueOf(v)));
                } else {
                    entries.add(parseEntry(path, e.getKey(), e.getValue(), dataSize));
                }
            }
            checkNoOverlap(path, entries);
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (Entry entry : entries) {
                Tensor t = scope.zeros(entry.shape());
                convert(file.asSlice(dataStart + entry.begin(), entry.end() - entry.begin()), entry.dtype(), t);
                tensors.put(entry.name(), t);
            }
            return new Contents(tensors, metadata);
        }
    }

    /**
     * Writes {@code tensors} (as F32) and {@code metadata} to {@code path} atomically: the old file,
     * if any, stays intact until the new one is complete on disk.
     */
    public static void write(Path path, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        if (metadata != null && !metadata.isEmpty()) {
            header.put("__metadata__", new LinkedHashMap<>(metadata));
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            long bytes = e.getValue().size() * Float.BYTES;
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dtype", "F32");
            entry.put("shape", e.getValue().shape());
            entry.put("data_offsets", List.of(offset, offset + bytes));
            header.put(e.getKey(), entry);
            offset += bytes;
        }
        byte[] json = Json.write(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(json);
        while (head.hasRemaining()) {
            head.put((byte) ' ');
        }
        head.flip();
        AtomicFiles.write(path, channel -> {
            while (head.hasRemaining()) {
                channel.write(head);
            }
            for (Tensor t : tensors.values()) {
                ByteBuffer data = t.segment().asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                while (data.hasRemaining()) {
                    channel.write(data);
                }
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parseHeader(Path path, String text) {
        Object parsed;
        try {
            parsed = Json.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidModelFileException(path, "header is not valid JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?>)) {
            throw new InvalidModelFileException(path, "header must be a JSON object");
        }
        return (Map<String, Object>) parsed;
    }

    private static Entry parseEntry(Path path, String name, Object value, long dataSize) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new InvalidModelFileException(path, "tensor '" + name + "': entry must be an object");
        }
        DType dtype;
        try {
            dtype = DType.valueOf(String.valueOf(m.get("dtype")));
        } catch (IllegalArgumentException e) {
            throw new InvalidModelFileException(path, "tensor '" + name + "': dtype " + m.get("dtype")
                    + " is not supported (supported: F32, F64, F16, BF16)");
        }
        if (!(m.get("shape") instanceof List<?> shapeList)) {
            throw new InvalidModelFileException(path, "tensor '" + name + "': shape must be a list of integers");
        }
        int[] shape = new int[shapeList.size()];
        long elements = 1;
        for (int i = 0; i < shape.length; i++) {
            if (!(shapeList.get(i) instanceof Long d) || d < 0 || d > Integer.MAX_VALUE) {
                throw new InvalidModelFileException(path, "tensor '" + name + "': shape " + shapeList
                        + " must hold non-negative integers");
            }
            shape[i] = (int) (long) d;
            elements = multiplyOrFail(path, name, elements, d);
        }
        if (!(m.get("data_offsets") instanceof List<?> offsets) || offsets.size() != 2
                || !(offsets.get(0) instanceof Long begin) || !(offsets.get(1) instanceof Long end)) {
            throw new InvalidModelFileException(path, "tensor '" + name + "': data_offsets must be [begin, end]");
        }
        if (begin < 0 || end < begin || end > dataSize) {
            throw new InvalidModelFileException(path, "tensor '" + name + "': data_offsets [" + begin + ", " + end
                    + "] lie outside the data area of " + dataSize + " bytes (file truncated?)");
        }
        long needed = multiplyOrFail(path, name, elements, dtype.bytes);
        if (end - begin != needed) {
            throw new InvalidModelFileException(path, "tensor '" + name + "': shape " + shapeList + " of " + dtype
                    + " needs " + needed + " bytes but data_offsets span " + (end - begin));
        }
        return new Entry(name, dtype, shape, begin, end);
    }

    private static long multiplyOrFail(Path path, String name, long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw new InvalidModelFileException(path, "tensor '" + name + "': size overflows");
        }
    }

    private static void checkNoOverlap(Path path, List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        for (int i = 1; i < sorted.size(); i++) {
            Entry prev = sorted.get(i - 1), cur = sorted.get(i);
            if (cur.begin() < prev.end()) {
                throw new InvalidModelFileException(path, "tensors '" + prev.name() + "' [" + prev.begin() + ", "
                        + prev.end() + ") and '" + cur.name() + "' [" + cur.begin() + ", " + cur.end() + ") overlap");
            }
        }
    }

    private static void convert(MemorySegment src, DType dtype, Tensor dst) {
        ByteOrder le = ByteOrder.LITTLE_ENDIAN;
        for (long i = 0; i < dst.size(); i++) {
            float v = switch (dtype) {
                case F32 -> src.getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(le), i);
                case F64 -> (float) src.getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(le), i);
                case F16 -> Float.float16ToFloat(src.getAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(le), i));
                case BF16 -> Float.intBitsToFloat(
                        src.getAtIndex(ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(le), i) << 16);
            };
            dst.set(i, v);
        }
    }
}
