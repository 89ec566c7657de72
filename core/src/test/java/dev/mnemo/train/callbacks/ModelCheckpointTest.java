package dev.mnemo.train.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.train.Model;
import dev.mnemo.train.ModelFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCheckpointTest {
    @TempDir
    Path dir;

    private static void assertSameWeights(Map<String, float[]> expected, Model actual, String what) {
        Map<String, float[]> weights = actual.weights();
        assertEquals(expected.keySet(), weights.keySet());
        expected.forEach((name, w) -> assertArrayEquals(w, weights.get(name), what + ": " + name));
    }

    private List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void bestOnlyWritesOnlyWhenTheMonitoredValueImprovesWithThatEpochsWeights() throws IOException {
        try (Model model = TinyRegression.model()) {
            ModelCheckpoint checkpoint = ModelCheckpoint.bestOnly(dir.resolve("ckpt/model-{epoch:02d}-{val_loss:.3f}.safetensors"),
                    "val_loss");
            ScriptedContext context = new ScriptedContext(model, 5, OptionalInt.empty());
            double[] valLoss = {0.5, 0.4, 0.45, 0.3, 0.35};
            Map<String, float[]> initial = model.weights();
            List<Map<String, float[]>> weightsAt = new ArrayList<>(Collections.nCopies(valLoss.length, null));
            context.play(new dev.mnemo.train.Callback() {
                @Override
                public void onTrainBegin(dev.mnemo.train.TrainingContext c) {
                    checkpoint.onTrainBegin(c);
                }

                @Override
                public void onEpochEnd(dev.mnemo.train.TrainingContext c, int epoch, Map<String, Double> logs) {
                    Map<String, float[]> w = model.weights();         // different weights each epoch
                    w.values().forEach(a -> a[0] = epoch + 0.5f);
                    model.setWeights(w);
                    weightsAt.set(epoch, w);
                    checkpoint.onEpochEnd(c, epoch, logs);
                }
            }, ScriptedContext.series("val_loss", valLoss));

            assertEquals(List.of("model-01-0.500.safetensors", "model-02-0.400.safetensors", "model-04-0.300.safetensors"),
                    filesIn(dir.resolve("ckpt")));
            assertEquals(3, checkpoint.saves());
            assertEquals(3, checkpoint.bestEpoch());
            assertEquals(dir.resolve("ckpt/model-04-0.300.safetensors"), checkpoint.lastSaved().orElseThrow());
            int[] savedEpochs = {0, 1, 3};
            for (int e : savedEpochs) {
                Path file = dir.resolve(String.format("ckpt/model-%02d-%.3f.safetensors", e + 1, valLoss[e]));
                try (Model loaded = ModelFile.load(file)) {
                    assertSameWeights(weightsAt.get(e), loaded, "checkpoint of epoch " + (e + 1));
                }
            }
            assertFalse(weightsAt.get(1).get("dense.bias")[0] == initial.get("dense.bias")[0]);
        }
    }

    @Test
    void aRealFitKeepsTheBestModelWhichReloadsWithIdenticalWeights() throws IOException {
        int epochs = 12;
        Path best = dir.resolve("best.safetensors");
        Path last = dir.resolve("last.safetensors");
        TinyRegression.Recorder recorder = new TinyRegression.Recorder();
        ModelCheckpoint bestCheckpoint = ModelCheckpoint.bestOnly(best, "val_loss");
        try (Model model = TinyRegression.model()) {
            model.fit(TinyRegression.train()).validationData(TinyRegression.validation()).epochs(epochs).callbacks(recorder, bestCheckpoint, ModelCheckpoint.everyEpoch(last)).run();
            double[] valLoss = recorder.values("val_loss");
            int bestEpoch = 0;
            int improvements = 1;
            for (int e = 1; e < epochs; e++) {
                if (valLoss[e] < valLoss[bestEpoch]) {
                    bestEpoch = e;
                    improvements++;
                }
            }
            assertTrue(bestEpoch > 0 && bestEpoch < epochs - 1, "best epoch " + bestEpoch);
            assertEquals(bestEpoch, bestCheckpoint.bestEpoch());
            assertEquals(improvements, bestCheckpoint.saves());
            try (Model loaded = ModelFile.load(best)) {
                assertSameWeights(recorder.weights.get(bestEpoch), loaded, "best checkpoint");
            }
            try (Model loaded = ModelFile.load(last)) {
                assertSameWeights(model.weights(), loaded, "last checkpoint");
            }
            assertEquals(List.of("best.safetensors", "last.safetensors"), filesIn(dir), "no temporary files are left");
        }
    }

    @Test
    void pathPlaceholdersAreCheckedEarlyAndMissingKeysNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelCheckpoint.everyEpoch(dir.resolve("m-{epoch:.2f}.safetensors")));
        assertTrue(e.getMessage().contains("placeholder {epoch:.2f} has a format that does not fit a whole number"), e.getMessage());
        ModelCheckpoint checkpoint = ModelCheckpoint.everyEpoch(dir.resolve("m-{val_acc:.2f}.safetensors"));
        try (Model model = TinyRegression.model()) {
            ScriptedContext context = new ScriptedContext(model, 2, OptionalInt.empty());
            e = assertThrows(IllegalArgumentException.class,
                    () -> context.play(checkpoint, ScriptedContext.series("val_loss", 0.5)));
            assertTrue(e.getMessage().endsWith("needs 'val_acc' but the epoch logs have only [val_loss]"), e.getMessage());
        }
        ModelCheckpoint bestOnly = ModelCheckpoint.bestOnly(dir.resolve("b.safetensors"), "val_loss");
        e = assertThrows(IllegalArgumentException.class,
                () -> new ScriptedContext(null, 2, OptionalInt.empty()).play(bestOnly, ScriptedContext.series("loss", 0.5)));
        assertTrue(e.getMessage().startsWith("ModelCheckpoint monitors 'val_loss' but the epoch logs have only [loss]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ModelCheckpoint.builder(null).build());
        assertEquals("ModelCheckpoint: file is required", e.getMessage());
    }
}
