package dev.mnemo.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Batches live in the scope the caller passes; closing it frees them. */
class MemoryTest {
    private static final Dataset DATA = Dataset.ofSequences(
            new int[][] {{1, 2, 3}, {4}, {5, 6}, {7, 8, 9, 10}, {11}}, new int[] {0, 1, 0, 1, 0});

    @Test
    void closingTheStepScopeFreesTheBatch() {
        Batch batch;
        try (Epoch epoch = DataLoader.builder(DATA).batchSize(2).build().epoch(0)) {
            try (Scope step = Scope.open()) {
                batch = epoch.next(step);
                long before = step.allocatedBytes();
                assertTrue(before >= (2 * 3 + 2) * Float.BYTES, "features and targets were allocated here: " + before);
                assertEquals(1f, batch.features().get(0));
            }
        }
        Batch freed = batch;
        assertThrows(IllegalStateException.class, () -> freed.features().get(0));
        assertThrows(IllegalStateException.class, () -> freed.targets().get(0));
    }

    @Test
    void eachBatchGoesIntoTheScopeGivenForIt() {
        try (Scope outer = Scope.open(); Epoch epoch = DataLoader.builder(DATA).batchSize(2).build().epoch(0)) {
            Batch kept = epoch.next(outer);
            Tensor stepFeatures;
            try (Scope step = Scope.open()) {
                stepFeatures = epoch.next(step).features();
            }
            assertEquals(1f, kept.features().get(0), "a batch in a still-open scope stays readable");
            assertThrows(IllegalStateException.class, () -> stepFeatures.get(0));
        }
    }

    @Test
    void forEachBatchFreesEveryBatchAfterItsStep() {
        List<Tensor> seen = new ArrayList<>();
        DataLoader.builder(DATA).batchSize(2).build().forEachBatch(0, batch -> {
            assertEquals(batch.size(), batch.features().dim(0), "readable during the step");
            seen.add(batch.features());
        });
        assertEquals(3, seen.size());
        for (Tensor t : seen) {
            assertThrows(IllegalStateException.class, () -> t.get(0));
        }
    }
}
