package dev.mnemo.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.tensor.Scope;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad data and options fail with an IllegalArgumentException naming the sample and the shapes. */
class ValidationTest {
    private static void assertMessage(Executable bad, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should mention '" + part + "'");
        }
    }

    @Test
    void raggedFixedShapeFeaturesNameTheSampleAndBothShapes() {
        assertMessage(() -> Dataset.of(new float[][] {{1, 2}, {3, 4}, {5, 6, 7}}, new int[] {0, 1, 2}),
                "sample 2 features", "dense [3]", "dense [2]");
        float[][] pixels = {new float[12], new float[12], new float[10]};
        assertMessage(() -> Dataset.ofImages(pixels, new int[] {0, 0, 0}, 3, 2, 2), "sample 2", "10 values",
                "[3, 2, 2]");
        List<Sample> images = List.of(
                Sample.of(Field.dense(new float[4], 1, 2, 2), Field.label(0)),
                Sample.of(Field.dense(new float[4], 1, 4, 1), Field.label(1)));
        assertMessage(() -> Dataset.of(images), "sample 1 features: dense [1, 4, 1]", "dense [1, 2, 2]");
    }

    @Test
    void mismatchedCountsKindsAndTargetsAreNamed() {
        assertMessage(() -> Dataset.of(new float[][] {{1}, {2}, {3}}, new int[] {0, 1}), "3 features but 2 targets");
        assertMessage(() -> Dataset.of(List.of(Sample.of(Field.ids(1, 2), Field.label(0)),
                Sample.of(Field.ids(3), Field.vector(1, 0)))), "sample 1 target: dense [2]", "label");
        assertMessage(() -> Dataset.of(List.of(Sample.of(Field.ids(1, 2), Field.label(0)),
                Sample.unlabeled(Field.ids(3)))), "sample 1 has no target");
        assertMessage(() -> Dataset.of(List.of(Sample.unlabeled(Field.ids(3)),
                Sample.of(Field.ids(1, 2), Field.label(0)))), "sample 1 has a target");
        assertMessage(() -> Dataset.ofFrames(new float[][][] {{{1, 2}}, {{1, 2, 3}, {4, 5, 6}}}, new int[] {0, 1}),
                "sample 1 features: frames of width 3", "frames of width 2");
        assertMessage(() -> Dataset.ofFrames(new float[][][] {{{1, 2}, {3}}}, new int[] {0}), "sample 0",
                "frame 1 has width 1");
    }

    @Test
    void emptyDatasetsAndSequencesAreRejected() {
        assertMessage(() -> Dataset.of(List.of()), "empty dataset");
        assertMessage(() -> Dataset.ofSequences(new int[][] {{1}, {}}, new int[] {0, 0}), "sample 1",
                "at least one step");
        Dataset customEmpty = new Dataset() {
            @Override
            public int size() {
                return 0;
            }

            @Override
            public Sample get(int index) {
                throw new IndexOutOfBoundsException(index);
            }
        };
        assertMessage(() -> DataLoader.builder(customEmpty).build(), "empty dataset");
    }

    @Test
    void paddingIdZeroAndOutOfRangeIdsAreRejectedInFeatures() {
        assertMessage(() -> Dataset.ofSequences(new int[][] {{4, 5}, {6, 0, 7}}, new int[] {0, 1}),
                "sample 1 features", "token id 0 at step 1", "reserved for padding");
        assertMessage(() -> Field.ids(3, -1), "id -1 at step 1");
        assertMessage(() -> Field.label(1 << 24), "class index 16777216");
        Dataset tags = Dataset.ofSequences(new int[][] {{4, 5}}, new int[][] {{0, 2}});
        assertEquals(0, ((Field.Ids) tags.get(0).target()).ids()[0], "class 0 is allowed in per-step targets");
    }

    @Test
    void badLoaderOptionsAreRejected() {
        Dataset data = ShuffleTest.numbered(5);
        assertMessage(() -> DataLoader.builder(data).batchSize(0), "batch size must be >= 1, got 0");
        assertMessage(() -> DataLoader.builder(data).batchSize(6).dropLast(true).build(),
                "5 samples do not fill one batch of 6");
        assertMessage(() -> DataLoader.builder(data).shuffleBuffer(4).build(), "streaming");
        assertMessage(() -> DataLoader.builder(data).build().epoch(-1), "epoch must be >= 0");
        assertMessage(() -> DataLoader.builder((Dataset) null), "must not be null");
    }

    @Test
    void aRaggedCustomDatasetFailsAtTheBatchNamingTheSample() {
        Dataset lazy = new Dataset() {
            @Override
            public int size() {
                return 6;
            }

            @Override
            public Sample get(int index) {
                int side = index == 4 ? 3 : 2;
                return Sample.of(Field.dense(new float[side * side], 1, side, side), Field.label(index));
            }
        };
        DataLoader loader = DataLoader.builder(lazy).batchSize(2).build();
        try (Scope scope = Scope.open(); Epoch epoch = loader.epoch(0)) {
            epoch.next(scope);
            epoch.next(scope);
            assertMessage(() -> epoch.next(scope), "sample 4 features: dense [1, 3, 3]", "dense [1, 2, 2]");
        }
    }
}
