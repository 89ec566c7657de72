package dev.mnemo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.io.InvalidModelFileException;
import dev.mnemo.io.SafeTensors;
import dev.mnemo.kernel.reference.ReferenceBackend;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files whatever the backend: a wrong, missing or stray tensor is named, and saving is
 * atomic. The round trips (bit-identical outputs, resuming a checkpoint) run on every backend in
 * {@link ModelFileRoundTripChecks}.
 */
class ModelFileTest {
    @TempDir
    Path dir;

    @Test
    void wrongMissingAndExtraTensorsAreNamed() throws Exception {
        Path good = dir.resolve("good.safetensors");
        try (Model model = TrainedClassifier.make(new ReferenceBackend()); Scope scope = Scope.open()) {
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
    void atomicSaveLeavesNoTemporaryFiles() throws Exception {
        Path file = dir.resolve("m.safetensors");
        try (Model model = TrainedClassifier.make(new ReferenceBackend())) {
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
