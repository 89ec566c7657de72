package dev.mnemo.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Per-epoch logs of a {@link Model#fit} run, like Keras's {@code History}. */
public final class History {
    private final List<Map<String, Double>> epochs = new ArrayList<>();
    private String stopReason;

    /** Appends one epoch's logs. */
    public void add(Map<String, Double> logs) {
        epochs.add(Collections.unmodifiableMap(new LinkedHashMap<>(logs)));
    }

    /** Logs of every epoch, in order. */
    public List<Map<String, Double>> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    /** The values of one key over the epochs (NaN where an epoch lacks it). */
    public List<Double> get(String key) {
        return epochs.stream().map(e -> e.getOrDefault(key, Double.NaN)).toList();
    }

    /** The last epoch's value of {@code key}. */
    public double last(String key) {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("no epoch has run");
        }
        Double v = epochs.getLast().get(key);
        if (v == null) {
            throw new IllegalArgumentException("no '" + key + "' in the history; keys: " + keys());
        }
        return v;
    }

    /** Every key seen, in first-seen order. */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        epochs.forEach(e -> keys.addAll(e.keySet()));
        return keys;
    }

    /** Why training stopped before the requested epochs, or null. */
    public String stopReason() {
        return stopReason;
    }

    void setStopReason(String reason) {
        this.stopReason = reason;
    }
}
