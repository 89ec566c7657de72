package dev.mnemo.train.callbacks;

/**
 * Whether a monitored value improves by going down or up. {@link #AUTO} decides from the key's
 * name, as Keras does: {@link #MAX} when the name (after an optional {@code val_} prefix) contains
 * {@code acc}, {@code auc}, {@code precision}, {@code recall} or {@code f1} (accuracy,
 * top_5_accuracy, ...), otherwise {@link #MIN} (losses, errors).
 */
public enum MonitorMode {
    /** Lower is better (a loss). */
    MIN,
    /** Higher is better (an accuracy). */
    MAX,
    /** {@link #MIN} or {@link #MAX} from the monitored key's name. */
    AUTO;

    private static final String[] HIGHER_IS_BETTER = {"acc", "auc", "precision", "recall", "f1"};

    /** This mode with {@link #AUTO} resolved for {@code key}. */
    public MonitorMode resolve(String key) {
        if (this != AUTO) {
            return this;
        }
        String name = key.startsWith("val_") ? key.substring(4) : key;
        for (String fragment : HIGHER_IS_BETTER) {
            if (name.contains(fragment)) {
                return MAX;
            }
        }
        return MIN;
    }
}
