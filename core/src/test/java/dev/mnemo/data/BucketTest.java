package dev.mnemo.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Sort-by-length buckets: less padding, still every sample once, still seeded. */
class BucketTest {
    private static final int N = 200;

    /** Sample i: a sequence of random length 1..50, its label i. */
    private static Dataset randomLengths() {
        SplittableRandom random = new SplittableRandom(5);
        int[][] ids = new int[N][];
        int[] labels = new int[N];
        for (int i = 0; i < N; i++) {
            ids[i] = new int[1 + random.nextInt(50)];
            Arrays.fill(ids[i], 1);
            labels[i] = i;
        }
        return Dataset.ofSequences(ids, labels);
    }

    /** Padded steps (B * T minus real steps) summed over the epoch, and the samples seen. */
    private static long[] paddingAndOrder(DataLoader loader, int epoch, List<Long> seen) {
        long[] padding = {0};
        loader.forEachBatch(epoch, batch -> {
            int steps = batch.features().dim(1);
            for (int b = 0; b < batch.size(); b++) {
                padding[0] += steps - batch.lengths()[b];
                seen.add(batch.indices()[b]);
            }
        });
        return padding;
    }

    @Test
    void bucketsPadFarLessAndKeepEverySampleOnce() {
        Dataset data = randomLengths();
        DataLoader plain = DataLoader.builder(data).batchSize(10).shuffle(9).build();
        DataLoader bucketed = DataLoader.builder(data).batchSize(10).shuffle(9).bucketByLength(5).build();
        List<Long> plainSeen = new ArrayList<>();
        List<Long> bucketSeen = new ArrayList<>();
        long plainPadding = paddingAndOrder(plain, 0, plainSeen)[0];
        long bucketPadding = paddingAndOrder(bucketed, 0, bucketSeen)[0];
        assertTrue(bucketPadding * 4 < plainPadding, "bucketed " + bucketPadding + " vs plain " + plainPadding);
        long[] sorted = bucketSeen.stream().mapToLong(Long::longValue).sorted().toArray();
        assertArrayEquals(IntStream.range(0, N).asLongStream().toArray(), sorted);
        List<Long> again = new ArrayList<>();
        paddingAndOrder(DataLoader.builder(data).batchSize(10).shuffle(9).bucketByLength(5).build(), 0, again);
        assertEquals(bucketSeen, again, "same seed, same bucketed order");
        List<Long> nextEpoch = new ArrayList<>();
        paddingAndOrder(bucketed, 1, nextEpoch);
        assertTrue(!nextEpoch.equals(bucketSeen), "epochs differ");
    }

    @Test
    void withoutShuffleEachPoolIsSortedLongestFirst() {
        Dataset data = Dataset.ofSequences(new int[][] {{1}, {1, 1, 1}, {1, 1}, {1, 1, 1, 1}, {1, 1}}, new int[5]);
        DataLoader loader = DataLoader.builder(data).batchSize(2).bucketByLength(1).build();
        List<Long> seen = new ArrayList<>();
        paddingAndOrder(loader, 0, seen);
        assertEquals(List.of(1L, 0L, 3L, 2L, 4L), seen, "pools of 2: (0,1) -> 1,0; (2,3) -> 3,2; (4)");
        DataLoader pooled = DataLoader.builder(data).batchSize(2).bucketByLength(3).build();
        seen.clear();
        paddingAndOrder(pooled, 0, seen);
        assertEquals(List.of(3L, 1L, 2L, 4L, 0L), seen, "one pool of 5, stable for equal lengths");
    }

    @Test
    void bucketsNeedSequenceFeatures() {
        Dataset images = Dataset.of(new float[][] {{1, 2}, {3, 4}}, new int[] {0, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataLoader.builder(images).bucketByLength(2).build());
        assertTrue(e.getMessage().contains("dense [2]"), e.getMessage());
    }
}
