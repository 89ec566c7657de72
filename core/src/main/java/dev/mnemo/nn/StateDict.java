package dev.mnemo.nn;

import dev.mnemo.autograd.Parameter;
import dev.mnemo.io.InvalidModelFileException;
import dev.mnemo.io.SafeTensors;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Loads PyTorch weights into a built layer. A state_dict saved with
 * {@code safetensors.torch.save_file(module.state_dict(), path)} uses keys such as
 * {@code rnn.weight_ih_l0}; Mnemo layers name their parameters the PyTorch way
 * ({@code weight_ih_l0}, {@code weight}, {@code bias}), so each parameter {@code <layer>.<local>}
 * is read from {@code <prefix><local>}:
 *
 * <pre>{@code
 * StateDict.load(lstm, Path.of("model.safetensors"), "rnn.");   // torch: self.rnn = nn.LSTM(...)
 * }</pre>
 *
 * Layouts match {@code nn.LSTM} (peephole-free: build the LSTM with {@code peepholes(false)}),
 * {@code nn.GRU}, {@code nn.Linear}, {@code nn.Embedding}, {@code nn.Conv2d}. Every parameter must
 * be present with its shape; the message names the key otherwise.
 */
public final class StateDict {
    private StateDict() {}

    /** Copies {@code prefix + local name} from {@code file} into each parameter of {@code layer}. */
    public static void load(Layer layer, Path file, String prefix) throws IOException {
        if (!layer.isBuilt()) {
            throw new IllegalStateException("layer '" + layer.name() + "' must be built before loading weights into it");
        }
        try (Scope scope = Scope.open()) {
            Map<String, Tensor> tensors = SafeTensors.read(file, scope).tensors();
            for (Parameter p : layer.parameters()) {
                String local = p.name().substring(p.name().lastIndexOf('.') + 1);
                String key = prefix + local;
                Tensor t = tensors.get(key);
                if (t == null) {
                    throw new InvalidModelFileException(file, "no tensor '" + key + "' for parameter " + p.name()
                            + " (keys present: " + tensors.keySet() + ")");
                }
                if (!t.hasShape(p.value().shape())) {
                    throw new InvalidModelFileException(file, "tensor '" + key + "' has shape " + Arrays.toString(t.shape())
                            + " but " + p.name() + " is " + Arrays.toString(p.value().shape()));
                }
                p.value().copyFrom(t);
            }
        }
    }
}
