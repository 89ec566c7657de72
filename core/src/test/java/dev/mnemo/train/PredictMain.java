package dev.mnemo.train;

import dev.mnemo.io.SafeTensors;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.nio.file.Path;
import java.util.Map;

/**
 * Run in a fresh JVM by {@link ModelFileRoundTripChecks}: loads a model file and an input file, writes the
 * predictions. Arguments: model, input (tensor "ids" [B, T]), output path.
 */
public final class PredictMain {
    private PredictMain() {}

    public static void main(String[] args) throws Exception {
        try (Model model = ModelFile.load(Path.of(args[0])); Scope scope = Scope.open()) {
            Tensor ids = SafeTensors.read(Path.of(args[1]), scope).get("ids");
            Tensor out = model.predict(scope, ids, null);
            SafeTensors.write(Path.of(args[2]), Map.of("predictions", out), Map.of());
        }
    }
}
