package dev.mnemo.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.tensor.Scope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streaming datasets: same batches as in memory, lazy file reading, buffered shuffling, closing. */
class StreamingTest {
    @TempDir
    Path dir;

    /** Line i: "label id id id ...", ids 1..(i % 4 + 1). */
    private static List<String> lines(int n) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder line = new StringBuilder(String.valueOf(i % 3));
            for (int t = 0; t <= i % 4; t++) {
                line.append(' ').append(i + t + 1);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static Sample parse(String line) {
        String[] cols = line.split(" ");
        int[] ids = Arrays.stream(cols, 1, cols.length).mapToInt(Integer::parseInt).toArray();
        return Sample.of(Field.ids(ids), Field.label(Integer.parseInt(cols[0])));
    }

    /** Every batch of epoch {@code e} as (features, lengths, targets, indices) arrays. */
    private static List<String> dump(DataLoader loader, int e) {
        List<String> out = new ArrayList<>();
        loader.forEachBatch(e, b -> out.add(Arrays.toString(b.features().shape())
                + Arrays.toString(b.features().toArray()) + Arrays.toString(b.lengths())
                + Arrays.toString(b.targets().toArray()) + Arrays.toString(b.indices())));
        return out;
    }

    @Test
    void aFileStreamGivesTheSameBatchesAsTheSameDataInMemory() throws IOException {
        Path file = dir.resolve("train.txt");
        Files.write(file, lines(23));
        Dataset memory = Dataset.of(lines(23).stream().map(StreamingTest::parse).toList());
        StreamingDataset stream = StreamingDataset.ofLines(file, StreamingTest::parse);
        for (boolean dropLast : new boolean[] {false, true}) {
            List<String> fromMemory = dump(DataLoader.builder(memory).batchSize(5).dropLast(dropLast).build(), 0);
            List<String> fromStream = dump(DataLoader.builder(stream).batchSize(5).dropLast(dropLast).build(), 0);
            assertEquals(dropLast ? 4 : 5, fromStream.size());
            assertEquals(fromMemory, fromStream, "dropLast=" + dropLast);
        }
        assertTrue(dump(DataLoader.builder(stream).batchSize(5).build(), 0).get(0)
                .startsWith("[5, 4][1.0, 0.0, 0.0, 0.0, 2.0, 3.0, 0.0, 0.0,"), "line 0 is '0 1', line 1 is '1 2 3'");
    }

    @Test
    void bufferShuffleIsSeededVisitsEverySampleOnceAndDiffersPerEpoch() {
        List<Sample> samples = lines(40).stream().map(StreamingTest::parse).toList();
        StreamingDataset stream = StreamingDataset.of(samples);
        DataLoader loader = DataLoader.builder(stream).batchSize(6).shuffle(3).shuffleBuffer(10).build();
        long[] epoch0 = order(loader, 0);
        assertArrayEquals(IntStream.range(0, 40).asLongStream().toArray(), Arrays.stream(epoch0).sorted().toArray());
        assertFalse(Arrays.equals(IntStream.range(0, 40).asLongStream().toArray(), epoch0), "shuffled");
        assertArrayEquals(epoch0, order(DataLoader.builder(StreamingDataset.of(samples)).batchSize(6).shuffle(3)
                .shuffleBuffer(10).build(), 0), "same seed, same order");
        assertFalse(Arrays.equals(epoch0, order(loader, 1)), "another epoch, another order");
        for (int k = 0; k < epoch0.length; k++) {
            assertTrue(epoch0[k] <= k + 9, "a buffer of 10 lets sample " + epoch0[k] + " reach position " + k
                    + " only from at most 9 places later");
        }
    }

    private static long[] order(DataLoader loader, int epoch) {
        List<Long> seen = new ArrayList<>();
        loader.forEachBatch(epoch, b -> Arrays.stream(b.indices()).forEach(seen::add));
        return seen.stream().mapToLong(Long::longValue).toArray();
    }

    @Test
    void theStreamIsClosedAtTheEndOfEveryEpochEvenWhenAbandoned() {
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        List<Sample> samples = lines(10).stream().map(StreamingTest::parse).toList();
        StreamingDataset counting = () -> {
            opened.incrementAndGet();
            return samples.stream().onClose(closed::incrementAndGet);
        };
        DataLoader loader = DataLoader.builder(counting).batchSize(4).build();
        assertTrue(loader.batchesPerEpoch().isEmpty(), "a stream's length is unknown");
        loader.forEachBatch(0, b -> {});
        assertEquals(1, closed.get());
        try (Scope scope = Scope.open(); Epoch epoch = loader.epoch(1)) {
            epoch.next(scope); // stop after one batch
        }
        assertEquals(2, opened.get());
        assertEquals(2, closed.get());
    }

    @Test
    void streamingErrorsNameTheProblem() throws IOException {
        StreamingDataset empty = () -> java.util.stream.Stream.empty();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataLoader.builder(empty).build().forEachBatch(0, b -> {}));
        assertTrue(e.getMessage().contains("empty dataset"), e.getMessage());

        StreamingDataset three = StreamingDataset.of(lines(3).stream().map(StreamingTest::parse).toList());
        e = assertThrows(IllegalArgumentException.class,
                () -> DataLoader.builder(three).batchSize(4).dropLast(true).build().forEachBatch(0, b -> {}));
        assertTrue(e.getMessage().contains("3 samples do not fill one batch of 4"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> DataLoader.builder(three).shuffle(1).build());
        assertTrue(e.getMessage().contains("shuffleBuffer"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DataLoader.builder(three).bucketByLength(2).build());
        assertTrue(e.getMessage().contains("indexed"), e.getMessage());

        Path file = dir.resolve("bad.txt");
        Files.write(file, List.of("0 1 2", "1 x", "2 3"));
        StreamingDataset bad = StreamingDataset.ofLines(file, StreamingTest::parse);
        e = assertThrows(IllegalArgumentException.class,
                () -> DataLoader.builder(bad).batchSize(2).build().forEachBatch(0, b -> {}));
        assertTrue(e.getMessage().contains("bad.txt line 2") && e.getMessage().contains("\"x\""), e.getMessage());

        Path mixed = dir.resolve("mixed.txt");
        Files.write(mixed, List.of("0 1 2", "1 3", "2 4 5 6", "7 8"));
        StreamingDataset frames = StreamingDataset.ofLines(mixed, line -> line.startsWith("7")
                ? Sample.of(Field.frames(new float[][] {{8}}), Field.label(7)) : parse(line));
        e = assertThrows(IllegalArgumentException.class,
                () -> DataLoader.builder(frames).batchSize(2).build().forEachBatch(0, b -> {}));
        assertTrue(e.getMessage().contains("sample 3 features: frames of width 1 does not match the first sample's ids"),
                e.getMessage());
    }
}
