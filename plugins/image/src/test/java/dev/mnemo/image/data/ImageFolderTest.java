package dev.mnemo.image.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {
    @TempDir
    Path dir;

    @Test
    void readsOneClassPerSubfolderInSortedOrder() throws IOException {
        png("sandal/b.png", 0.2f, 4, 4);
        png("sandal/a.PNG", 0.4f, 4, 4);
        png("boot/nested/c.png", 0.6f, 8, 8);             // another size: resized
        png("boot/.hidden.png", 1, 4, 4);
        png(".trash/d.png", 1, 4, 4);
        Files.writeString(dir.resolve("boot/notes.txt"), "not an image");
        png("top.png", 1, 4, 4);

        ImageSet set = ImageFolder.read(dir, 1, 4, 4);

        assertEquals(List.of("boot", "sandal"), set.classes());
        assertArrayEquals(new int[] {0, 1, 1}, set.labels());
        assertEquals(List.of(Path.of("boot/nested/c.png").toString(), "sandal/a.PNG", "sandal/b.png"), set.sources());
        assertArrayEquals(filled(16, 0.6f), set.pixels()[0], 1e-6f);
        assertArrayEquals(filled(16, 0.4f), set.pixels()[1], 1e-6f);
        assertEquals(3, ImageFolder.read(dir, 3, 2, 2).pixels()[2].length / 4);
    }

    @Test
    void inspectionFindsTheCommonSizeAndColour() throws IOException {
        png("a/1.png", 0.5f, 6, 5);
        png("a/2.png", 0.5f, 6, 5);
        png("b/3.png", 0.5f, 9, 9);
        assertEquals(new ImageFolder.Inspection(1, 6, 5, 3), ImageFolder.inspect(dir));

        float[] red = new float[3 * 9 * 9];
        Arrays.fill(red, 0, 81, 1f);
        ImageFiles.writePng(red, 3, 9, 9, dir.resolve("b/4.png"));
        ImageFiles.writePng(red, 3, 9, 9, dir.resolve("b/5.png"));
        assertEquals(new ImageFolder.Inspection(3, 9, 9, 5), ImageFolder.inspect(dir));
    }

    @Test
    void aFileIsNotAFolder() throws IOException {
        Path file = png("x.png", 0, 2, 2);
        assertMessage(file + ": is not a folder; give a folder with one subfolder of images per class",
                () -> ImageFolder.read(file, 1, 2, 2));
    }

    @Test
    void needsTwoClassFolders() throws IOException {
        assertMessage(dir + ": has 0 class folder(s) []; a classifier needs at least 2, one subfolder of images per class",
                () -> ImageFolder.read(dir, 1, 2, 2));
        png("only/a.png", 0, 2, 2);
        assertMessage(dir + ": has 1 class folder(s) [only]; a classifier needs at least 2, one subfolder of images per class",
                () -> ImageFolder.inspect(dir));
    }

    @Test
    void aClassFolderNeedsImages() throws IOException {
        png("a/1.png", 0, 2, 2);
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("b/readme.md"), "no images");
        assertMessage(dir.resolve("b") + ": holds no image files; put .png, .jpg, .jpeg, .bmp or .gif files in each "
                + "class folder", () -> ImageFolder.read(dir, 1, 2, 2));
    }

    @Test
    void everyUnreadableFileIsNamedUpToTen() throws IOException {
        png("a/ok.png", 0, 2, 2);
        for (int i = 0; i < 12; i++) {
            Files.createDirectories(dir.resolve("b"));
            Files.writeString(dir.resolve("b/bad%02d.jpg".formatted(i)), "text");
        }
        ImageDataException e = assertThrows(ImageDataException.class, () -> ImageFolder.read(dir, 1, 2, 2));
        String why = " (is not an image javax.imageio can read; use PNG, JPEG, BMP or GIF)";
        StringBuilder named = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            named.append(i == 0 ? "" : "; ").append(Path.of("b", "bad%02d.jpg".formatted(i))).append(why);
        }
        assertEquals(dir + ": 12 image file(s) cannot be read: " + named + "; and 2 more; fix or remove them", e.getMessage());
    }

    private Path png(String name, float value, int height, int width) throws IOException {
        Path file = dir.resolve(name);
        ImageFiles.writePng(filled(height * width, value), 1, height, width, file);
        return file;
    }

    private static float[] filled(int n, float value) {
        float[] values = new float[n];
        Arrays.fill(values, value);
        return values;
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable read) {
        assertEquals(expected, assertThrows(ImageDataException.class, read).getMessage());
    }
}
