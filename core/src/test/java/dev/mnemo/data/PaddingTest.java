package dev.mnemo.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.tensor.Scope;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact tensors, lengths and masks for each field kind. */
class PaddingTest {
    private static Batch firstBatch(Dataset data, int batchSize, Scope scope) {
        try (Epoch epoch = DataLoader.builder(data).batchSize(batchSize).build().epoch(0)) {
            return epoch.next(scope);
        }
    }

    @Test
    void idSequencesAreRightPaddedWithZeroToTheLongestInTheBatch() {
        Dataset data = Dataset.ofSequences(new int[][] {{5, 6}, {7, 8, 9, 10}, {11}, {3, 4, 5}}, new int[] {1, 0, 2, 1});
        try (Scope scope = Scope.open()) {
            Batch first = firstBatch(data, 3, scope);
            assertArrayEquals(new int[] {3, 4}, first.features().shape(), "T = 4, the longest of the first three");
            assertArrayEquals(new float[] {
                5, 6, 0, 0,
                7, 8, 9, 10,
                11, 0, 0, 0}, first.features().toArray());
            assertArrayEquals(new int[] {2, 4, 1}, first.lengths());
            assertArrayEquals(new int[] {3}, first.targets().shape());
            assertArrayEquals(new float[] {1, 0, 2}, first.targets().toArray());
            assertNull(first.targetLengths());
            assertArrayEquals(new long[] {0, 1, 2}, first.indices());
            assertArrayEquals(new float[] {
                1, 1, 0, 0,
                1, 1, 1, 1,
                1, 0, 0, 0}, first.mask(scope).toArray());
            assertThrows(IllegalStateException.class, () -> first.targetMask(scope));
        }
    }

    @Test
    void eachBatchIsPaddedOnlyToItsOwnLongestSequence() {
        Dataset data = Dataset.ofSequences(new int[][] {{1, 2, 3, 4, 5}, {1}, {2, 3}, {4}}, new int[] {0, 0, 0, 0});
        DataLoader loader = DataLoader.builder(data).batchSize(2).build();
        try (Scope scope = Scope.open(); Epoch epoch = loader.epoch(0)) {
            assertArrayEquals(new int[] {2, 5}, epoch.next(scope).features().shape());
            Batch second = epoch.next(scope);
            assertArrayEquals(new int[] {2, 2}, second.features().shape());
            assertArrayEquals(new float[] {2, 3, 4, 0}, second.features().toArray());
            assertArrayEquals(new int[] {2, 1}, second.lengths());
            assertFalse(epoch.hasNext());
        }
    }

    @Test
    void framesArePaddedToBatchTimeFeatureWithZeroFrames() {
        float[][][] frames = {
            {{1, 2}, {3, 4}, {5, 6}},
            {{7, 8}},
        };
        Dataset data = Dataset.ofFrames(frames, new int[] {4, 9});
        try (Scope scope = Scope.open()) {
            Batch batch = firstBatch(data, 2, scope);
            assertArrayEquals(new int[] {2, 3, 2}, batch.features().shape());
            assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0}, batch.features().toArray());
            assertArrayEquals(new int[] {3, 1}, batch.lengths());
            assertArrayEquals(new float[] {4, 9}, batch.targets().toArray());
        }
    }

    @Test
    void imagesStackToBatchChannelHeightWidthWithoutLengths() {
        float[][] pixels = {{1, 2, 3, 4, 5, 6, 7, 8}, {9, 10, 11, 12, 13, 14, 15, 16}};
        Dataset data = Dataset.ofImages(pixels, new int[] {3, 1}, 2, 2, 2);
        try (Scope scope = Scope.open()) {
            Batch batch = firstBatch(data, 2, scope);
            assertArrayEquals(new int[] {2, 2, 2, 2}, batch.features().shape());
            assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16},
                    batch.features().toArray());
            assertNull(batch.lengths());
            assertFalse(batch.isSequence());
            assertThrows(IllegalStateException.class, () -> batch.mask(scope));
            assertArrayEquals(new float[] {3, 1}, batch.targets().toArray());
        }
    }

    @Test
    void vectorTargetsStackToBatchByK() {
        Dataset data = Dataset.of(new float[][] {{1, 2, 3}, {4, 5, 6}}, new float[][] {{0, 1}, {0.5f, -2}});
        try (Scope scope = Scope.open()) {
            Batch batch = firstBatch(data, 2, scope);
            assertArrayEquals(new int[] {2, 3}, batch.features().shape());
            assertArrayEquals(new int[] {2, 2}, batch.targets().shape());
            assertArrayEquals(new float[] {0, 1, 0.5f, -2}, batch.targets().toArray());
        }
    }

    @Test
    void perStepTargetsArePaddedWithTheirOwnLengthsAndMask() {
        // seq2seq: source and target lengths differ; target class 0 is a real class, marked by lengths.
        Dataset data = Dataset.ofSequences(new int[][] {{4, 5, 6}, {7}}, new int[][] {{0, 2}, {1, 0, 3, 2}});
        try (Scope scope = Scope.open()) {
            Batch batch = firstBatch(data, 2, scope);
            assertArrayEquals(new int[] {2, 3}, batch.features().shape());
            assertArrayEquals(new int[] {3, 1}, batch.lengths());
            assertArrayEquals(new int[] {2, 4}, batch.targets().shape());
            assertArrayEquals(new float[] {0, 2, 0, 0, 1, 0, 3, 2}, batch.targets().toArray());
            assertArrayEquals(new int[] {2, 4}, batch.targetLengths());
            assertArrayEquals(new float[] {1, 1, 0, 0, 1, 1, 1, 1}, batch.targetMask(scope).toArray());
        }
    }

    @Test
    void perStepFrameTargetsPadToBatchTimeWidth() {
        List<Field> features = List.of(Field.frames(new float[][] {{1}, {2}}), Field.frames(new float[][] {{3}}));
        List<Field> targets = List.of(Field.frames(new float[][] {{1, -1}}), Field.frames(new float[][] {{2, -2}, {3, -3}}));
        try (Scope scope = Scope.open()) {
            Batch batch = firstBatch(Dataset.of(features, targets), 2, scope);
            assertArrayEquals(new int[] {2, 2, 1}, batch.features().shape());
            assertArrayEquals(new int[] {2, 2, 2}, batch.targets().shape());
            assertArrayEquals(new float[] {1, -1, 0, 0, 2, -2, 3, -3}, batch.targets().toArray());
            assertArrayEquals(new int[] {1, 2}, batch.targetLengths());
        }
    }

    @Test
    void unlabeledSamplesGiveBatchesWithoutTargets() {
        Dataset data = Dataset.unlabeled(Fields.ids(new int[][] {{1, 2}, {3}}));
        try (Scope scope = Scope.open()) {
            Batch batch = firstBatch(data, 8, scope);
            assertEquals(2, batch.size());
            assertFalse(batch.isLabeled());
            assertNull(batch.targets());
            assertArrayEquals(new float[] {1, 2, 3, 0}, batch.features().toArray());
        }
    }

    @Test
    void lengthsArrayIsACopy() {
        Dataset data = Dataset.ofSequences(new int[][] {{1, 2}, {3}}, new int[] {0, 1});
        try (Scope scope = Scope.open()) {
            Batch batch = firstBatch(data, 2, scope);
            batch.lengths()[0] = 99;
            assertEquals(2, batch.lengths()[0]);
            assertTrue(batch.isSequence());
        }
    }
}
