package dev.mnemo.image.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mnemo.data.Dataset;
import dev.mnemo.data.Field;
import dev.mnemo.data.Sample;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AugmentedImagesTest {
    private static final Augmentation AUGMENTATION = new Augmentation(2, true, 0.05);

    /** Four random 1 x 5 x 10 images, labels 0, 1, 0, 1. */
    private static ImageSet images() {
        Random random = new Random(42);
        float[][] pixels = new float[4][50];
        for (float[] image : pixels) {
            for (int p = 0; p < image.length; p++) {
                image[p] = random.nextFloat();
            }
        }
        return new ImageSet(pixels, new int[] {0, 1, 0, 1}, List.of("a", "b"), 1, 5, 10,
                List.of("0", "1", "2", "3"));
    }

    @Test
    void eachReadOfAnImageIsAnotherVariant() {
        AugmentedImages data = new AugmentedImages(images(), AUGMENTATION, 9);
        float[] first = pixels(data.get(2));
        float[] second = pixels(data.get(2));
        assertFalse(Arrays.equals(first, second));
    }

    @Test
    void freshInstancesWithTheSameSeedAgreeWhateverTheReadOrder() {
        AugmentedImages forward = new AugmentedImages(images(), AUGMENTATION, 9);
        AugmentedImages backward = new AugmentedImages(images(), AUGMENTATION, 9);
        float[][][] seen = new float[2][4][];
        for (int epoch = 0; epoch < 2; epoch++) {
            for (int i = 0; i < 4; i++) {
                seen[epoch][i] = pixels(forward.get(i));
            }
        }
        for (int epoch = 0; epoch < 2; epoch++) {
            for (int i = 3; i >= 0; i--) {
                assertArrayEquals(seen[epoch][i], pixels(backward.get(i)), "epoch " + epoch + ", image " + i);
            }
        }
        assertFalse(Arrays.equals(seen[0][0], pixels(new AugmentedImages(images(), AUGMENTATION, 10).get(0))));
    }

    @Test
    void samplesAreShapedAsDatasetOfImagesMakesThem() {
        ImageSet set = images();
        Sample plain = Dataset.ofImages(set.pixels(), set.labels(), 1, 5, 10).get(3);
        for (Sample ours : List.of(set.toDataset(Normalization.identity(1)).get(3),
                new AugmentedImages(set, AUGMENTATION, 1).get(3))) {
            assertEquals(plain.target(), ours.target());
            assertArrayEquals(((Field.Dense) plain.features()).shape(), ((Field.Dense) ours.features()).shape());
        }
        assertSame(set.pixels()[3], pixels(set.toDataset(Normalization.identity(1)).get(3)));
    }

    @Test
    void normalisationFollowsAugmentation() {
        ImageSet set = images();
        Normalization normalization = new Normalization(new float[] {0.5f}, new float[] {0.25f});
        float[] augmented = pixels(new AugmentedImages(set, AUGMENTATION, 3).get(1));
        float[] normalised = pixels(new AugmentedImages(set, AUGMENTATION, 3, normalization).get(1));
        for (int p = 0; p < augmented.length; p++) {
            assertEquals((augmented[p] - 0.5f) / 0.25f, normalised[p]);
        }
        assertThrows(IllegalArgumentException.class,
                () -> new AugmentedImages(set, AUGMENTATION, 3, Normalization.identity(3)));
    }

    @Test
    void normalisationOfASetHasMeanZeroAndStdOne() {
        ImageSet set = images();
        Normalization normalization = Normalization.of(set);
        Dataset normalised = set.toDataset(normalization);
        double sum = 0;
        double sumOfSquares = 0;
        for (int i = 0; i < normalised.size(); i++) {
            for (float value : pixels(normalised.get(i))) {
                sum += value;
                sumOfSquares += value * value;
            }
        }
        assertEquals(0, sum / 200, 1e-5);
        assertEquals(1, sumOfSquares / 200, 1e-5);
        assertEquals(normalization, new Normalization(normalization.mean(), normalization.std()));
    }

    private static float[] pixels(Sample sample) {
        return ((Field.Dense) sample.features()).values();
    }
}
