package dev.mnemo.text.classify;

import dev.mnemo.task.LoadedTaskModel;
import dev.mnemo.task.Prediction;
import dev.mnemo.train.Model;
import java.util.List;
import java.util.Map;

/** A loaded text classifier: texts in, labels with their softmax probabilities out. */
final class TextClassifierModel extends LoadedTaskModel {
    private static final int TOP = 5;

    private final TextEncoder encoder;
    private final List<String> labels;

    TextClassifierModel(Model model, TextEncoder encoder, List<String> labels, Map<String, String> metadata) {
        super(model, metadata);
        this.encoder = encoder;
        this.labels = List.copyOf(labels);
    }

    @Override
    public List<Prediction> predict(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        return Prediction.fromLogits(texts, labels, model.predict(encoder.encode(texts)), TOP);
    }
}
