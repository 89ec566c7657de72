package dev.mnemo.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.data.DataLoader;
import dev.mnemo.data.Dataset;
import dev.mnemo.data.Fields;
import dev.mnemo.kernel.reference.ReferenceBackend;
import dev.mnemo.nn.Dense;
import dev.mnemo.nn.LSTM;
import dev.mnemo.nn.Sequential;
import dev.mnemo.optim.Optimizer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reproducibility, the NaN guard, and the checks compile/fit make. */
class TrainingBehaviourTest {

    private static Model lstmRegressor(long seed) {
        Model m = Model.of(Sequential.of(LSTM.builder().units(4).dropout(0.3f).layers(2).recurrentDropout(0.2f).build(),
                Dense.of(1)), seed);
        m.useKernels(new ReferenceBackend()).build(-1, 2);
        m.compile(Optimizer.adam(0.01).build(), Losses.meanSquaredError());
        return m;
    }

    private static DataLoader data(float poison) {
        float[][][] x = new float[12][][];
        float[][] y = new float[12][1];
        for (int n = 0; n < 12; n++) {
            x[n] = new float[3 + n % 4][2];
            for (int t = 0; t < x[n].length; t++) {
                x[n][t][0] = (n * 7 + t * 3) % 5 / 5f;
                x[n][t][1] = t == 0 ? poison : 0f;
            }
            y[n][0] = x[n][0][0];
        }
        return DataLoader.builder(Dataset.of(Fields.frames(x), Fields.vectors(y))).batchSize(4).shuffle(5).build();
    }

    @Test
    void sameSeedSameDataSameNumbers() {
        Map<String, float[]> first, second;
        try (Model a = lstmRegressor(1)) {
            a.fit(data(0f)).epochs(3).run();
            first = a.weights();
        }
        try (Model b = lstmRegressor(1)) {
            b.fit(data(0f)).epochs(3).run();
            second = b.weights();
        }
        assertEquals(first.keySet(), second.keySet());
        first.forEach((name, w) -> assertArrayEquals(w, second.get(name), "parameter " + name + " differs between runs"));
    }

    @Test
    void nanLossStopsTrainingNamingTheStepAndKeepsTheLastGoodWeights() {
        try (Model m = lstmRegressor(2)) {
            Map<String, float[]> before = m.weights();
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> m.fit(data(Float.NaN)).epochs(2).run());
            assertTrue(e.getMessage().contains("loss became NaN at epoch 1, batch 1 (step 1)"), e.getMessage());
            before.forEach((name, w) -> assertArrayEquals(w, m.weights().get(name), name + " changed by a diverged step"));
        }
    }

    @Test
    void kerasStyleFitWithValidationSplit() {
        float[][] x = new float[40][3];
        int[] y = new int[40];
        for (int n = 0; n < 40; n++) {
            x[n][n % 3] = 1f;
            y[n] = n % 3 == 0 ? 1 : 0;
        }
        try (Model m = Model.of(Sequential.of(Dense.of(2)), 3)) {
            m.useKernels(new ReferenceBackend()).build(3);
            m.compile(Optimizer.adam(0.1).build(), Losses.sparseCategoricalCrossEntropy(), Metrics.accuracy());
            History h = m.fit(Dataset.of(x, y)).epochs(30).batchSize(8).validationSplit(0.25).shuffle(1).run();
            assertEquals(30, h.epochs().size());
            assertTrue(h.keys().containsAll(java.util.List.of("loss", "accuracy", "val_loss", "val_accuracy", "lr")), h.keys().toString());
            assertEquals(1.0, h.last("val_accuracy"), "a linearly separable task is learned");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> m.fit(Dataset.of(x, y)).validationSplit(0.2).validationData(Dataset.of(x, y)).run());
            assertTrue(e.getMessage().contains("not several"), e.getMessage());
        }
    }

    @Test
    void misuseIsReportedClearly() {
        try (Model m = Model.of(Sequential.of(Dense.of(2)), 0)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.fit(data(0f)).epochs(1).run());
            assertTrue(e.getMessage().contains("not built"), e.getMessage());
            m.build(3);
            e = assertThrows(IllegalStateException.class, () -> m.fit(data(0f)).epochs(1).run());
            assertTrue(e.getMessage().contains("not compiled"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LSTM.builder().build());
        assertTrue(e.getMessage().contains("units is required"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Sequential.of(Dense.of(1), new Dense("x", 1, null, true),
                new Dense("x", 2, null, true)));
        assertTrue(e.getMessage().contains("'x'"), e.getMessage());
    }
}
