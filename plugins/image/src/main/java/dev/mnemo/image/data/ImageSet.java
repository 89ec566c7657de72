package dev.mnemo.image.data;

import dev.mnemo.data.Dataset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Labelled images of one shape, in memory: what the image tasks train and evaluate on.
 *
 * <p>The arrays are held, not copied (a data set is large): do not change them afterwards.
 * Equality is that of a record with array components (identity of the arrays).
 *
 * @param pixels   {@code [N][channels * height * width]}: image {@code i} as {@code [C, H, W]},
 *                 row-major, channel planes one after the other, every value in [0, 1]
 * @param labels   {@code [N]}: the class index of image {@code i}, {@code 0 <= label < classes.size()}
 * @param classes  the class names, distinct, at least 1; label {@code k} names {@code classes.get(k)}
 * @param channels C: 1 (gray) or 3 (RGB)
 * @param height   H, at least 1
 * @param width    W, at least 1
 * @param sources  {@code [N]}: where image {@code i} comes from, e.g. {@code cat/001.png} or
 *                 {@code fashion-mnist train #17}
 */
public record ImageSet(float[][] pixels, int[] labels, List<String> classes, int channels, int height, int width,
        List<String> sources) {
    public ImageSet {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("ImageSet: images have 1 (gray) or 3 (RGB) channels, got " + channels);
        }
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("ImageSet: images are at least 1 x 1, got " + height + " x " + width);
        }
        classes = List.copyOf(classes);
        sources = List.copyOf(sources);
        if (classes.isEmpty() || new HashSet<>(classes).size() != classes.size()) {
            throw new IllegalArgumentException("ImageSet: class names must be distinct and at least 1, got " + classes);
        }
        if (pixels.length == 0 || pixels.length != labels.length || pixels.length != sources.size()) {
            throw new IllegalArgumentException("ImageSet: needs at least 1 image and as many labels and sources, got "
                    + pixels.length + " images, " + labels.length + " labels, " + sources.size() + " sources");
        }
        int values = channels * height * width;
        for (int i = 0; i < pixels.length; i++) {
            if (pixels[i].length != values) {
                throw new IllegalArgumentException("ImageSet: image " + i + " (" + sources.get(i) + ") has "
                        + pixels[i].length + " values, not [" + channels + ", " + height + ", " + width + "]");
            }
            for (float value : pixels[i]) {
                if (!(value >= 0 && value <= 1)) {
                    throw new IllegalArgumentException("ImageSet: image " + i + " (" + sources.get(i)
                            + ") has the value " + value + "; pixels are in [0, 1]");
                }
            }
            if (labels[i] < 0 || labels[i] >= classes.size()) {
                throw new IllegalArgumentException("ImageSet: image " + i + " (" + sources.get(i) + ") has label "
                        + labels[i] + ", but there are " + classes.size() + " classes");
            }
        }
    }

    /** Number of images, N. */
    public int size() {
        return pixels.length;
    }

    /** The images at {@code indices}, in that order (repeats allowed); pixel arrays are shared. */
    public ImageSet subset(int... indices) {
        float[][] picked = new float[indices.length][];
        int[] pickedLabels = new int[indices.length];
        String[] pickedSources = new String[indices.length];
        for (int k = 0; k < indices.length; k++) {
            picked[k] = pixels[indices[k]];
            pickedLabels[k] = labels[indices[k]];
            pickedSources[k] = sources.get(indices[k]);
        }
        return new ImageSet(picked, pickedLabels, classes, channels, height, width, List.of(pickedSources));
    }

    /** The first {@code min(n, size())} images; pixel arrays are shared. */
    public ImageSet first(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("ImageSet.first: n must be at least 1, got " + n);
        }
        return subset(IntStream.range(0, Math.min(n, size())).toArray());
    }

    /**
     * The images as a {@link Dataset}, samples shaped as {@link Dataset#ofImages} makes them
     * ({@code [C, H, W]} features, class-index targets), each normalised by {@code normalization}
     * when read (a view: no pixels are copied until a sample is read). For augmented training
     * samples use {@link AugmentedImages}.
     */
    public Dataset toDataset(Normalization normalization) {
        return new AugmentedImages(this, Augmentation.none(), 0, normalization);
    }

    @Override
    public String toString() {
        return "ImageSet[" + size() + " x [" + channels + ", " + height + ", " + width + "], classes " + classes
                + ", labels " + Arrays.toString(Arrays.copyOf(labels, Math.min(5, labels.length)))
                + (labels.length > 5 ? "..." : "") + "]";
    }
}
