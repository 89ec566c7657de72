package dev.mnemo.cli;

import dev.mnemo.io.Json;
import dev.mnemo.task.Prediction;
import dev.mnemo.task.TaskResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Results as text for a person: a heading, one aligned line per figure, the confusion matrix, the files. */
final class ResultText {
    private ResultText() {}

    static String of(TaskResult result) {
        StringBuilder text = new StringBuilder();
        text.append(result.task()).append(" on ").append(result.dataset());
        if (result.backend() != null) {
            text.append(" (backend ").append(result.backend()).append(')');
        }
        text.append(String.format(Locale.ROOT, ", %.1f s%n", result.seconds()));
        int width = 0;
        for (String name : result.metrics().keySet()) {
            width = Math.max(width, name.length());
        }
        for (String name : result.details().keySet()) {
            width = Math.max(width, name.length());
        }
        for (Map.Entry<String, Double> metric : result.metrics().entrySet()) {
            text.append(String.format(Locale.ROOT, "  %-" + width + "s  %.4f%n", metric.getKey(), metric.getValue()));
        }
        for (Map.Entry<String, Object> detail : result.details().entrySet()) {
            text.append(String.format(Locale.ROOT, "  %-" + width + "s  %s%n", detail.getKey(), detailText(detail.getValue())));
        }
        if (result.confusion() != null) {
            text.append("confusion matrix (rows: actual, columns: predicted):").append(System.lineSeparator())
                    .append(result.confusion()).append(System.lineSeparator());
        }
        if (result.model() != null) {
            text.append("model: ").append(result.model()).append(System.lineSeparator());
        }
        for (Path output : result.outputs()) {
            text.append("wrote: ").append(output).append(System.lineSeparator());
        }
        return text.toString();
    }

    /** One line per prediction: label, probability, input. */
    static String of(List<Prediction> predictions) {
        int width = 0;
        for (Prediction p : predictions) {
            width = Math.max(width, p.label() == null ? 0 : p.label().length());
        }
        StringBuilder text = new StringBuilder();
        for (Prediction p : predictions) {
            if (p.label() == null) {
                text.append(p.input()).append(" -> ").append(p.output()).append(System.lineSeparator());
                continue;
            }
            text.append(String.format(Locale.ROOT, "%-" + width + "s  %.3f  %s", p.label(), p.probability(), p.input()));
            if (p.top().size() > 1) {
                text.append("   (then ");
                for (int k = 1; k < p.top().size(); k++) {
                    Prediction.Scored next = p.top().get(k);
                    text.append(k > 1 ? ", " : "").append(String.format(Locale.ROOT, "%s %.3f", next.label(), next.probability()));
                }
                text.append(')');
            }
            text.append(System.lineSeparator());
        }
        return text.toString();
    }

    private static String detailText(Object value) {
        return switch (value) {
            case String s -> s;
            case Path p -> p.toString();
            case Double d -> String.format(Locale.ROOT, "%.4f", d);
            case null -> "none";
            default -> value instanceof Number || value instanceof Boolean ? value.toString() : Json.write(value);
        };
    }
}
