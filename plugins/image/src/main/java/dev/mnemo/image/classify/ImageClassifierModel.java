package dev.mnemo.image.classify;

import dev.mnemo.image.data.ImageDataException;
import dev.mnemo.image.data.ImageFormat;
import dev.mnemo.task.Prediction;
import dev.mnemo.task.LoadedTaskModel;
import dev.mnemo.task.TaskUsageException;
import dev.mnemo.train.Model;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded image classifier: image files (or folders of them) in, the top classes with their
 * softmax probabilities out, one prediction per file. Files are read as the model's
 * {@link ImageFormat}: converted to its channels, resized, normalised as in training.
 */
final class ImageClassifierModel extends LoadedTaskModel {
    private static final int TOP = 3;
    /** Images per forward pass. */
    private static final int BATCH = 256;

    private final ImageFormat format;
    private final List<String> labels;

    ImageClassifierModel(Model model, ImageFormat format, List<String> labels, Map<String, String> metadata) {
        super(model, metadata);
        this.format = format;
        this.labels = List.copyOf(labels);
    }

    /** Predictions for the files named by {@code inputs} (folders expand to their images, in name order). */
    @Override
    public List<Prediction> predict(List<String> inputs) {
        try {
            List<Path> files = ImageFormat.files(inputs);
            List<Prediction> predictions = new java.util.ArrayList<>();
            for (int start = 0; start < files.size(); start += BATCH) {
                List<Path> batch = files.subList(start, Math.min(files.size(), start + BATCH));
                float[][] images = new float[batch.size()][];
                for (int i = 0; i < images.length; i++) {
                    images[i] = format.read(batch.get(i));
                }
                predictions.addAll(Prediction.fromLogits(batch.stream().map(Path::toString).toList(), labels,
                        model.predict(images), TOP));
            }
            return predictions;
        } catch (ImageDataException e) {
            throw new TaskUsageException(e.getMessage(), e);
        }
    }
}
