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
import java.util.StringJoiner;

/**
 * The flat-memory check: a small model (peephole LSTM with 32 units over 20 steps of 8 features,
 * batch 16, Dense(1), mean squared error, Adam) trained for many steps through {@link Model#fit},
 * with the process's resident set size ({@code VmRSS} in {@code /proc/self/status}) sampled after
 * every tenth of the steps, and the peak ({@code VmHWM}). Reported: the growth from the first
 * sample (step {@code steps / 10}) to the end, and from the middle to the end; memory is flat when
 * the second half grows less than 5 % (every step's activations and batches are freed when the
 * step's scope closes; what still grows early on is the JVM warming up: compiled code and the JIT
 * compiler's own memory, and Java heap pages touched for the first time).
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
            loss = model.fit(loader).epochs(steps / BATCHES_PER_EPOCH).callbacks(sampler).run().last("loss");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] kb = sampler.kb;
        double growth = (kb[9] - kb[0]) / (double) kb[0];
        double lateGrowth = (kb[9] - kb[4]) / (double) kb[4];
        StringJoiner mb = new StringJoiner(", ", "[", "]");
        for (long k : kb) {
            mb.add(String.format(Locale.ROOT, "%.1f", k / 1024.0));
        }
        return String.format(Locale.ROOT, "{\"steps\": %d, \"seconds\": %.2f, \"final_loss\": %.4f, \"sampled_every\": %d,"
                        + " \"rss_mb\": %s, \"growth\": %.4f, \"late_growth\": %.4f, \"peak_rss_mb\": %.1f, \"flat\": %b}",
                steps, seconds, loss, steps / 10, mb, growth, lateGrowth, status("VmHWM") / 1024.0,
                Math.abs(lateGrowth) < 0.05);
    }

    /** Records VmRSS after every {@code every} global steps, ten times. */
    private static final class Sampler implements Callback {
        private final int every;
        private final long[] kb = new long[10];
        private int steps;

        Sampler(int every) {
            this.every = every;
        }

        @Override
        public void onBatchEnd(TrainingContext context, int epoch, int batch, Map<String, Double> logs) {
            if (++steps % every == 0) {
                kb[steps / every - 1] = status("VmRSS");
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
