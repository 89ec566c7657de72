package dev.mnemo.image.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageSetTest {
    private static ImageSet three() {
        return new ImageSet(new float[][] {{0, 0.5f}, {1, 1}, {0.25f, 0}}, new int[] {0, 1, 1}, List.of("no", "yes"),
                1, 1, 2, List.of("a.png", "b.png", "c.png"));
    }

    @Test
    void subsetAndFirstPickImagesLabelsAndSources() {
        ImageSet set = three();
        ImageSet picked = set.subset(2, 0, 2);
        assertEquals(3, picked.size());
        assertArrayEquals(new int[] {1, 0, 1}, picked.labels());
        assertEquals(List.of("c.png", "a.png", "c.png"), picked.sources());
        assertSame(set.pixels()[2], picked.pixels()[0]);
        assertEquals(List.of("a.png", "b.png"), set.first(2).sources());
        assertEquals(3, set.first(10).size());
    }

    @Test
    void everyInconsistencyIsRefusedNamingTheImage() {
        assertMessage("ImageSet: image 1 (b.png) has the value 1.5; pixels are in [0, 1]",
                () -> new ImageSet(new float[][] {{0, 0}, {1.5f, 0}}, new int[] {0, 1}, List.of("x", "y"), 1, 1, 2,
                        List.of("a.png", "b.png")));
        assertMessage("ImageSet: image 0 (a.png) has the value NaN; pixels are in [0, 1]",
                () -> new ImageSet(new float[][] {{Float.NaN, 0}}, new int[] {0}, List.of("x"), 1, 1, 2, List.of("a.png")));
        assertMessage("ImageSet: image 0 (a.png) has label 2, but there are 2 classes",
                () -> new ImageSet(new float[][] {{0, 0}}, new int[] {2}, List.of("x", "y"), 1, 1, 2, List.of("a.png")));
        assertMessage("ImageSet: image 0 (a.png) has 3 values, not [1, 1, 2]",
                () -> new ImageSet(new float[][] {{0, 0, 0}}, new int[] {0}, List.of("x"), 1, 1, 2, List.of("a.png")));
        assertMessage("ImageSet: needs at least 1 image and as many labels and sources, got 1 images, 2 labels, 1 sources",
                () -> new ImageSet(new float[][] {{0, 0}}, new int[] {0, 0}, List.of("x"), 1, 1, 2, List.of("a.png")));
        assertMessage("ImageSet: class names must be distinct and at least 1, got [x, x]",
                () -> new ImageSet(new float[][] {{0, 0}}, new int[] {0}, List.of("x", "x"), 1, 1, 2, List.of("a.png")));
        assertMessage("ImageSet: images have 1 (gray) or 3 (RGB) channels, got 2",
                () -> new ImageSet(new float[][] {{0, 0}}, new int[] {0}, List.of("x"), 2, 1, 1, List.of("a.png")));
        assertThrows(IllegalArgumentException.class, () -> three().first(0));
    }

    private static void assertMessage(String expected, Runnable build) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, build::run).getMessage());
    }
}
