package dev.mnemo.image.data;

import java.util.Arrays;

/**
 * Per-channel standardisation of {@code [C, H, W]} images: {@code (x - mean[c]) / std[c]}, as
 * torchvision's {@code Normalize(mean, std)}.
 *
 * @param mean {@code [C]}, finite
 * @param std  {@code [C]}, finite and positive
 */
public record Normalization(float[] mean, float[] std) {
    public Normalization {
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("Normalization: mean and std need one value per channel, got "
                    + Arrays.toString(mean) + " and " + Arrays.toString(std));
        }
        for (int c = 0; c < mean.length; c++) {
            if (!Float.isFinite(mean[c]) || !(std[c] > 0) || !Float.isFinite(std[c])) {
                throw new IllegalArgumentException("Normalization: channel " + c + " has mean " + mean[c] + " and std "
                        + std[c] + "; the mean must be finite and the std finite and positive");
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** The normalisation that changes nothing: mean 0 and std 1 for each of {@code channels}. */
    public static Normalization identity(int channels) {
        float[] ones = new float[channels];
        Arrays.fill(ones, 1f);
        return new Normalization(new float[channels], ones);
    }

    /**
     * The mean and (population) standard deviation of each channel over every pixel of
     * {@code images}; a channel that is constant everywhere gets std 1.
     */
    public static Normalization of(ImageSet images) {
        int channels = images.channels();
        int plane = images.height() * images.width();
        double[] sum = new double[channels];
        double[] sumOfSquares = new double[channels];
        for (float[] image : images.pixels()) {
            for (int c = 0; c < channels; c++) {
                for (int p = c * plane; p < (c + 1) * plane; p++) {
                    sum[c] += image[p];
                    sumOfSquares[c] += (double) image[p] * image[p];
                }
            }
        }
        double count = (double) images.size() * plane;
        float[] mean = new float[channels];
        float[] std = new float[channels];
        for (int c = 0; c < channels; c++) {
            double average = sum[c] / count;
            double deviation = Math.sqrt(Math.max(0, sumOfSquares[c] / count - average * average));
            mean[c] = (float) average;
            std[c] = deviation > 1e-6 ? (float) deviation : 1f;
        }
        return new Normalization(mean, std);
    }

    /** The mean of each channel, a copy. */
    @Override
    public float[] mean() {
        return mean.clone();
    }

    /** The standard deviation of each channel, a copy. */
    @Override
    public float[] std() {
        return std.clone();
    }

    /** Number of channels, C. */
    public int channels() {
        return mean.length;
    }

    /** Whether this is {@link #identity}: every mean 0 and every std 1. */
    public boolean isIdentity() {
        for (int c = 0; c < mean.length; c++) {
            if (mean[c] != 0 || std[c] != 1) {
                return false;
            }
        }
        return true;
    }

    /** {@code chw} {@code [C, H, W]} normalised, a new array. */
    public float[] apply(float[] chw) {
        if (chw.length % mean.length != 0) {
            throw new IllegalArgumentException("Normalization: " + chw.length + " values do not split into "
                    + mean.length + " channel planes");
        }
        int plane = chw.length / mean.length;
        float[] normalised = new float[chw.length];
        for (int p = 0; p < chw.length; p++) {
            int c = p / plane;
            normalised[p] = (chw[p] - mean[c]) / std[c];
        }
        return normalised;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Normalization that && Arrays.equals(mean, that.mean) && Arrays.equals(std, that.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Normalization[mean " + Arrays.toString(mean) + ", std " + Arrays.toString(std) + "]";
    }
}
