package dev.mnemo.image.denoise;

/**
 * Peak signal-to-noise ratio of an image against its clean original, pixels in [0, 1]:
 * <pre>
 *   PSNR = 10 · log10(1 / MSE)  dB,     MSE = (1/n) Σ (x_i − y_i)²
 * </pre>
 * capped at 100 dB for identical images, so an average stays finite.
 */
final class Psnr {
    /** The figure for identical images. */
    static final double CAP_DB = 100;

    private Psnr() {}

    static double decibels(float[] image, float[] clean) {
        if (image.length != clean.length) {
            throw new IllegalArgumentException("PSNR of images of " + image.length + " and " + clean.length + " values");
        }
        double squares = 0;
        for (int i = 0; i < image.length; i++) {
            double d = image[i] - clean[i];
            squares += d * d;
        }
        double mse = squares / image.length;
        return mse == 0 ? CAP_DB : Math.min(CAP_DB, 10 * Math.log10(1 / mse));
    }
}
