package dev.mnemo.benchmarks.endtoend;

import dev.mnemo.data.DataLoader;
import dev.mnemo.data.Dataset;
import dev.mnemo.data.Fields;
import dev.mnemo.nn.Dense;
import dev.mnemo.nn.LSTM;
import dev.mnemo.nn.Sequential;
import dev.mnemo.optim.Optimizer;
import dev.mnemo.train.Callback;
import dev.mnemo.train.Losses;
import dev.mnemo.train.Model;
import dev.mnemo.train.TrainingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The flat-memory check: a small model (peephole LSTM with 32 units over 20 steps of 8 features,
 * batch 16, Dense(1), mean squared error, Adam) trained for many steps through {@link Model#fit},
 * with the process's resident set size ({@code VmRSS} in {@code /proc/self/status}) sampled
 * after step {@code steps / 10} and after the last step, and the peak ({@code VmHWM}). Memory is
 * flat when the late sample is within 5 % of the early one: every step's activations and
 * batches are freed when the step's scope closes.
 */
final class MemoryRun {
    private static final int T = 20, FEATURES = 8, BATCH = 16, BATCHES_PER_EPOCH = 50;

    private MemoryRun() {}

    /** Trains {@code steps} steps (a multiple of 50) and returns the result as one JSON object. */
    static String run(int steps) {
        if (steps < BATCHES_PER_EPOCH || steps % BATCHES_PER_EPOCH != 0) {
            throw new IllegalArgumentException("steps must be a positive multiple of " + BATCHES_PER_EPOCH + ", got " + steps);
        }
        Random random = new Random(3);
        float[][][] x = new float[BATCH * BATCHES_PER_EPOCH][T][FEATURES];
        float[][] y = new float[x.length][1];
        for (int n = 0; n < x.length; n++) {
            for (float[] frame : x[n]) {
                for (int f = 0; f < FEATURES; f++) {
                    frame[f] = (float) random.nextGaussian();
                }
            }
            y[n][0] = x[n][T - 1][0] + x[n][0][1];
        }
        DataLoader loader = DataLoader.builder(Dataset.of(Fields.frames(x), Fields.vectors(y)))
                .batchSize(BATCH).shuffle(1).build();
        Sampler sampler = new Sampler(steps / 10);
        long start = System.nanoTime();
        double loss;
        try (Model model = Model.of(Sequential.of(LSTM.builder().units(32).build(), Dense.of(1)), 5)) {
            model.build(-1, FEATURES).compile(Optimizer.adam(1e-3).build(), Losses.meanSquaredError());
            loss = model.fit(loader, steps / BATCHES_PER_EPOCH, sampler).last("loss");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long end = status("VmRSS");
        double growth = (end - sampler.early) / (double) sampler.early;
        return String.format(Locale.ROOT, "{\"steps\": %d, \"seconds\": %.2f, \"final_loss\": %.4f, \"rss_mb_at_step_%d\": %.1f,"
                        + " \"rss_mb_at_end\": %.1f, \"growth\": %.4f, \"peak_rss_mb\": %.1f, \"flat\": %b}",
                steps, seconds, loss, steps / 10, sampler.early / 1024.0, end / 1024.0, growth,
                status("VmHWM") / 1024.0, Math.abs(growth) < 0.05);
    }

    /** Records VmRSS once, after global step {@code at}. */
    private static final class Sampler implements Callback {
        private final int at;
        private int steps;
        private long early;

        Sampler(int at) {
            this.at = at;
        }

        @Override
        public void onBatchEnd(TrainingContext context, int epoch, int batch, Map<String, Double> logs) {
            if (++steps == at) {
                early = status("VmRSS");
            }
        }
    }

    /** A {@code /proc/self/status} field in kB. */
    static long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/self/status (Linux only)", e);
        }
        throw new IllegalStateException("no " + field + " in /proc/self/status");
    }
}
