package dev.mnemo.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.data.DataLoader;
import dev.mnemo.data.Dataset;
import dev.mnemo.io.InvalidModelFileException;
import dev.mnemo.io.SafeTensors;
import dev.mnemo.kernel.reference.ReferenceBackend;
import dev.mnemo.nn.Dense;
import dev.mnemo.nn.Embedding;
import dev.mnemo.nn.LSTM;
import dev.mnemo.nn.Sequential;
import dev.mnemo.optim.Optimizer;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Save → load gives bit-identical predictions, in this JVM and in a fresh one; bad files are named. */
class ModelFileTest {
    @TempDir
    Path dir;

    private static final float[] IDS = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 0, 8, 9, 7, 9, 0, 0, 2, 0, 0, 0, 0, 0};

    /** A trained text-like classifier: embedding (masked), bidirectional peephole LSTM, dense head. */
    private static Model trainedModel() {
        Model model = Model.of(Sequential.of(Embedding.masked(10, 4),
                LSTM.builder().units(5).bidirectional(true).build(), Dense.of(3)), 9);
        model.useKernels(new ReferenceBackend()).build(-1);
        model.compile(Optimizer.adam(0.05).build(), Losses.sparseCategoricalCrossEntropy(), Metrics.accuracy());
        int[][] sequences = {{3, 1, 4}, {1, 5, 9, 2}, {6, 5}, {3, 5, 8, 9, 7}, {9}, {2, 6, 5}};
        Dataset data = Dataset.ofSequences(sequences, new int[] {0, 1, 2, 0, 1, 2});
        model.fit(DataLoader.builder(data).batchSize(3).build()).epochs(2).run();
        return model;
    }

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
        try (Model model = trainedModel(); Scope scope = Scope.open()) {
            Tensor ids = scope.of(IDS, 4, 6);
            int[] expected = bits(model.predict(scope, ids, null));
            ModelFile.save(model, file);
            SafeTensors.write(input, Map.of("ids", ids), Map.of());
            try (Model loaded = ModelFile.load(file)) {
                loaded.useKernels(new ReferenceBackend());
                assertArrayEquals(expected, bits(loaded.predict(scope, ids, null)), "same JVM");
                assertEquals(model.network().config(), loaded.network().config());
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-Dmnemo.backend=reference", "-cp", System.getProperty("java.class.path"),
                    PredictMain.class.getName(), file.toString(), input.toString(), output.toString())
                    .redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "forked JVM finished");
            assertEquals(0, p.exitValue(), "forked JVM failed: " + log);
            assertArrayEquals(expected, bits(SafeTensors.read(output, scope).get("predictions")), "fresh JVM");
        }
    }

    @Test
    void wrongMissingAndExtraTensorsAreNamed() throws Exception {
        Path good = dir.resolve("good.safetensors");
        try (Model model = trainedModel(); Scope scope = Scope.open()) {
            ModelFile.save(model, good);
            SafeTensors.Contents contents = SafeTensors.read(good, scope);

            Map<String, Tensor> wrongShape = new LinkedHashMap<>(contents.tensors());
            wrongShape.put("dense.bias", scope.zeros(4));
            assertProblem(write("shape", wrongShape, contents.metadata()), "'dense.bias'", "[4]", "needs [3]");

            Map<String, Tensor> missing = new LinkedHashMap<>(contents.tensors());
            missing.remove("lstm.weight_hh_l0_reverse");
            assertProblem(write("missing", missing, contents.metadata()), "'lstm.weight_hh_l0_reverse' is missing");

            Map<String, Tensor> extra = new LinkedHashMap<>(contents.tensors());
            extra.put("stray", scope.zeros(2));
            assertProblem(write("extra", extra, contents.metadata()), "[stray]", "belong to no parameter");

            assertProblem(write("plain", contents.tensors(), Map.of()), "no Mnemo architecture", "StateDict.load");
        }
    }

    @Test
    void aCheckpointWithOptimizerStateResumesWithTheSameNumbers() throws Exception {
        int[][] sequences = {{3, 1, 4}, {1, 5, 9, 2}, {6, 5}, {3, 5, 8, 9, 7}, {9}, {2, 6, 5}};
        DataLoader data = DataLoader.builder(Dataset.ofSequences(sequences, new int[] {0, 1, 2, 0, 1, 2})).batchSize(3).build();
        Path checkpoint = dir.resolve("checkpoint.safetensors");
        Map<String, float[]> uninterrupted;
        try (Model model = trainedModel()) {             // 2 epochs of Adam
            ModelFile.save(model, checkpoint);
            model.fit(data).epochs(1).run();                           // a third epoch, uninterrupted
            uninterrupted = model.weights();
        }
        try (Model resumed = ModelFile.load(checkpoint)) {
            resumed.useKernels(new ReferenceBackend());
            resumed.compile(Optimizer.adam(0.05).build(), Losses.sparseCategoricalCrossEntropy());
            ModelFile.restoreOptimizer(resumed, checkpoint);
            assertEquals(4, resumed.optimizer().iterations(), "2 epochs of 2 batches");
            resumed.fit(data).epochs(1).run();
            uninterrupted.forEach((name, w) -> assertArrayEquals(w, resumed.weights().get(name), name + " after resuming"));
        }
    }

    @Test
    void atomicSaveLeavesNoTemporaryFiles() throws Exception {
        Path file = dir.resolve("m.safetensors");
        try (Model model = trainedModel()) {
            ModelFile.save(model, file);
            ModelFile.save(model, file);
        }
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList());
        }
    }

    private Path write(String name, Map<String, Tensor> tensors, Map<String, String> meta) throws Exception {
        Path p = dir.resolve(name + ".safetensors");
        SafeTensors.write(p, tensors, meta);
        return p;
    }

    private static void assertProblem(Path file, String... fragments) {
        InvalidModelFileException e = assertThrows(InvalidModelFileException.class, () -> ModelFile.load(file));
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "expected '" + f + "' in: " + e.getMessage());
        }
    }
}
