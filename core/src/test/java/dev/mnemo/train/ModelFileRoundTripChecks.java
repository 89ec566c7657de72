package dev.mnemo.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.io.SafeTensors;
import dev.mnemo.kernel.KernelBackend;
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
}
