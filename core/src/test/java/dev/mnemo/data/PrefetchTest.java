package dev.mnemo.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.tensor.Scope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Reading ahead on a background thread changes nothing but the thread. */
class PrefetchTest {
    /** A lazy dataset of sequences that records which threads read it and fails at {@code failAt}. */
    private static final class Lazy implements Dataset {
        final Set<String> readers = ConcurrentHashMap.newKeySet();
        final int failAt;

        Lazy(int failAt) {
            this.failAt = failAt;
        }

        @Override
        public int size() {
            return 37;
        }

        @Override
        public Sample get(int index) {
            readers.add(Thread.currentThread().getName());
            if (index == failAt) {
                throw new IllegalArgumentException("cannot decode sample " + index);
            }
            int[] ids = new int[1 + index % 5];
            Arrays.fill(ids, index + 1);
            return Sample.of(Field.ids(ids), Field.label(index % 3));
        }
    }

    private static List<String> dump(DataLoader loader, int epoch) {
        List<String> out = new ArrayList<>();
        loader.forEachBatch(epoch, b -> out.add(Arrays.toString(b.features().shape())
                + Arrays.toString(b.features().toArray()) + Arrays.toString(b.lengths())
                + Arrays.toString(b.targets().toArray()) + Arrays.toString(b.indices())));
        return out;
    }

    private static boolean readerAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals(Prefetcher.THREAD_NAME) && t.isAlive());
    }

    @Test
    void prefetchedBatchesEqualDirectOnesAndAreReadOnTheBackgroundThread() {
        Lazy direct = new Lazy(-1);
        Lazy ahead = new Lazy(-1);
        for (int epoch = 0; epoch < 2; epoch++) {
            List<String> expected = dump(DataLoader.builder(direct).batchSize(4).shuffle(5).build(), epoch);
            List<String> actual = dump(DataLoader.builder(ahead).batchSize(4).shuffle(5).prefetch(3).build(), epoch);
            assertEquals(10, actual.size());
            assertEquals(expected, actual, "epoch " + epoch);
        }
        assertFalse(direct.readers.contains(Prefetcher.THREAD_NAME));
        assertTrue(ahead.readers.contains(Prefetcher.THREAD_NAME), "read on " + ahead.readers);
        assertFalse(readerAlive(), "every epoch stopped its reader");
    }

    @Test
    void aStreamIsPrefetchedInOrderAndClosedAfterTheReaderStops() {
        AtomicInteger closed = new AtomicInteger();
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            samples.add(Sample.of(Field.vector(i, -i), Field.label(i)));
        }
        StreamingDataset stream = () -> samples.stream().onClose(closed::incrementAndGet);
        List<String> expected = dump(DataLoader.builder(stream).batchSize(8).shuffle(2).shuffleBuffer(16).build(), 1);
        List<String> actual = dump(DataLoader.builder(stream).batchSize(8).shuffle(2).shuffleBuffer(16).prefetch(2)
                .build(), 1);
        assertEquals(expected, actual);
        assertEquals(2, closed.get());
        AtomicInteger read = new AtomicInteger();
        AtomicInteger readAfterClose = new AtomicInteger();
        StreamingDataset slow = () -> samples.stream().peek(sample -> {
            pause();
            read.incrementAndGet();
            if (closed.get() == 3) {
                readAfterClose.incrementAndGet();
            }
        }).onClose(closed::incrementAndGet);
        try (Scope scope = Scope.open(); Epoch epoch = DataLoader.builder(slow).batchSize(8).prefetch(1).build()
                .epoch(0)) {
            epoch.next(scope); // abandon the epoch after one batch, with the reader busy or blocked on a full queue
        }
        assertEquals(3, closed.get());
        assertFalse(readerAlive());
        assertEquals(0, readAfterClose.get(), "the stream is closed only after its reader stopped");
        assertTrue(read.get() <= 3 * 8, "reading stops at close: 8 used, <= 8 queued, <= 8 in progress; read "
                + read.get() + " of 50");
    }

    /**
     * A millisecond of "decoding" that an interrupt does not cut short (like CPU-bound decoding),
     * so that the reader is usually mid-sample when the epoch closes.
     */
    private static void pause() {
        long end = System.nanoTime() + 1_000_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    @Test
    void aReadErrorSurfacesAtItsBatchOnTheCallerThread() {
        DataLoader loader = DataLoader.builder(new Lazy(9)).batchSize(4).prefetch(2).build();
        List<Integer> delivered = new ArrayList<>();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loader.forEachBatch(0, b -> delivered.add(b.size())));
        assertEquals("cannot decode sample 9", e.getMessage());
        assertEquals(List.of(4, 4), delivered, "batches 0 and 1 came through; batch 2 holds sample 9");
        assertFalse(readerAlive());
        assertThrows(IllegalArgumentException.class, () -> DataLoader.builder(new Lazy(-1)).prefetch(-1));
    }
}
