package dev.mnemo.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Keras-style last-fraction split, PyTorch-style seeded random split, shuffled views. */
class SplitTest {
    /** The label (= original index) of every sample of {@code data}, in order. */
    private static int[] labels(Dataset data) {
        return IntStream.range(0, data.size()).map(i -> ((Field.Label) data.get(i).target()).index()).toArray();
    }

    @Test
    void splitLastTakesTheLastFractionInOrderLikeKeras() {
        Split split = ShuffleTest.numbered(10).splitLast(0.25);
        // Keras: split_at = floor(10 * 0.75) = 7.
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6}, labels(split.train()));
        assertArrayEquals(new int[] {7, 8, 9}, labels(split.validation()));
    }

    @Test
    void seededRandomSplitIsDisjointCompleteAndReproducible() {
        Dataset data = ShuffleTest.numbered(100);
        Split split = data.split(0.2, 11);
        assertEquals(80, split.train().size());
        assertEquals(20, split.validation().size());
        int[] all = IntStream.concat(Arrays.stream(labels(split.train())), Arrays.stream(labels(split.validation())))
                .sorted().toArray();
        assertArrayEquals(IntStream.range(0, 100).toArray(), all, "every sample in exactly one part");
        assertArrayEquals(labels(split.validation()), labels(data.split(0.2, 11).validation()), "same seed");
        assertFalse(Arrays.equals(labels(split.validation()), labels(data.split(0.2, 12).validation())), "other seed");
        assertFalse(Arrays.equals(IntStream.range(80, 100).toArray(), labels(split.validation())), "not the tail");
    }

    @Test
    void shuffledIsASeededPermutationView() {
        Dataset data = ShuffleTest.numbered(30);
        int[] order = labels(data.shuffled(5));
        assertArrayEquals(order, labels(data.shuffled(5)));
        assertArrayEquals(IntStream.range(0, 30).toArray(), Arrays.stream(order).sorted().toArray());
        assertFalse(Arrays.equals(IntStream.range(0, 30).toArray(), order));
        assertArrayEquals(new int[] {4, 4, 0}, labels(data.subset(4, 4, 0)));
    }

    @Test
    void impossibleSplitsAreRejectedWithTheCounts() {
        Dataset data = ShuffleTest.numbered(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> data.splitLast(0.9));
        assertTrue(e.getMessage().contains("3 samples") && e.getMessage().contains("leaves 0 for training"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> data.split(0.0, 1));
        assertThrows(IllegalArgumentException.class, () -> data.split(1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> data.split(Double.NaN, 1));
        e = assertThrows(IllegalArgumentException.class, () -> data.subset(0, 3));
        assertTrue(e.getMessage().contains("index 3") && e.getMessage().contains("3 samples"), e.getMessage());
    }
}
