package dev.mnemo.train.callbacks;

import dev.mnemo.train.Callback;
import dev.mnemo.train.History;
import dev.mnemo.train.Model;
import dev.mnemo.train.TrainingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A {@link TrainingContext} that plays a scripted sequence of epoch logs to a callback the way
 * {@code Model.fit} does (train begin, then epoch begin/end until a stop, then train end), for
 * tests that need exact log values.
 */
final class ScriptedContext implements TrainingContext {
    private final Model model;
    private final int epochs;
    private final OptionalInt batches;
    String stopReason;
    double learningRate = 0.1;

    ScriptedContext(Model model, int epochs, OptionalInt batches) {
        this.model = model;
        this.epochs = epochs;
        this.batches = batches;
    }

    /** Plays {@code logs} (one map per epoch) until the callback stops training; returns the history. */
    History play(Callback callback, List<Map<String, Double>> logs) {
        History history = new History();
        callback.onTrainBegin(this);
        for (int e = 0; e < logs.size() && stopReason == null; e++) {
            callback.onEpochBegin(this, e);
            Map<String, Double> epochLogs = new LinkedHashMap<>(logs.get(e));
            history.add(epochLogs);
            callback.onEpochEnd(this, e, epochLogs);
        }
        callback.onTrainEnd(this, history);
        return history;
    }

    /** Logs in the given key order: {@code logs("loss", 0.5, "val_loss", 0.6)}. */
    static Map<String, Double> logs(Object... keysAndValues) {
        Map<String, Double> logs = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            logs.put((String) keysAndValues[i], ((Number) keysAndValues[i + 1]).doubleValue());
        }
        return logs;
    }

    /** One-key logs: {@code key → value} per epoch. */
    static List<Map<String, Double>> series(String key, double... values) {
        return java.util.Arrays.stream(values).mapToObj(v -> Map.of(key, v)).toList();
    }

    @Override
    public Model model() {
        return model;
    }

    @Override
    public int epochs() {
        return epochs;
    }

    @Override
    public OptionalInt batchesPerEpoch() {
        return batches;
    }

    @Override
    public void stopTraining(String reason) {
        stopReason = reason;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void setLearningRate(double rate) {
        learningRate = rate;
    }
}
