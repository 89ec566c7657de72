package dev.mnemo.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads up to {@code depth} batches' samples ahead on a background thread (PyTorch's
 * {@code num_workers=1}), so that a lazy dataset decodes files or parses lines while the model
 * computes. Only heap samples cross threads: tensors are still allocated by the consumer in its
 * own scope. The order is exactly that of the source. An exception thrown while reading is
 * rethrown to the consumer when it reaches that batch; {@link #close()} stops the thread.
 */
final class Prefetcher implements Iterator<Chunk>, AutoCloseable {
    /** Thread name of the reader, for thread dumps. */
    static final String THREAD_NAME = "mnemo-data-prefetch";

    private static final Object END = new Object();
    private static final long POLL_MILLIS = 10;

    private final BlockingQueue<Object> queue;
    private final Thread reader;
    private volatile boolean closing;
    private Object head;

    Prefetcher(Iterator<Chunk> source, int depth) {
        this.queue = new ArrayBlockingQueue<>(depth);
        this.reader = Thread.ofPlatform().daemon().name(THREAD_NAME).unstarted(() -> read(source));
        reader.start();
    }

    private void read(Iterator<Chunk> source) {
        try {
            while (!closing && source.hasNext()) {
                offer(source.next());
            }
            offer(END);
        } catch (RuntimeException | Error e) {
            offer(e);
        }
    }

    /** Queues {@code item}, giving up once the consumer closes (even if an interrupt was swallowed). */
    private void offer(Object item) {
        try {
            while (!closing) {
                if (queue.offer(item, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean hasNext() {
        return peek() != END;
    }

    @Override
    public Chunk next() {
        if (peek() == END) {
            throw new NoSuchElementException("no more batches in this epoch");
        }
        Chunk chunk = (Chunk) head;
        head = null;
        return chunk;
    }

    private Object peek() {
        if (head == null) {
            try {
                head = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the next batch", e);
            }
        }
        if (head instanceof RuntimeException e) {
            throw e;
        }
        if (head instanceof Error e) {
            throw e;
        }
        return head;
    }

    /** Stops the reader thread and waits for it, so the source can be closed safely afterwards. */
    @Override
    public void close() {
        closing = true;
        reader.interrupt();
        boolean interrupted = false;
        while (reader.isAlive()) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
