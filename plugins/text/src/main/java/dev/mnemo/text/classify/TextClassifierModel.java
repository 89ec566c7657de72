package dev.mnemo.text.classify;

import dev.mnemo.task.Prediction;
import dev.mnemo.task.TaskModel;
import dev.mnemo.train.Model;
import java.util.List;
import java.util.Map;

/** A loaded text classifier: texts in, labels with their softmax probabilities out. */
final class TextClassifierModel implements TaskModel {
    private static final int TOP = 5;

    private final Model model;
    private final TextEncoder encoder;
    private final List<String> labels;
    private final Map<String, String> metadata;

    TextClassifierModel(Model model, TextEncoder encoder, List<String> labels, Map<String, String> metadata) {
        this.model = model;
        this.encoder = encoder;
        this.labels = List.copyOf(labels);
        this.metadata = Map.copyOf(metadata);
    }

    @Override
    public Map<String, String> metadata() {
        return metadata;
    }

    @Override
    public List<Prediction> predict(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        return Prediction.fromLogits(texts, labels, model.predict(encoder.encode(texts)), TOP);
    }

    @Override
    public void close() {
        model.close();
    }
}
