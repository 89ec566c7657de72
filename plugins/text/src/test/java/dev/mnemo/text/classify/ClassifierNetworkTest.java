package dev.mnemo.text.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mnemo.train.Model;
import dev.mnemo.train.ModelFile;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both poolings build, give one row of logits per text whatever its length, and survive a model file unchanged. */
class ClassifierNetworkTest {
    private static final int[][] TEXTS = {{2, 3, 4, 5, 6}, {7}, {3, 3}};

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"max", "max-mean"})
    void logitsPerTextAndTheSameAfterSaving(String pooling) throws IOException {
        ClassifierSettings settings = new ClassifierSettings("words", true, false, 1, 100, 10, 8, 6, 1, true, pooling, 0.5, 0.0, 2);
        Path file = dir.resolve(pooling + ".safetensors");
        float[][] before;
        try (Model model = Model.of(ClassifierNetwork.build(settings, 10, 3), 5)) {
            model.build(-1);
            before = model.predict(TEXTS);
            ModelFile.save(model, file);
        }
        assertEquals(3, before.length);
        assertEquals(3, before[0].length);
        try (Model loaded = ModelFile.load(file)) {
            float[][] after = loaded.predict(TEXTS);
            for (int i = 0; i < TEXTS.length; i++) {
                assertArrayEquals(before[i], after[i]);
            }
        }
    }

    @Test
    void maxMeanPoolsTwiceAsManyFeatures() {
        ClassifierSettings max = new ClassifierSettings("words", true, false, 1, 100, 10, 8, 6, 1, true, "max", 0.5, 0.0, 2);
        ClassifierSettings both = new ClassifierSettings("words", true, false, 1, 100, 10, 8, 6, 1, true, "max-mean", 0.5, 0.0, 2);
        try (Model a = Model.of(ClassifierNetwork.build(max, 10, 3), 5); Model b = Model.of(ClassifierNetwork.build(both, 10, 3), 5)) {
            a.build(-1);
            b.build(-1);
            // the dense layer reads 2·6 features after max pooling and 2·2·6 after max-mean: 3 x 12 more weights
            assertEquals(3 * 12, b.parameterCount() - a.parameterCount());
        }
    }
}
