package dev.mnemo.image.data;

import dev.mnemo.io.AtomicFiles;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Image files (PNG, JPEG, BMP, GIF: what {@code javax.imageio} reads) to and from
 * {@code [C, H, W]} floats in [0, 1].
 *
 * <p>Reading composites transparent pixels on white, reads gray files' samples as they are
 * stored (8 or 16 bits, no colour-space conversion), and RGB ones as sRGB with 8 bits per
 * channel. Writing rounds each value to the nearest of 256 levels, so an image of
 * {@code k / 255} values survives a write and a read exactly.
 */
public final class ImageFiles {
    /** The largest image decoded, in pixels (64 megapixels, 8192 x 8192), so a bogus header cannot exhaust memory. */
    public static final long MAX_PIXELS = 1L << 26;

    private ImageFiles() {}

    /**
     * The image in {@code file} as {@code [channels, height, width]} floats in [0, 1]: converted to
     * gray (by luma) or RGB (by repeating gray), then resized (area when shrinking, bilinear when
     * enlarging), as {@link DecodedImage#withChannels} and {@link DecodedImage#resized} do.
     *
     * @param channels 1 (gray) or 3 (RGB)
     * @throws ImageDataException if the file is missing, is not an image {@code javax.imageio}
     *                            reads, is damaged, or is larger than {@link #MAX_PIXELS}
     */
    public static float[] read(Path file, int channels, int height, int width) throws ImageDataException {
        return readNative(file).withChannels(channels).resized(height, width).pixels();
    }

    /**
     * The image in {@code file} at its own size, with 1 channel when every pixel is gray (red,
     * green and blue equal, whatever the file's colour model), else 3.
     *
     * @throws ImageDataException as {@link #read} does
     */
    public static DecodedImage readNative(Path file) throws ImageDataException {
        BufferedImage image = decode(file);
        ColorModel model = image.getColorModel();
        if (model.getColorSpace().getType() == ColorSpace.TYPE_GRAY && !(model instanceof IndexColorModel)) {
            return grayPlane(image);
        }
        return rgbPlanes(image);
    }

    private static BufferedImage decode(Path file) throws ImageDataException {
        try (InputStream in = Files.newInputStream(file)) {
            ImageInputStream stream = new MemoryCacheImageInputStream(in);
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                throw new ImageDataException(file, "is not an image javax.imageio can read; use PNG, JPEG, BMP or GIF");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new ImageDataException(file, "is " + reader.getWidth(0) + " x " + reader.getHeight(0)
                            + " pixels, more than the " + MAX_PIXELS + " this reader decodes; shrink it first");
                }
                return reader.read(0);
            } catch (ImageDataException e) {
                throw e;
            } catch (IOException | RuntimeException e) {   // decoders throw unchecked exceptions on damaged files
                throw new ImageDataException(file, "cannot be decoded as " + reader.getFormatName() + " (" + e
                        + "); the file is damaged or not really a " + reader.getFormatName(), e);
            } finally {
                reader.dispose();
            }
        } catch (NoSuchFileException e) {
            throw new ImageDataException(file, "does not exist");
        } catch (ImageDataException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageDataException(file, "cannot be read (" + e + ")", e);
        }
    }

    /** A gray image, from its raster's samples (band 0 gray, band 1 alpha if any). */
    private static DecodedImage grayPlane(BufferedImage image) {
        int height = image.getHeight();
        int width = image.getWidth();
        Raster raster = image.getRaster();
        ColorModel model = image.getColorModel();
        float max = (1 << model.getComponentSize(0)) - 1;
        float alphaMax = model.hasAlpha() ? (1 << model.getComponentSize(1)) - 1 : 1;
        float[] gray = new float[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float value = raster.getSample(x, y, 0) / max;
                gray[y * width + x] = model.hasAlpha() ? onWhite(value, raster.getSample(x, y, 1) / alphaMax) : value;
            }
        }
        return new DecodedImage(gray, 1, height, width);
    }

    /** Any other image, through its sRGB values; one plane when all pixels are gray. */
    private static DecodedImage rgbPlanes(BufferedImage image) {
        int height = image.getHeight();
        int width = image.getWidth();
        int plane = height * width;
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        float[] rgb = new float[3 * plane];
        boolean colour = false;
        for (int p = 0; p < plane; p++) {
            float alpha = (argb[p] >>> 24) / 255f;
            for (int c = 0; c < 3; c++) {
                float value = (argb[p] >> (16 - 8 * c) & 0xFF) / 255f;
                rgb[c * plane + p] = alpha < 1 ? onWhite(value, alpha) : value;
            }
            colour |= rgb[p] != rgb[plane + p] || rgb[p] != rgb[2 * plane + p];
        }
        return colour ? new DecodedImage(rgb, 3, height, width)
                : new DecodedImage(Arrays.copyOf(rgb, plane), 1, height, width);
    }

    /** {@code value} with opacity {@code alpha} over white. */
    private static float onWhite(float value, float alpha) {
        return value * alpha + (1 - alpha);
    }

    /**
     * Writes {@code chw} {@code [channels, height, width]} as an 8-bit PNG, as
     * {@link #writePng(DecodedImage, Path)} does.
     *
     * @param channels 1 (gray) or 3 (RGB)
     * @throws IOException if the file cannot be written
     */
    public static void writePng(float[] chw, int channels, int height, int width, Path out) throws IOException {
        writePng(new DecodedImage(chw, channels, height, width), out);
    }

    /**
     * Writes {@code decoded} as an 8-bit PNG (gray or RGB), each value clamped to [0, 1] (NaN as 0)
     * and rounded to the nearest of 256 levels; atomically, so a reader sees the old file or the
     * new one, never half of one.
     *
     * @throws IOException if the file cannot be written
     */
    public static void writePng(DecodedImage decoded, Path out) throws IOException {
        float[] chw = decoded.pixels();
        int channels = decoded.channels();
        int height = decoded.height();
        int width = decoded.width();
        BufferedImage image = new BufferedImage(width, height,
                channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        WritableRaster raster = image.getRaster();      // bands in R, G, B order whatever the byte layout
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    raster.setSample(x, y, c, toByte(chw[(c * height + y) * width + x]));
                }
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(png)) {
            ImageIO.write(image, "png", stream);
        }
        AtomicFiles.write(out, channel -> {
            ByteBuffer bytes = ByteBuffer.wrap(png.toByteArray());
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        });
    }

    /** {@code value} clamped to [0, 1] (NaN as 0) and rounded to 0..255. */
    static int toByte(float value) {
        float clamped = value >= 0 ? Math.min(value, 1f) : 0f;
        return Math.round(clamped * 255);
    }
}
