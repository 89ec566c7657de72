package dev.mnemo.image.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Debian files ({@link RequiredData#fashionMnist()}: skipped where missing, failing in CI). */
class FashionMnistInstalledTest {
    @BeforeEach
    void requireData() {
        RequiredData.fashionMnist();
    }

    @Test
    void trainingHas60000Images6000PerClass() throws ImageDataException {
        ImageSet train = FashionMnist.train();

        assertEquals(60000, train.size());
        assertEquals(FashionMnist.CLASSES, train.classes());
        assertEquals(1, train.channels());
        assertEquals(28, train.height());
        assertEquals(28, train.width());
        assertArrayEquals(perClass(6000), counts(train.labels()));
        assertEquals(9, train.labels()[0]);                         // the first image is an ankle boot
        assertEquals("Ankle boot", train.classes().get(train.labels()[0]));
        assertEquals("fashion-mnist train #59999", train.sources().get(59999));
        float max = 0;
        for (float value : train.pixels()[0]) {
            max = Math.max(max, value);
        }
        assertEquals(1f, max);                                      // 255 / 255
    }

    @Test
    void testHas10000Images1000PerClass() throws ImageDataException {
        ImageSet test = FashionMnist.test();

        assertEquals(10000, test.size());
        assertArrayEquals(perClass(1000), counts(test.labels()));
        assertEquals(9, test.labels()[0]);
        assertEquals("fashion-mnist test #0", test.sources().get(0));
    }

    private static int[] counts(int[] labels) {
        int[] counts = new int[10];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    private static int[] perClass(int count) {
        int[] counts = new int[10];
        Arrays.fill(counts, count);
        return counts;
    }
}
