package dev.mnemo.train.callbacks;

import dev.mnemo.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The epoch logs of one run, kept for the history-file callbacks, which rewrite their whole file
 * after each epoch ({@link #writeAtomically}) so that a crash leaves a complete file.
 */
final class EpochTable {
    private final List<Map<String, Double>> rows = new ArrayList<>();

    void clear() {
        rows.clear();
    }

    void add(Map<String, Double> logs) {
        rows.add(new LinkedHashMap<>(logs));
    }

    List<Map<String, Double>> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** Every key seen, in first-seen order. */
    Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        rows.forEach(r -> keys.addAll(r.keySet()));
        return keys;
    }

    /** The values of {@code key} by epoch, NaN where an epoch lacks it. */
    double[] column(String key) {
        return rows.stream().mapToDouble(r -> r.getOrDefault(key, Double.NaN)).toArray();
    }

    /** Replaces {@code file} with {@code content} (UTF-8) atomically; {@code owner} names the callback on failure. */
    static void writeAtomically(Path file, byte[] content, String owner) {
        try {
            AtomicFiles.write(file, channel -> {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(owner + " could not write " + file, e);
        }
    }

    static void writeAtomically(Path file, String content, String owner) {
        writeAtomically(file, content.getBytes(StandardCharsets.UTF_8), owner);
    }
}
