package dev.mnemo.image.data;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Seeds for the random draws of a dataset read sample by sample: the {@code k}-th read of sample
 * {@code i} gets a seed made from {@code (seed, i, k)} by SplitMix64's finaliser, so every epoch
 * draws afresh and a run repeated with the same seed draws the same, whatever order (or thread)
 * reads the samples. Fixed seeds ({@link #fixed}) give sample {@code i} the same draw at every
 * read: the noise of a validation or test set.
 */
public final class ReadSeeds {
    private final long seed;
    private final AtomicIntegerArray reads;

    private ReadSeeds(long seed, AtomicIntegerArray reads) {
        this.seed = seed;
        this.reads = reads;
    }

    /** A fresh draw at each read of each of {@code samples} samples. */
    public static ReadSeeds fresh(long seed, int samples) {
        return new ReadSeeds(seed, new AtomicIntegerArray(samples));
    }

    /** The same draw at every read. */
    public static ReadSeeds fixed(long seed) {
        return new ReadSeeds(seed, null);
    }

    /** The seed of this read of sample {@code index}. */
    public long next(int index) {
        int read = reads == null ? 0 : reads.getAndIncrement(index);
        return mix(mix(mix(seed) + index) + read);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
