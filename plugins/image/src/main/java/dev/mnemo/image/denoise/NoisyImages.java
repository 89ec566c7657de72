package dev.mnemo.image.denoise;

import dev.mnemo.data.Dataset;
import dev.mnemo.data.Field;
import dev.mnemo.data.Sample;
import dev.mnemo.image.data.Augmentation;
import dev.mnemo.image.data.ImageSet;
import dev.mnemo.image.data.ReadSeeds;
import java.util.Random;

/**
 * Pairs of (noisy, clean) images for a denoiser: sample {@code i} is the clean image {@code x_i}
 * with Gaussian noise added and clipped, {@code clip(x_i + σ·n, 0, 1)}, {@code n ~ N(0, 1)} per
 * pixel, as features and {@code x_i} itself as target, both {@code [C, H, W]}. Training data draws
 * fresh noise at every read ({@link ReadSeeds#fresh}); validation and test data the same noise at
 * every read ({@link ReadSeeds#fixed}), so their figures are repeatable.
 */
final class NoisyImages implements Dataset {
    private final ImageSet images;
    private final Augmentation noise;
    private final ReadSeeds seeds;

    private NoisyImages(ImageSet images, double sigma, ReadSeeds seeds) {
        this.images = images;
        this.noise = new Augmentation(0, false, sigma);
        this.seeds = seeds;
    }

    /** Fresh noise of {@code sigma} at every read, drawn from {@code seed}. */
    static NoisyImages training(ImageSet images, double sigma, long seed) {
        return new NoisyImages(images, sigma, ReadSeeds.fresh(seed, images.size()));
    }

    /** The same noise of {@code sigma} at every read, drawn from {@code seed}. */
    static NoisyImages fixed(ImageSet images, double sigma, long seed) {
        return new NoisyImages(images, sigma, ReadSeeds.fixed(seed));
    }

    @Override
    public int size() {
        return images.size();
    }

    /** The noisy version of image {@code index}, as this dataset reads it. */
    float[] noisy(int index) {
        return noise.apply(images.pixels()[index], images.channels(), images.height(), images.width(), new Random(seeds.next(index)));
    }

    @Override
    public Sample get(int index) {
        int[] shape = {images.channels(), images.height(), images.width()};
        return Sample.of(Field.dense(noisy(index), shape), Field.dense(images.pixels()[index], shape));
    }
}
