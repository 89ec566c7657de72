package dev.mnemo.optim;

import java.util.Objects;

/**
 * Lowers the learning rate when a monitored value (validation loss, accuracy, ...) stops
 * improving, with the semantics of
 * <a href="https://pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.ReduceLROnPlateau.html">torch
 * ReduceLROnPlateau</a>. A trainer callback calls {@link #onEpochEnd} once per epoch and sets the
 * rate it returns:
 *
 * <pre>{@code
 * ReduceLROnPlateau plateau = ReduceLROnPlateau.builder().factor(0.5).patience(3).minRate(1e-5).build();
 * optimizer.setLearningRate(plateau.onEpochEnd(validationLoss, optimizer.learningRate()));
 * }</pre>
 *
 * <p>Each epoch: the value is an improvement when, for mode MIN, it is below
 * {@code best · (1 − threshold)} (relative) or {@code best − threshold} (absolute), and for mode
 * MAX above {@code best · (1 + threshold)} or {@code best + threshold}; an improvement becomes the
 * new best and resets the count of bad epochs, anything else (NaN included) adds one. During a
 * cooldown the count is held at 0. When the count exceeds {@code patience}, the rate becomes
 * {@code max(rate · factor, minRate)} (kept unchanged if that changes it by at most 1e-8), a
 * cooldown of {@code cooldown} epochs starts and the count resets.
 */
public final class ReduceLROnPlateau {
    /** Whether lower (loss) or higher (accuracy) values are better. */
    public enum Mode { MIN, MAX }

    /** Whether {@code threshold} is a fraction of the best value or an absolute amount. */
    public enum ThresholdMode { RELATIVE, ABSOLUTE }

    private static final double MIN_CHANGE = 1e-8;

    private final Mode mode;
    private final double factor;
    private final int patience;
    private final double threshold;
    private final ThresholdMode thresholdMode;
    private final int cooldown;
    private final double minRate;

    private double best;
    private int badEpochs;
    private int cooldownLeft;

    private ReduceLROnPlateau(Builder b) {
        this.mode = b.mode;
        this.factor = b.factor;
        this.patience = b.patience;
        this.threshold = b.threshold;
        this.thresholdMode = b.thresholdMode;
        this.cooldown = b.cooldown;
        this.minRate = b.minRate;
        this.best = mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /** A builder with torch's defaults: MIN, factor 0.1, patience 10, relative threshold 1e-4, no cooldown, minRate 0. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Records the epoch's monitored value and returns the learning rate for the next epoch:
     * {@code currentRate} or, after {@code patience} epochs without improvement, a reduced one.
     */
    public double onEpochEnd(double monitored, double currentRate) {
        Check.nonNegative("ReduceLROnPlateau", "currentRate", currentRate);
        if (isImprovement(monitored)) {
            best = monitored;
            badEpochs = 0;
        } else {
            badEpochs++;
        }
        if (cooldownLeft > 0) {
            cooldownLeft--;
            badEpochs = 0;
        }
        if (badEpochs <= patience) {
            return currentRate;
        }
        cooldownLeft = cooldown;
        badEpochs = 0;
        double reduced = Math.max(currentRate * factor, minRate);
        return currentRate - reduced > MIN_CHANGE ? reduced : currentRate;
    }

    private boolean isImprovement(double value) {
        return switch (mode) {
            case MIN -> value < (thresholdMode == ThresholdMode.RELATIVE ? best * (1 - threshold) : best - threshold);
            case MAX -> value > (thresholdMode == ThresholdMode.RELATIVE ? best * (1 + threshold) : best + threshold);
        };
    }

    /** The best monitored value so far (±infinity before the first epoch). */
    public double best() {
        return best;
    }

    /** Epochs since the last improvement, as counted toward {@code patience}. */
    public int badEpochs() {
        return badEpochs;
    }

    @Override
    public String toString() {
        return "ReduceLROnPlateau(mode=" + mode + ", factor=" + factor + ", patience=" + patience + ", threshold="
                + threshold + " " + thresholdMode + ", cooldown=" + cooldown + ", minRate=" + minRate + ")";
    }

    /** Settings of {@link ReduceLROnPlateau}. */
    public static final class Builder {
        private Mode mode = Mode.MIN;
        private double factor = 0.1;
        private int patience = 10;
        private double threshold = 1e-4;
        private ThresholdMode thresholdMode = ThresholdMode.RELATIVE;
        private int cooldown;
        private double minRate;

        private Builder() {}

        /** MIN for a loss, MAX for an accuracy. */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** New rate = rate · factor, with factor in (0, 1). */
        public Builder factor(double factor) {
            this.factor = factor;
            return this;
        }

        /** Epochs without improvement tolerated before reducing, ≥ 0. */
        public Builder patience(int patience) {
            this.patience = patience;
            return this;
        }

        /** The smallest change that counts as an improvement, ≥ 0, interpreted per {@code thresholdMode}. */
        public Builder threshold(double threshold, ThresholdMode thresholdMode) {
            this.threshold = threshold;
            this.thresholdMode = Objects.requireNonNull(thresholdMode, "thresholdMode");
            return this;
        }

        /** Epochs to wait after a reduction before counting bad epochs again, ≥ 0. */
        public Builder cooldown(int cooldown) {
            this.cooldown = cooldown;
            return this;
        }

        /** Lower bound of the rate, ≥ 0. */
        public Builder minRate(double minRate) {
            this.minRate = minRate;
            return this;
        }

        /** Checks every argument and builds the plateau detector. */
        public ReduceLROnPlateau build() {
            if (!(factor > 0 && factor < 1)) {
                throw new IllegalArgumentException("ReduceLROnPlateau: factor must be in (0, 1), got " + factor);
            }
            Check.atLeast("ReduceLROnPlateau", "patience", patience, 0);
            Check.nonNegative("ReduceLROnPlateau", "threshold", threshold);
            Check.atLeast("ReduceLROnPlateau", "cooldown", cooldown, 0);
            Check.nonNegative("ReduceLROnPlateau", "minRate", minRate);
            return new ReduceLROnPlateau(this);
        }
    }
}
