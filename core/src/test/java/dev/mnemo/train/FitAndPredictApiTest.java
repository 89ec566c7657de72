package dev.mnemo.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mnemo.data.DataLoader;
import dev.mnemo.data.Dataset;
import dev.mnemo.kernel.reference.ReferenceBackend;
import dev.mnemo.nn.Dense;
import dev.mnemo.nn.Embedding;
import dev.mnemo.nn.LSTM;
import dev.mnemo.nn.Sequential;
import dev.mnemo.optim.Optimizer;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The one fit builder takes a Dataset or a DataLoader with the same results; predict returns plain arrays. */
class FitAndPredictApiTest {
    private static final int[][] SEQUENCES = {{3, 1, 4}, {1, 5, 9, 2}, {6, 5}, {3, 5, 8, 9, 7}, {9}, {2, 6, 5}};
    private static final int[] CLASSES = {0, 1, 2, 0, 1, 2};

    private static Model model() {
        Model model = Model.of(Sequential.of(Embedding.masked(10, 4), LSTM.builder().units(5).build(), Dense.of(3)), 3);
        model.useKernels(new ReferenceBackend()).build(-1);
        model.compile(Optimizer.adam(0.05).build(), Losses.sparseCategoricalCrossEntropy(), Metrics.accuracy());
        return model;
    }

    @Test
    void datasetAndLoaderTrainTheSameWay() {
        Dataset data = Dataset.ofSequences(SEQUENCES, CLASSES);
        try (Model a = model(); Model b = model()) {
            History fromDataset = a.fit(data).epochs(3).batchSize(2).shuffle(5).validationData(data).run();
            History fromLoader = b.fit(DataLoader.builder(data).batchSize(2).shuffle(5).build())
                    .validationData(DataLoader.builder(data).batchSize(2).build()).epochs(3).run();
            assertEquals(fromDataset.get("loss"), fromLoader.get("loss"));
            assertEquals(fromDataset.get("val_accuracy"), fromLoader.get("val_accuracy"));
        }
    }

    @Test
    void loaderSettingsThatBelongToTheLoaderAreErrors() {
        try (Model m = model()) {
            Fit fit = m.fit(DataLoader.builder(Dataset.ofSequences(SEQUENCES, CLASSES)).build());
            assertThrows(IllegalStateException.class, () -> fit.batchSize(4));
            assertThrows(IllegalStateException.class, () -> fit.shuffle(1));
            assertThrows(IllegalStateException.class, () -> fit.validationSplit(0.5));
            assertThrows(IllegalArgumentException.class, () -> fit.epochs(0));
        }
    }

    @Test
    void predictOnIdArraysEqualsThePaddedTensorForm() {
        try (Model m = model(); Scope scope = Scope.open()) {
            float[][] rows = m.predict(SEQUENCES);
            Tensor ids = scope.zeros(SEQUENCES.length, 5);
            int[] lengths = new int[SEQUENCES.length];
            for (int b = 0; b < SEQUENCES.length; b++) {
                lengths[b] = SEQUENCES[b].length;
                for (int t = 0; t < lengths[b]; t++) {
                    ids.set(b * 5L + t, SEQUENCES[b][t]);
                }
            }
            float[] expected = m.predict(scope, ids, lengths).toArray();
            assertEquals(SEQUENCES.length, rows.length);
            for (int b = 0; b < rows.length; b++) {
                float[] row = new float[3];
                System.arraycopy(expected, 3 * b, row, 0, 3);
                assertArrayEquals(row, rows[b], "sample " + b);
            }
            assertThrows(IllegalArgumentException.class, () -> new Model.Input(ids, new int[] {1}), "lengths per sample");
        }
    }
}
