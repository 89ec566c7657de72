package dev.mnemo.image.data;

import dev.mnemo.data.Dataset;
import dev.mnemo.data.Field;
import dev.mnemo.data.Sample;
import java.util.Random;

/**
 * An {@link ImageSet} as a {@link Dataset} whose images are augmented afresh each time they are
 * read, then normalised: sample {@code i} is {@code Field.dense(x, C, H, W)} with
 * {@code Field.label(labels[i])}, shaped as {@link Dataset#ofImages} makes them, where
 * {@code x = normalization.apply(augmentation.apply(pixels[i], ...))}.
 *
 * <p>The {@code k}-th read of image {@code i} (counting from 0, per image) draws its augmentation
 * from a {@link Random} seeded by {@code (seed, i, k)} ({@link ReadSeeds}): each epoch sees other variants, and a run
 * repeated with the same seed sees the same ones, whatever order (or thread) reads the samples.
 * With {@link Augmentation#none()} and {@link Normalization#identity} a sample holds the set's
 * own pixel array.
 */
public final class AugmentedImages implements Dataset {
    private final ImageSet images;
    private final Augmentation augmentation;
    private final Normalization normalization;
    private final ReadSeeds seeds;

    /** {@code images} augmented by {@code augmentation} from {@code seed}, not normalised. */
    public AugmentedImages(ImageSet images, Augmentation augmentation, long seed) {
        this(images, augmentation, seed, Normalization.identity(images.channels()));
    }

    /**
     * {@code images} augmented by {@code augmentation} from {@code seed}, then normalised.
     *
     * @throws IllegalArgumentException if {@code normalization} has not one value per channel
     */
    public AugmentedImages(ImageSet images, Augmentation augmentation, long seed, Normalization normalization) {
        if (normalization.channels() != images.channels()) {
            throw new IllegalArgumentException("AugmentedImages: the normalisation has " + normalization.channels()
                    + " channels, the images " + images.channels());
        }
        this.images = images;
        this.augmentation = augmentation;
        this.normalization = normalization;
        this.seeds = ReadSeeds.fresh(seed, images.size());
    }

    @Override
    public int size() {
        return images.size();
    }

    @Override
    public Sample get(int index) {
        int c = images.channels();
        int h = images.height();
        int w = images.width();
        float[] pixels = images.pixels()[index];
        if (!augmentation.isNone()) {
            pixels = augmentation.apply(pixels, c, h, w, new Random(seeds.next(index)));
        }
        if (!normalization.isIdentity()) {
            pixels = normalization.apply(pixels);
        }
        return Sample.of(Field.dense(pixels, c, h, w), Field.label(images.labels()[index]));
    }
}
