package dev.mnemo.train.callbacks;

import dev.mnemo.io.Json;
import dev.mnemo.train.Callback;
import dev.mnemo.train.History;
import dev.mnemo.train.TrainingContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the history as JSON, one array per key with one value per epoch, the shape of Keras's
 * {@code history.history} (so {@code pandas.DataFrame(json.load(f))} reads it):
 *
 * <pre>{@code
 * {"epoch":[1,2],"loss":[0.6931,0.5127],"val_loss":[0.6812,0.5344],"lr":[0.001,0.001]}
 * }</pre>
 *
 * <p>{@code epoch} counts from 1. JSON has no NaN or infinity: such values, and epochs without a
 * key, are written as {@code null}. When training stops early, a last write adds
 * {@code "stop_reason"}. The whole file is rewritten atomically after each epoch, so a crash leaves
 * valid JSON of the epochs done; a new fit starts it afresh.
 */
public final class JsonHistoryWriter implements Callback {
    private final Path file;
    private final EpochTable table = new EpochTable();

    /** Writes to {@code file} (created with its folders; replaced if it exists). */
    public JsonHistoryWriter(Path file) {
        this.file = Objects.requireNonNull(file, "JsonHistoryWriter: file");
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        table.clear();
    }

    @Override
    public void onEpochEnd(TrainingContext context, int epoch, Map<String, Double> logs) {
        table.add(logs);
        write(null);
    }

    @Override
    public void onTrainEnd(TrainingContext context, History history) {
        if (history.stopReason() != null && !table.rows().isEmpty()) {
            write(history.stopReason());
        }
    }

    private void write(String stopReason) {
        Map<String, Object> json = new LinkedHashMap<>();
        List<Object> epochs = new ArrayList<>();
        for (int e = 1; e <= table.rows().size(); e++) {
            epochs.add(e);
        }
        json.put("epoch", epochs);
        for (String key : table.keys()) {
            List<Object> values = new ArrayList<>();
            for (double v : table.column(key)) {
                values.add(Double.isFinite(v) ? v : null);
            }
            json.put(key, values);
        }
        if (stopReason != null) {
            json.put("stop_reason", stopReason);
        }
        EpochTable.writeAtomically(file, Json.write(json) + "\n", "JsonHistoryWriter");
    }
}
