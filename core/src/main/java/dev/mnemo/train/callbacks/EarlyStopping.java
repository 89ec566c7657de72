package dev.mnemo.train.callbacks;

import dev.mnemo.train.Callback;
import dev.mnemo.train.History;
import dev.mnemo.train.TrainingContext;
import java.util.Map;

/**
 * Stops training when a monitored value has stopped improving, like Keras's
 * {@code EarlyStopping}.
 *
 * <pre>{@code
 * model.fit(train).validationData(validation).epochs(100).callbacks(new EarlyStopping("val_loss", 5, true)).run();
 * model.fit(train).validationData(validation).epochs(100)
 *         .callbacks(EarlyStopping.builder().monitor("val_accuracy").patience(3)
 *         .minDelta(1e-3).restoreBestWeights(true).build()).run();
 * }</pre>
 *
 * <p>After each epoch the monitored value is compared with the best so far: it improves when
 * {@code value < best − minDelta} (mode MIN) or {@code value > best + minDelta} (mode MAX; AUTO
 * picks from the key's name, see {@link MonitorMode}). NaN never improves. After {@code patience}
 * epochs in a row without improvement (at least one) training stops, as in Keras; the stop reason (kept in the
 * {@link History}) names the best epoch (counted from 1) and its value.
 *
 * <p>With {@code restoreBestWeights}, the weights of the best epoch are copied aside whenever the
 * value improves and put back into the model at the end of training, whether it stopped early
 * or ran all its epochs. A monitored key missing from the epoch logs is an
 * {@link IllegalArgumentException} that lists the keys present. State is reset at the start of
 * each fit, so one instance can serve several runs.
 */
public final class EarlyStopping implements Callback {
    private final Monitor monitor;
    private final int patience;
    private final boolean restoreBestWeights;
    private int epochsWithoutImprovement;
    private int stoppedEpoch;
    private Map<String, float[]> bestWeights;

    /** Monitors {@code monitor} (mode from its name, minDelta 0). */
    public EarlyStopping(String monitor, int patience, boolean restoreBestWeights) {
        this(builder().monitor(monitor).patience(patience).restoreBestWeights(restoreBestWeights));
    }

    private EarlyStopping(Builder b) {
        if (b.patience < 0) {
            throw new IllegalArgumentException("EarlyStopping: patience must be >= 0, got " + b.patience);
        }
        this.monitor = new Monitor("EarlyStopping", b.monitor, b.mode, b.minDelta);
        this.patience = b.patience;
        this.restoreBestWeights = b.restoreBestWeights;
    }

    /** Settings with Keras's defaults: {@code val_loss}, AUTO, minDelta 0, patience 0, no restore. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        monitor.reset();
        epochsWithoutImprovement = 0;
        stoppedEpoch = -1;
        bestWeights = null;
    }

    @Override
    public void onEpochEnd(TrainingContext context, int epoch, Map<String, Double> logs) {
        double value = monitor.read(logs);
        if (monitor.update(epoch, value)) {
            epochsWithoutImprovement = 0;
            if (restoreBestWeights) {
                bestWeights = context.model().weights();
            }
            return;
        }
        epochsWithoutImprovement++;
        if (epochsWithoutImprovement >= Math.max(patience, 1)) {
            stoppedEpoch = epoch;
            context.stopTraining(stopReason());
        }
    }

    private String stopReason() {
        String reason = monitor.key() + " did not improve for " + epochsWithoutImprovement + " epoch"
                + (epochsWithoutImprovement == 1 ? "" : "s") + " (patience " + patience + ", minDelta " + monitor.minDelta() + ")";
        if (monitor.bestEpoch() < 0) {
            return reason + "; it was never a number";
        }
        return reason + "; best was epoch " + (monitor.bestEpoch() + 1) + " with " + monitor.key() + " = " + monitor.best()
                + (restoreBestWeights ? "; its weights are restored at the end" : "");
    }

    @Override
    public void onTrainEnd(TrainingContext context, History history) {
        if (bestWeights != null) {
            context.model().setWeights(bestWeights);
            bestWeights = null;
        }
    }

    /** The 0-based epoch with the best monitored value in the last run, or -1 if none was a number. */
    public int bestEpoch() {
        return monitor.bestEpoch();
    }

    /** The best monitored value in the last run (±infinity if none was a number). */
    public double best() {
        return monitor.best();
    }

    /** The 0-based epoch after which training was stopped, or -1 if it was not stopped. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    /** Settings of {@link EarlyStopping}; {@link #build()} checks them. */
    public static final class Builder {
        private String monitor = "val_loss";
        private MonitorMode mode = MonitorMode.AUTO;
        private double minDelta;
        private int patience;
        private boolean restoreBestWeights;

        private Builder() {}

        /** The epoch-log key to watch, e.g. {@code val_loss}, {@code val_accuracy}, {@code loss}. */
        public Builder monitor(String key) {
            this.monitor = key;
            return this;
        }

        /** MIN, MAX, or AUTO (from the key's name). */
        public Builder mode(MonitorMode mode) {
            this.mode = mode;
            return this;
        }

        /** The smallest change that counts as an improvement, ≥ 0. */
        public Builder minDelta(double minDelta) {
            this.minDelta = minDelta;
            return this;
        }

        /** Epochs without improvement tolerated before stopping, ≥ 0. */
        public Builder patience(int patience) {
            this.patience = patience;
            return this;
        }

        /** Whether to put the best epoch's weights back into the model at the end. */
        public Builder restoreBestWeights(boolean restore) {
            this.restoreBestWeights = restore;
            return this;
        }

        /** Checks the settings and builds the callback. */
        public EarlyStopping build() {
            return new EarlyStopping(this);
        }
    }
}
