package dev.mnemo.image.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {
    @TempDir
    Path dir;

    @Test
    void grayAndRgbPngsRoundTripExactlyAt8Bits() throws IOException {
        float[] gray = levels(1 * 5 * 7, 0);
        ImageFiles.writePng(gray, 1, 5, 7, dir.resolve("gray.png"));
        assertArrayEquals(gray, ImageFiles.read(dir.resolve("gray.png"), 1, 5, 7));
        DecodedImage native1 = ImageFiles.readNative(dir.resolve("gray.png"));
        assertEquals(List.of(1, 5, 7), List.of(native1.channels(), native1.height(), native1.width()));

        float[] rgb = levels(3 * 4 * 6, 40);
        ImageFiles.writePng(rgb, 3, 4, 6, dir.resolve("rgb.png"));
        assertArrayEquals(rgb, ImageFiles.read(dir.resolve("rgb.png"), 3, 4, 6));
        assertEquals(3, ImageFiles.readNative(dir.resolve("rgb.png")).channels());
    }

    /** {@code n} values {@code k / 255}, {@code k = (first + 37 i) mod 256}: all of 0..255 over 256 values. */
    private static float[] levels(int n, int first) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (first + 37 * i) % 256 / 255f;
        }
        return values;
    }

    @Test
    void writingClampsAndRoundsTo8Bits() throws IOException {
        ImageFiles.writePng(new float[] {-0.5f, 1.7f, Float.NaN, 0.5f, 0.499f / 255}, 1, 1, 5, dir.resolve("c.png"));
        assertArrayEquals(new float[] {0, 1, 0, 128 / 255f, 0}, ImageFiles.read(dir.resolve("c.png"), 1, 1, 5));
    }

    @Test
    void grayFromRgbIsLumaAndRgbFromGrayRepeats() throws IOException {
        // one pure red, one pure green, one pure blue, one white pixel
        float[] rgb = {1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1};
        ImageFiles.writePng(rgb, 3, 1, 4, dir.resolve("rgb.png"));
        float[] gray = ImageFiles.read(dir.resolve("rgb.png"), 1, 1, 4);
        assertArrayEquals(new float[] {0.299f, 0.587f, 0.114f, 1f}, gray, 1e-6f);

        ImageFiles.writePng(new float[] {0.2f, 0.6f}, 1, 1, 2, dir.resolve("gray.png"));
        assertArrayEquals(new float[] {0.2f, 0.6f, 0.2f, 0.6f, 0.2f, 0.6f},
                ImageFiles.read(dir.resolve("gray.png"), 3, 1, 2));
    }

    @Test
    void anRgbFileOfGrayPixelsReadsNativelyAsOneChannel() throws IOException {
        ImageFiles.writePng(new float[] {0.2f, 0.6f, 0.2f, 0.6f, 0.2f, 0.6f}, 3, 1, 2, dir.resolve("grayish.png"));
        DecodedImage image = ImageFiles.readNative(dir.resolve("grayish.png"));
        assertEquals(1, image.channels());
        assertArrayEquals(new float[] {51 / 255f, 153 / 255f}, image.pixels());
    }

    @Test
    void shrinkingAveragesTheCoveredPixels() throws IOException {
        // 4 x 4 in 2 x 2 blocks of 0, 1/255 x (60, 120, 255); shrunk to 2 x 2 each block is its mean
        float[] pattern = new float[16];
        int[][] blocks = {{0, 60}, {120, 255}};
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                pattern[y * 4 + x] = blocks[y / 2][x / 2] / 255f;
            }
        }
        ImageFiles.writePng(pattern, 1, 4, 4, dir.resolve("blocks.png"));
        assertArrayEquals(new float[] {0, 60 / 255f, 120 / 255f, 1}, ImageFiles.read(dir.resolve("blocks.png"), 1, 2, 2), 1e-6f);

        // a stripe pattern 0, 1, 0, 1, 0, 1 shrunk from width 6 to 4: each target pixel covers 1.5 sources
        float[] stripes = {0, 1, 0, 1, 0, 1};
        assertArrayEquals(new float[] {1 / 3f, 1 / 3f, 2 / 3f, 2 / 3f},
                new DecodedImage(stripes, 1, 1, 6).resized(1, 4).pixels(), 1e-6f);
    }

    @Test
    void enlargingInterpolatesBetweenPixelCentres() {
        // 1 x 2 -> 1 x 4: centres at 0.25 and 0.75 of a source pixel; edges clamped
        float[] enlarged = new DecodedImage(new float[] {0, 1}, 1, 1, 2).resized(2, 4).pixels();
        assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1, 0, 0.25f, 0.75f, 1}, enlarged, 1e-6f);
        assertArrayEquals(new float[] {0.4f, 0.4f, 0.4f}, new DecodedImage(new float[] {0.4f}, 1, 1, 1).resized(1, 3).pixels());
    }

    @Test
    void transparencyIsCompositedOnWhite() throws IOException {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0x00000000);                     // fully transparent black
        image.setRGB(1, 0, 0x80FF0000);                     // half-transparent red (alpha 128)
        Path file = dir.resolve("alpha.png");
        ImageIO.write(image, "png", file.toFile());
        float alpha = 128 / 255f;
        float[] expected = {1, 1, 1, 1 - alpha, 1, 1 - alpha};  // red, green, blue planes
        assertArrayEquals(expected, ImageFiles.read(file, 3, 1, 2), 1e-6f);
    }

    @Test
    void jpegBmpAndGifAreRead() throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                image.setRGB(x, y, x < 4 ? 0x000000 : 0xFFFFFF);
            }
        }
        for (String format : new String[] {"jpg", "bmp", "gif"}) {
            Path file = dir.resolve("image." + format);
            assertTrue(ImageIO.write(image, format, file.toFile()), format);
            float[] pixels = ImageFiles.read(file, 1, 8, 8);
            assertEquals(0f, pixels[0], 0.05f, format);
            assertEquals(1f, pixels[7], 0.05f, format);
        }
    }

    @Test
    void filesThatAreNotImagesAreNamed() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.png"), "just text");
        ImageDataException e = assertThrows(ImageDataException.class, () -> ImageFiles.read(text, 1, 8, 8));
        assertEquals(text + ": is not an image javax.imageio can read; use PNG, JPEG, BMP or GIF", e.getMessage());

        Path missing = dir.resolve("missing.png");
        e = assertThrows(ImageDataException.class, () -> ImageFiles.read(missing, 1, 8, 8));
        assertEquals(missing + ": does not exist", e.getMessage());

        ImageFiles.writePng(new float[64], 1, 8, 8, dir.resolve("whole.png"));
        byte[] png = Files.readAllBytes(dir.resolve("whole.png"));
        Path damaged = Files.write(dir.resolve("damaged.png"), Arrays.copyOf(png, 40));
        e = assertThrows(ImageDataException.class, () -> ImageFiles.read(damaged, 1, 8, 8));
        assertTrue(e.getMessage().startsWith(damaged + ": cannot be decoded as png ("), e.getMessage());
    }

    @Test
    void aHeaderClaimingHugeDimensionsIsRefusedBeforeDecoding() throws IOException {
        // a PNG signature and an IHDR chunk for a 10000 x 10000 8-bit gray image, nothing else
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(10000).putInt(10000).put(new byte[] {8, 0, 0, 0, 0});
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10})
                .putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        Path file = Files.write(dir.resolve("huge.png"), png.array());
        ImageDataException e = assertThrows(ImageDataException.class, () -> ImageFiles.readNative(file));
        assertEquals(file + ": is 10000 x 10000 pixels, more than the 67108864 this reader decodes; shrink it first",
                e.getMessage());
    }

    @Test
    void writingLeavesNoTemporaryFile() throws IOException {
        ImageFiles.writePng(new float[4], 1, 2, 2, dir.resolve("out/a.png"));
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            assertEquals(List.of(dir.resolve("out/a.png")), files.toList());
        }
    }
}
