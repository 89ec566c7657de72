package dev.mnemo.image.data;

import java.util.Random;

/**
 * Random changes to a training image that keep its class, drawn from the {@link Random} given,
 * so the same seed gives the same images.
 *
 * <p>{@link #apply} does, in this order: a horizontal flip with probability 1/2 (when
 * {@code horizontalFlip}); a shift by {@code dy, dx}, each uniform in
 * {@code [-maxShift, maxShift]}, filling the uncovered border with 0; then Gaussian noise of
 * standard deviation {@code noiseSigma} on every value, clipped to [0, 1]. A step that is off
 * draws nothing from the {@code Random}.
 *
 * @param maxShift       the largest shift in pixels along each axis, at least 0
 * @param horizontalFlip whether to mirror left-right half of the time
 * @param noiseSigma     the standard deviation of the added noise, at least 0
 */
public record Augmentation(int maxShift, boolean horizontalFlip, double noiseSigma) {
    private static final Augmentation NONE = new Augmentation(0, false, 0);

    public Augmentation {
        if (maxShift < 0 || !(noiseSigma >= 0) || Double.isInfinite(noiseSigma)) {
            throw new IllegalArgumentException("Augmentation: maxShift and noiseSigma must be at least 0 and finite, got "
                    + maxShift + " and " + noiseSigma);
        }
    }

    /** No augmentation: {@link #apply} returns a copy. */
    public static Augmentation none() {
        return NONE;
    }

    /** Whether this changes nothing. */
    public boolean isNone() {
        return equals(NONE);
    }

    /**
     * {@code chw} {@code [c, h, w]} augmented, a new array ({@code chw} is not changed).
     *
     * @param random the source of every random choice
     */
    public float[] apply(float[] chw, int c, int h, int w, Random random) {
        if (chw.length != c * h * w) {
            throw new IllegalArgumentException("Augmentation: " + chw.length + " values do not fill [" + c + ", " + h
                    + ", " + w + "]");
        }
        boolean flip = horizontalFlip && random.nextBoolean();
        int dy = maxShift > 0 ? random.nextInt(-maxShift, maxShift + 1) : 0;
        int dx = maxShift > 0 ? random.nextInt(-maxShift, maxShift + 1) : 0;
        float[] out = new float[chw.length];
        for (int channel = 0; channel < c; channel++) {
            for (int y = Math.max(0, dy); y < Math.min(h, h + dy); y++) {
                for (int x = Math.max(0, dx); x < Math.min(w, w + dx); x++) {
                    int sourceX = x - dx;
                    out[(channel * h + y) * w + x] = chw[(channel * h + y - dy) * w + (flip ? w - 1 - sourceX : sourceX)];
                }
            }
        }
        if (noiseSigma > 0) {
            for (int p = 0; p < out.length; p++) {
                out[p] = (float) Math.clamp(out[p] + noiseSigma * random.nextGaussian(), 0.0, 1.0);
            }
        }
        return out;
    }
}
