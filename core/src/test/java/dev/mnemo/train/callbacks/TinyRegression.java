package dev.mnemo.train.callbacks;

import dev.mnemo.data.DataLoader;
import dev.mnemo.data.Dataset;
import dev.mnemo.kernel.reference.ReferenceBackend;
import dev.mnemo.nn.Dense;
import dev.mnemo.nn.Sequential;
import dev.mnemo.optim.Optimizer;
import dev.mnemo.train.Callback;
import dev.mnemo.train.Losses;
import dev.mnemo.train.Model;
import dev.mnemo.train.TrainingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A linear model trained by SGD toward {@code y = 4·x0 − 2·x1} and validated against
 * {@code y = 2·x0 − x1}: the weights move from their small initial values toward (4, −2) and pass the
 * validation optimum (2, −1) on the way, so {@code val_loss} falls for some epochs, then
 * rises. That gives early stopping and best-only checkpoints a real best epoch in the middle
 * of a run, within milliseconds on the reference backend.
 */
final class TinyRegression {
    static final int SAMPLES = 32;
    static final int BATCH = 8;

    private TinyRegression() {}

    static Model model() {
        Model model = Model.of(Sequential.of(Dense.of(1)), 11);
        model.useKernels(new ReferenceBackend()).build(2);
        model.compile(Optimizer.sgd(0.03).build(), Losses.meanSquaredError());
        return model;
    }

    static DataLoader train() {
        return data(4f, 1);
    }

    static DataLoader validation() {
        return data(2f, 2);
    }

    /** Targets {@code scale · (x0 − 0.5·x1)} for uniform inputs in [−1, 1]. */
    private static DataLoader data(float scale, long seed) {
        Random random = new Random(seed);
        float[][] x = new float[SAMPLES][2];
        float[][] y = new float[SAMPLES][1];
        for (int n = 0; n < SAMPLES; n++) {
            x[n][0] = random.nextFloat() * 2 - 1;
            x[n][1] = random.nextFloat() * 2 - 1;
            y[n][0] = scale * (x[n][0] - 0.5f * x[n][1]);
        }
        return DataLoader.builder(Dataset.of(x, y)).batchSize(BATCH).shuffle(seed).build();
    }

    /** Records each epoch's weights and logs, for comparison with what other callbacks did. */
    static final class Recorder implements Callback {
        final List<Map<String, float[]>> weights = new ArrayList<>();
        final List<Map<String, Double>> logs = new ArrayList<>();

        @Override
        public void onEpochEnd(TrainingContext context, int epoch, Map<String, Double> epochLogs) {
            weights.add(context.model().weights());
            logs.add(Map.copyOf(epochLogs));
        }

        double[] values(String key) {
            return logs.stream().mapToDouble(l -> l.get(key)).toArray();
        }
    }
}
