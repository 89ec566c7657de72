package dev.mnemo.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.data.Dataset;
import dev.mnemo.io.SafeTensors;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.nn.BatchNorm;
import dev.mnemo.nn.Conv2D;
import dev.mnemo.nn.Dense;
import dev.mnemo.nn.Flatten;
import dev.mnemo.nn.Sequential;
import dev.mnemo.optim.Optimizer;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model trained on the backend under test, saved, and loaded again gives bit-identical outputs,
 * in this JVM and in a fresh one; a checkpoint with optimizer state resumes with the same numbers
 * as uninterrupted training. Run on every backend through {@link ModelConformanceSuite}.
 */
public abstract class ModelFileRoundTripChecks {
    /** The backend under test. */
    protected abstract KernelBackend backend();

    @TempDir
    Path dir;

    private static int[] bits(Tensor t) {
        float[] v = t.toArray();
        int[] b = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Float.floatToRawIntBits(v[i]);
        }
        return b;
    }

    @Test
    void saveThenLoadInThisJvmAndAFreshOneGivesBitIdenticalOutputs() throws Exception {
        Path file = dir.resolve("classifier.safetensors");
        Path input = dir.resolve("input.safetensors");
        Path output = dir.resolve("output.safetensors");
        try (Model model = TrainedClassifier.make(backend()); Scope scope = Scope.open()) {
            Tensor ids = scope.of(TrainedClassifier.IDS, 4, 6);
            int[] expected = bits(model.predict(scope, ids, null));
            ModelFile.save(model, file);
            SafeTensors.write(input, Map.of("ids", ids), Map.of());
            try (Model loaded = ModelFile.load(file)) {
                loaded.useKernels(backend());
                assertArrayEquals(expected, bits(loaded.predict(scope, ids, null)), "same JVM");
                assertEquals(model.network().config(), loaded.network().config());
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                    "-Dmnemo.backend=" + backend().name(), "-Dmnemo.threads=" + backend().threads(),
                    "-cp", System.getProperty("java.class.path"),
                    PredictMain.class.getName(), file.toString(), input.toString(), output.toString())
                    .redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "forked JVM finished");
            assertEquals(0, p.exitValue(), "forked JVM failed: " + log);
            assertArrayEquals(expected, bits(SafeTensors.read(output, scope).get("predictions")), "fresh JVM");
        }
    }

    @Test
    void aCheckpointWithOptimizerStateResumesWithTheSameNumbers() throws Exception {
        Path checkpoint = dir.resolve("checkpoint.safetensors");
        Map<String, float[]> uninterrupted;
        try (Model model = TrainedClassifier.make(backend())) {       // 2 epochs of Adam
            ModelFile.save(model, checkpoint);
            model.fit(TrainedClassifier.data()).epochs(1).run();       // a third epoch, uninterrupted
            uninterrupted = model.weights();
        }
        try (Model resumed = ModelFile.load(checkpoint)) {
            resumed.useKernels(backend());
            resumed.compile(Optimizer.adam(0.05).build(), Losses.sparseCategoricalCrossEntropy());
            ModelFile.restoreOptimizer(resumed, checkpoint);
            assertEquals(4, resumed.optimizer().iterations(), "2 epochs of 2 batches");
            resumed.fit(TrainedClassifier.data()).epochs(1).run();
            uninterrupted.forEach((name, w) -> assertArrayEquals(w, resumed.weights().get(name), name + " after resuming"));
        }
    }

    @Test
    void batchNormRunningStatisticsAreSavedAndRestoredWithTheWeights() throws Exception {
        Path file = dir.resolve("cnn.safetensors");
        float[][] pixels = new float[8][2 * 4 * 4];
        java.util.Random random = new java.util.Random(5);
        for (float[] image : pixels) {
            for (int i = 0; i < image.length; i++) {
                image[i] = 3f + 2f * (float) random.nextGaussian();
            }
        }
        try (Model model = Model.of(Sequential.of(Conv2D.builder().filters(3).kernel(3).padding(1).useBias(false).build(),
                BatchNorm.of(), Flatten.of(), Dense.of(2)), 4); Scope scope = Scope.open()) {
            model.useKernels(backend()).build(2, 4, 4);
            model.compile(Optimizer.adam(0.01).build(), Losses.sparseCategoricalCrossEntropy());
            model.fit(Dataset.ofImages(pixels, new int[] {0, 1, 0, 1, 0, 1, 0, 1}, 2, 4, 4)).epochs(2).batchSize(4).run();
            Map<String, Tensor> state = model.state();
            assertEquals(java.util.List.of("conv2d.weight", "batch_norm.weight", "batch_norm.bias", "dense.weight",
                    "dense.bias", "batch_norm.running_mean", "batch_norm.running_var"), java.util.List.copyOf(state.keySet()));
            assertTrue(Math.abs(state.get("batch_norm.running_mean").get(0)) > 0.01f, "4 training steps moved the running mean");
            Tensor x = scope.of(pixels[0], 1, 2, 4, 4);
            int[] expected = bits(model.predict(scope, x, null));
            ModelFile.save(model, file);
            try (Model loaded = ModelFile.load(file)) {
                loaded.useKernels(backend());
                for (String name : state.keySet()) {
                    assertArrayEquals(bits(state.get(name)), bits(loaded.state().get(name)), name);
                }
                assertArrayEquals(expected, bits(loaded.predict(scope, x, null)), "inference uses the restored running statistics");
            }
        }
    }
}
