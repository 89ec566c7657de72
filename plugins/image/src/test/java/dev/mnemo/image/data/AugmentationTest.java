package dev.mnemo.image.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AugmentationTest {
    /** A 1 x 3 x 4 image whose pixel (y, x) holds (10 y + x + 1) / 100. */
    private static final float[] IMAGE = {
        0.01f, 0.02f, 0.03f, 0.04f,
        0.11f, 0.12f, 0.13f, 0.14f,
        0.21f, 0.22f, 0.23f, 0.24f};

    @Test
    void shiftMovesEveryPixelByTheDrawnAmountAndFillsWithZero() {
        Augmentation shift = new Augmentation(1, false, 0);
        Random drawn = new Random(5);
        int dy = drawn.nextInt(-1, 2);
        int dx = drawn.nextInt(-1, 2);
        float[] shifted = shift.apply(IMAGE, 1, 3, 4, new Random(5));
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 4; x++) {
                int fromY = y - dy;
                int fromX = x - dx;
                float expected = fromY >= 0 && fromY < 3 && fromX >= 0 && fromX < 4 ? IMAGE[fromY * 4 + fromX] : 0;
                assertEquals(expected, shifted[y * 4 + x], "pixel " + y + ", " + x + " for shift " + dy + ", " + dx);
            }
        }
    }

    @Test
    void aShiftOfOneDownAndOneLeftIsExact() {
        // find a seed that draws dy = +1, dx = -1, then check the whole image
        long seed = 0;
        while (true) {
            Random random = new Random(seed);
            if (random.nextInt(-1, 2) == 1 && random.nextInt(-1, 2) == -1) {
                break;
            }
            seed++;
        }
        float[] shifted = new Augmentation(1, false, 0).apply(IMAGE, 1, 3, 4, new Random(seed));
        assertArrayEquals(new float[] {
            0, 0, 0, 0,
            0.02f, 0.03f, 0.04f, 0,
            0.12f, 0.13f, 0.14f, 0}, shifted);
    }

    @Test
    void flipMirrorsEachRowOfEachChannel() {
        float[] twoChannels = new float[24];
        System.arraycopy(IMAGE, 0, twoChannels, 0, 12);
        System.arraycopy(IMAGE, 0, twoChannels, 12, 12);
        Augmentation flip = new Augmentation(0, true, 0);
        long seed = new Random(1).nextBoolean() ? 1 : 2;            // a seed whose first boolean is true
        assertTrue(new Random(seed).nextBoolean());
        float[] mirrored = flip.apply(twoChannels, 2, 3, 4, new Random(seed));
        float[] row = {0.14f, 0.13f, 0.12f, 0.11f};
        assertArrayEquals(row, Arrays.copyOfRange(mirrored, 4, 8));
        assertArrayEquals(row, Arrays.copyOfRange(mirrored, 16, 20));

        int flipped = 0;
        Random random = new Random(3);
        for (int i = 0; i < 1000; i++) {
            flipped += flip.apply(IMAGE, 1, 3, 4, random)[0] == 0.04f ? 1 : 0;
        }
        assertTrue(flipped > 440 && flipped < 560, "about half flipped: " + flipped);
    }

    @Test
    void noiseHasTheGivenSigmaAndStaysInZeroOne() {
        float[] gray = new float[100_000];
        Arrays.fill(gray, 0.5f);
        float[] noisy = new Augmentation(0, false, 0.1).apply(gray, 1, 100, 1000, new Random(7));
        double sum = 0;
        double sumOfSquares = 0;
        for (float value : noisy) {
            sum += value - 0.5;
            sumOfSquares += (value - 0.5) * (value - 0.5);
        }
        assertEquals(0, sum / noisy.length, 0.002);
        assertEquals(0.1, Math.sqrt(sumOfSquares / noisy.length), 0.002);

        float[] clipped = new Augmentation(0, false, 5).apply(gray, 1, 100, 1000, new Random(7));
        for (float value : clipped) {
            assertTrue(value >= 0 && value <= 1, "clipped: " + value);
        }
    }

    @Test
    void theSameSeedGivesTheSameImageAndTheInputIsUntouched() {
        Augmentation all = new Augmentation(2, true, 0.05);
        float[] original = IMAGE.clone();
        float[] first = all.apply(IMAGE, 1, 3, 4, new Random(11));
        assertArrayEquals(first, all.apply(IMAGE, 1, 3, 4, new Random(11)));
        assertFalse(Arrays.equals(first, all.apply(IMAGE, 1, 3, 4, new Random(12))));
        assertArrayEquals(original, IMAGE);
    }

    @Test
    void noneCopies() {
        float[] copy = Augmentation.none().apply(IMAGE, 1, 3, 4, new Random(0));
        assertArrayEquals(IMAGE, copy);
        assertNotSame(IMAGE, copy);
        assertTrue(Augmentation.none().isNone());
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(-1, false, 0));
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(0, false, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Augmentation.none().apply(IMAGE, 1, 4, 4, new Random(0)));
    }
}
