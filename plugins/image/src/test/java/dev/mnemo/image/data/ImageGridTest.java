package dev.mnemo.image.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGridTest {
    @TempDir
    Path dir;

    @Test
    void imagesAreEnlargedAndLaidOutWithAGap() throws IOException {
        // three 1 x 2 gray images, 2 to a row, 2 x enlarged: cells 2 x 4 pixels, 2 white pixels apart
        List<float[]> images = List.of(new float[] {0, 0.2f}, new float[] {0.4f, 0.6f}, new float[] {0.8f, 0});
        Path out = dir.resolve("grid.png");
        ImageGrid.writePng(images, 1, 1, 2, 2, 2, out);

        DecodedImage sheet = ImageFiles.readNative(out);
        assertEquals(2 * 2 + 2, sheet.height());
        assertEquals(2 * 4 + 2, sheet.width());
        float w = 1;
        float[] expected = {
            0, 0, 0.2f, 0.2f, w, w, 0.4f, 0.4f, 0.6f, 0.6f,
            0, 0, 0.2f, 0.2f, w, w, 0.4f, 0.4f, 0.6f, 0.6f,
            w, w, w, w, w, w, w, w, w, w,
            w, w, w, w, w, w, w, w, w, w,
            0.8f, 0.8f, 0, 0, w, w, w, w, w, w,
            0.8f, 0.8f, 0, 0, w, w, w, w, w, w};
        assertArrayEquals(expected, sheet.pixels());
    }

    @Test
    void oneRowIsAsWideAsItsImages() throws IOException {
        Path out = dir.resolve("row.png");
        ImageGrid.writePng(List.of(new float[3 * 4], new float[3 * 4]), 3, 2, 2, 8, 3, out);
        DecodedImage sheet = ImageFiles.readNative(out);
        assertEquals(6, sheet.height());
        assertEquals(6 + 2 + 6, sheet.width());
    }

    @Test
    void badArgumentsAreRefused() {
        Path out = dir.resolve("x.png");
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.writePng(List.of(), 1, 2, 2, 1, 1, out));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.writePng(List.of(new float[3]), 1, 2, 2, 1, 1, out));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.writePng(List.of(new float[4]), 1, 2, 2, 0, 1, out));
    }
}
