package dev.mnemo.train.callbacks;

import java.util.Map;
import java.util.Objects;

/**
 * Tracks the best value of one key of the epoch logs. A value improves on the best when, in mode
 * MIN, {@code value < best − minDelta}, and in mode MAX, {@code value > best + minDelta}; NaN
 * never improves. Used by {@link EarlyStopping}, {@link ModelCheckpoint} and
 * {@link ReduceLROnPlateauCallback}.
 */
final class Monitor {
    private final String owner;
    private final String key;
    private final MonitorMode mode;
    private final double minDelta;
    private double best;
    private int bestEpoch;

    /** {@code owner} names the callback in error messages. */
    Monitor(String owner, String key, MonitorMode mode, double minDelta) {
        this.owner = owner;
        this.key = Objects.requireNonNull(key, owner + ": monitor key");
        if (key.isBlank()) {
            throw new IllegalArgumentException(owner + ": monitor key is empty; use e.g. \"val_loss\"");
        }
        this.mode = Objects.requireNonNull(mode, owner + ": mode").resolve(key);
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new IllegalArgumentException(owner + ": minDelta must be finite and >= 0, got " + minDelta);
        }
        this.minDelta = minDelta;
        reset();
    }

    /** Forgets the best value (at the start of a fit). */
    void reset() {
        best = mode == MonitorMode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        bestEpoch = -1;
    }

    /** The monitored value in {@code logs}; a missing key is an error that lists the keys present. */
    double read(Map<String, Double> logs) {
        Double value = logs.get(key);
        if (value == null) {
            String hint = key.startsWith("val_") ? "; pass validation data to fit, or monitor one of those" : "";
            throw new IllegalArgumentException(owner + " monitors '" + key + "' but the epoch logs have only "
                    + logs.keySet() + hint);
        }
        return value;
    }

    /** Records {@code value} of {@code epoch}; true when it improved on the best, which it then becomes. */
    boolean update(int epoch, double value) {
        boolean improved = mode == MonitorMode.MIN ? value < best - minDelta : value > best + minDelta;
        if (improved) {
            best = value;
            bestEpoch = epoch;
        }
        return improved;
    }

    String key() {
        return key;
    }

    MonitorMode mode() {
        return mode;
    }

    double minDelta() {
        return minDelta;
    }

    /** The best value so far (±infinity before the first improvement). */
    double best() {
        return best;
    }

    /** The 0-based epoch of the best value, or -1 before the first improvement. */
    int bestEpoch() {
        return bestEpoch;
    }
}
