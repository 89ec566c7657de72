package dev.mnemo.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Cuts a stream of samples into batches of {@code batchSize} (the last one shorter, or dropped
 * with {@code dropLast}). A stream that yields nothing, or with {@code dropLast} not even one full
 * batch, is an error: an epoch without a batch would silently train on nothing.
 */
final class StreamChunks implements Iterator<Chunk> {
    private final Iterator<Indexed> source;
    private final int batchSize;
    private final boolean dropLast;
    private long delivered;
    private Chunk pending;

    StreamChunks(Iterator<Indexed> source, int batchSize, boolean dropLast) {
        this.source = source;
        this.batchSize = batchSize;
        this.dropLast = dropLast;
    }

    /** Numbers the samples of {@code samples} 0, 1, 2, ... */
    static Iterator<Indexed> numbered(Iterator<Sample> samples) {
        return new Iterator<>() {
            private long position;

            @Override
            public boolean hasNext() {
                return samples.hasNext();
            }

            @Override
            public Indexed next() {
                return new Indexed(position++, samples.next());
            }
        };
    }

    @Override
    public boolean hasNext() {
        if (pending == null) {
            pending = read();
        }
        return pending != null;
    }

    @Override
    public Chunk next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more batches in this epoch");
        }
        Chunk chunk = pending;
        pending = null;
        return chunk;
    }

    private Chunk read() {
        List<Sample> samples = new ArrayList<>(batchSize);
        long[] indices = new long[batchSize];
        while (samples.size() < batchSize && source.hasNext()) {
            Indexed next = source.next();
            indices[samples.size()] = next.position();
            samples.add(next.sample());
        }
        boolean first = delivered == 0;
        if (samples.isEmpty() && first) {
            throw new IllegalArgumentException("empty dataset: the streaming dataset produced no samples");
        }
        if (samples.isEmpty() || (dropLast && samples.size() < batchSize)) {
            if (first) {
                throw new IllegalArgumentException("dropLast: the stream's " + samples.size()
                        + " samples do not fill one batch of " + batchSize);
            }
            return null;
        }
        delivered += samples.size();
        return new Chunk(Arrays.copyOf(indices, samples.size()), samples);
    }
}
