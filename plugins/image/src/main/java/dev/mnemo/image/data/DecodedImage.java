package dev.mnemo.image.data;

/**
 * One image as floats in [0, 1]: {@code pixels} is {@code [channels, height, width]}, row-major,
 * channel planes one after the other (gray, or red, green, blue). The array is held, not copied.
 *
 * @param pixels   the planes, {@code channels * height * width} values
 * @param channels 1 (gray) or 3 (RGB)
 * @param height   rows, at least 1
 * @param width    columns, at least 1
 */
public record DecodedImage(float[] pixels, int channels, int height, int width) {
    /** ITU-R BT.601 luma weights of red, green and blue, for gray from RGB. */
    private static final double LUMA_RED = 0.299;
    private static final double LUMA_GREEN = 0.587;
    private static final double LUMA_BLUE = 0.114;

    public DecodedImage {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("an image has 1 (gray) or 3 (RGB) channels, got " + channels);
        }
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("an image is at least 1 x 1, got " + height + " x " + width);
        }
        if (pixels.length != (long) channels * height * width) {
            throw new IllegalArgumentException(pixels.length + " values do not fill [" + channels + ", " + height
                    + ", " + width + "]");
        }
    }

    /**
     * This image with {@code channels} channels: gray from RGB by luma (0.299 R + 0.587 G + 0.114 B),
     * RGB from gray by repeating the plane. {@code this} when it already has them.
     */
    public DecodedImage withChannels(int channels) {
        if (channels == this.channels) {
            return this;
        }
        int plane = height * width;
        float[] converted = new float[channels * plane];
        if (channels == 1) {
            for (int p = 0; p < plane; p++) {
                double luma = LUMA_RED * pixels[p] + LUMA_GREEN * pixels[plane + p] + LUMA_BLUE * pixels[2 * plane + p];
                converted[p] = (float) Math.min(luma, 1.0);
            }
        } else if (channels == 3) {
            for (int c = 0; c < 3; c++) {
                System.arraycopy(pixels, 0, converted, c * plane, plane);
            }
        }
        return new DecodedImage(converted, channels, height, width);
    }

    /**
     * This image resized to {@code height x width}: area interpolation when shrinking, bilinear
     * when enlarging. {@code this} when it already has that size.
     */
    public DecodedImage resized(int height, int width) {
        if (height == this.height && width == this.width) {
            return this;
        }
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("an image is at least 1 x 1, got " + height + " x " + width);
        }
        return new DecodedImage(Resampling.resize(pixels, channels, this.height, this.width, height, width),
                channels, height, width);
    }
}
