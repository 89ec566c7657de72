package dev.mnemo.benchmarks.endtoend;

import dev.mnemo.train.Callback;
import dev.mnemo.train.TrainingContext;
import java.util.Arrays;
import java.util.Map;

/**
 * Wall time of every training step of a {@code fit} call: the time from the end of one batch
 * (or the start of the epoch) to the end of the next, so a step includes assembling its batch
 * from the dataset, forward, loss, backward, the gradient checks and the optimizer update.
 */
final class StepTimer implements Callback {
    private final double[] millis;
    private int count;
    private long last;

    StepTimer(int steps) {
        this.millis = new double[steps];
    }

    @Override
    public void onEpochBegin(TrainingContext context, int epoch) {
        last = System.nanoTime();
    }

    @Override
    public void onBatchEnd(TrainingContext context, int epoch, int batch, Map<String, Double> logs) {
        long now = System.nanoTime();
        millis[count++] = (now - last) / 1e6;
        last = now;
    }

    /** The recorded step times in ms; fails if fit ran a different number of steps. */
    double[] millis() {
        if (count != millis.length) {
            throw new IllegalStateException("expected " + millis.length + " steps, recorded " + count);
        }
        return Arrays.copyOf(millis, count);
    }
}
