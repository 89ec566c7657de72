package dev.mnemo.cli;

import dev.mnemo.task.Confusion;
import dev.mnemo.task.Prediction;
import dev.mnemo.task.TaskResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Results as the JSON objects of {@code --json}: the same snake_case keys for every task
 * ({@code task}, {@code dataset}, {@code model}, {@code backend}, {@code seconds}, then the metrics
 * and details at the top level, {@code confusion} as {@code {labels, counts}}, {@code outputs});
 * predictions as {@code predictions: [{input, label, probability, top: [{label, probability}]}]}.
 * A metric that is not a number (NaN) is written as null.
 */
final class ResultJson {
    private ResultJson() {}

    static Map<String, Object> of(TaskResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("task", result.task());
        json.put("dataset", result.dataset());
        json.put("model", text(result.model()));
        json.put("backend", result.backend());
        json.put("seconds", round(result.seconds()));
        result.metrics().forEach((name, value) -> json.put(name, Double.isFinite(value) ? value : null));
        result.details().forEach((name, value) -> json.put(name, jsonReady(value)));
        if (result.confusion() != null) {
            json.put("confusion", confusion(result.confusion()));
        }
        json.put("outputs", result.outputs().stream().map(ResultJson::text).toList());
        return json;
    }

    /** {@code facts} (task, model, backend, seconds, ...) followed by the predictions. */
    static Map<String, Object> withPredictions(Map<String, Object> facts, List<Prediction> predictions) {
        Map<String, Object> json = new LinkedHashMap<>(facts);
        List<Object> list = new ArrayList<>();
        for (Prediction p : predictions) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("input", p.input());
            if (p.label() != null) {
                one.put("label", p.label());
                one.put("probability", p.probability());
                one.put("top", p.top().stream().map(s -> Map.<String, Object>of("label", s.label(), "probability", s.probability())).toList());
            }
            if (p.output() != null) {
                one.put("output", p.output().toString());
            }
            list.add(one);
        }
        json.put("predictions", list);
        return json;
    }

    static Map<String, Object> confusion(Confusion confusion) {
        List<Object> rows = new ArrayList<>();
        for (long[] row : confusion.counts()) {
            rows.add(java.util.Arrays.stream(row).boxed().toList());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("labels", confusion.labels());
        json.put("counts", rows);
        return json;
    }

    static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    private static String text(Path path) {
        return path == null ? null : path.toString();
    }

    private static Object jsonReady(Object value) {
        return switch (value) {
            case Path path -> path.toString();
            case Double d when !Double.isFinite(d) -> null;
            case Float f when !Float.isFinite(f) -> null;
            case null, default -> value;
        };
    }
}
