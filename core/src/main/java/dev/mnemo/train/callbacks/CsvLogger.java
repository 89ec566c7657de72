package dev.mnemo.train.callbacks;

import dev.mnemo.train.Callback;
import dev.mnemo.train.TrainingContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes the epoch logs to a CSV file, one row per epoch, like Keras's {@code CSVLogger}:
 *
 * <pre>
 * epoch,loss,accuracy,val_loss,val_accuracy,lr
 * 1,0.6931,0.5,0.6812,0.5625,0.001
 * 2,0.5127,0.75,0.5344,0.6875,0.001
 * </pre>
 *
 * <p>The header is {@code epoch} (counted from 1) followed by every log key in first-seen order;
 * an epoch without some key leaves its cell empty. Values are written in full precision
 * ({@link Double#toString}, {@code NaN} and {@code Infinity} as such). The whole file is rewritten
 * atomically after each epoch, so a crash or a kill leaves a complete CSV of the epochs done; a new
 * fit starts the file afresh.
 */
public final class CsvLogger implements Callback {
    private final Path file;
    private final EpochTable table = new EpochTable();

    /** Logs to {@code file} (created with its folders; replaced if it exists). */
    public CsvLogger(Path file) {
        this.file = Objects.requireNonNull(file, "CsvLogger: file");
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        table.clear();
    }

    @Override
    public void onEpochEnd(TrainingContext context, int epoch, Map<String, Double> logs) {
        table.add(logs);
        EpochTable.writeAtomically(file, render(), "CsvLogger");
    }

    private String render() {
        Set<String> keys = table.keys();
        StringBuilder csv = new StringBuilder("epoch");
        keys.forEach(k -> csv.append(',').append(quote(k)));
        csv.append('\n');
        int epoch = 1;
        for (Map<String, Double> row : table.rows()) {
            csv.append(epoch++);
            for (String k : keys) {
                Double v = row.get(k);
                csv.append(',').append(v == null ? "" : v.toString());
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    /** RFC 4180 quoting for keys that hold a comma, quote or line break. */
    private static String quote(String field) {
        if (field.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
