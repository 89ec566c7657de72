package dev.mnemo.image.generate;

import dev.mnemo.image.classify.ImageClassifyTask;
import dev.mnemo.image.data.ImageFormat;
import dev.mnemo.task.TaskFailedException;
import dev.mnemo.task.TaskModelFile;
import dev.mnemo.train.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The referee of generated images: an {@code image-classify} model trained apart, never used to
 * train the generator or to pick its samples. It says which class each generated image shows.
 */
final class Judge implements AutoCloseable {
    private final Model model;
    private final ImageFormat format;
    private final List<String> labels;
    private final Path file;

    private Judge(Model model, ImageFormat format, List<String> labels, Path file) {
        this.model = model;
        this.format = format;
        this.labels = labels;
        this.file = file;
    }

    /** The classifier at {@code file}; a missing file names the command that makes it. */
    static Judge load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new TaskFailedException("no judge model " + file + ": text-to-image is measured by an image classifier "
                    + "trained apart; make one with: mnemo train image-classify --model " + file + " (or give --judge FILE)");
        }
        TaskModelFile.Loaded loaded = TaskModelFile.load(new ImageClassifyTask(), file);
        return new Judge(loaded.model(), ImageFormat.from(loaded.metadata()), loaded.labels(), file);
    }

    /** Fails unless the judge knows exactly {@code classes} and reads images of {@code shape}. */
    void requireCompatible(List<String> classes, int[] shape) {
        if (!labels.equals(classes) || !Arrays.equals(format.shape(), shape)) {
            throw new TaskFailedException("the judge " + file + " classifies " + labels + " at " + Arrays.toString(format.shape())
                    + " but the generator draws " + classes + " at " + Arrays.toString(shape)
                    + "; train the judge on the same data (mnemo train image-classify --data ...)");
        }
    }

    /** The class index of each image (pixels in [0, 1], normalised here as the judge was trained). */
    int[] classify(List<float[]> images) {
        float[][] inputs = images.stream().map(format.normalization()::apply).toArray(float[][]::new);
        float[][] logits = model.predict(inputs);
        int[] classes = new int[logits.length];
        for (int i = 0; i < logits.length; i++) {
            for (int k = 1; k < logits[i].length; k++) {
                if (logits[i][k] > logits[i][classes[i]]) {
                    classes[i] = k;
                }
            }
        }
        return classes;
    }

    @Override
    public void close() {
        model.close();
    }
}
