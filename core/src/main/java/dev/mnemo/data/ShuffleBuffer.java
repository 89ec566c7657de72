package dev.mnemo.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * Approximate shuffling of a stream through a buffer of {@code capacity} samples (the
 * {@code tf.data} shuffle buffer): keep the buffer full, emit a uniformly chosen element, refill its
 * slot from the stream. A sample can move at most {@code capacity - 1} places earlier; a buffer as
 * large as the stream gives a uniform shuffle.
 */
final class ShuffleBuffer implements Iterator<Indexed> {
    private final Iterator<Indexed> source;
    private final List<Indexed> buffer;
    private final int capacity;
    private final SplittableRandom random;

    ShuffleBuffer(Iterator<Indexed> source, int capacity, SplittableRandom random) {
        this.source = source;
        this.capacity = capacity;
        this.buffer = new ArrayList<>(Math.min(capacity, 1 << 16));
        this.random = random;
    }

    @Override
    public boolean hasNext() {
        fill();
        return !buffer.isEmpty();
    }

    @Override
    public Indexed next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the stream is exhausted");
        }
        int pick = random.nextInt(buffer.size());
        Indexed chosen = buffer.get(pick);
        int last = buffer.size() - 1;
        buffer.set(pick, buffer.get(last));
        buffer.remove(last);
        return chosen;
    }

    private void fill() {
        while (buffer.size() < capacity && source.hasNext()) {
            buffer.add(source.next());
        }
    }
}
