package dev.mnemo.image.data;

import dev.mnemo.data.Dataset;
import dev.mnemo.data.Field;
import dev.mnemo.data.Sample;
import java.util.Random;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * An {@link ImageSet} as a {@link Dataset} whose images are augmented afresh each time they are
 * read, then normalised: sample {@code i} is {@code Field.dense(x, C, H, W)} with
 * {@code Field.label(labels[i])}, shaped as {@link Dataset#ofImages} makes them, where
 * {@code x = normalization.apply(augmentation.apply(pixels[i], ...))}.
 *
 * <p>The {@code k}-th read of image {@code i} (counting from 0, per image) draws its augmentation
 * from a {@link Random} seeded by {@code (seed, i, k)}: each epoch sees other variants, and a run
 * repeated with the same seed sees the same ones, whatever order (or thread) reads the samples.
 * With {@link Augmentation#none()} and {@link Normalization#identity} a sample holds the set's
 * own pixel array.
 */
public final class AugmentedImages implements Dataset {
    private final ImageSet images;
    private final Augmentation augmentation;
    private final long seed;
    private final Normalization normalization;
    private final AtomicIntegerArray reads;

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
        this.seed = seed;
        this.normalization = normalization;
        this.reads = new AtomicIntegerArray(images.size());
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
            pixels = augmentation.apply(pixels, c, h, w, new Random(seedOf(index, reads.getAndIncrement(index))));
        }
        if (!normalization.isIdentity()) {
            pixels = normalization.apply(pixels);
        }
        return Sample.of(Field.dense(pixels, c, h, w), Field.label(images.labels()[index]));
    }

    /** A seed for the {@code read}-th read of image {@code index}: SplitMix64's finaliser over the three. */
    private long seedOf(int index, int read) {
        return mix(mix(mix(seed) + index) + read);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
