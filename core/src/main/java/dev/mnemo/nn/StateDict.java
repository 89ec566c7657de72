package dev.mnemo.nn;

import dev.mnemo.io.InvalidModelFileException;
import dev.mnemo.io.SafeTensors;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Loads PyTorch weights into a built layer or model. A state_dict saved with
 * {@code safetensors.torch.save_file(module.state_dict(), path)} uses keys such as
 * {@code rnn.weight_ih_l0}; Mnemo layers name their parameters the PyTorch way
 * ({@code weight_ih_l0}, {@code weight}, {@code bias}, each behind its layer's name):
 *
 * <pre>{@code
 * StateDict.load(lstm, Path.of("rnn.safetensors"), "rnn.");   // one layer: torch's self.rnn = nn.LSTM(...)
 * StateDict.loadModel(model, Path.of("model.safetensors"));    // a whole model whose layers are named as
 *                                                              // torch's attributes (embedding, lstm, fc)
 * }</pre>
 *
 * Layouts match {@code nn.LSTM} (peephole-free: build the LSTM with {@code peepholes(false)}),
 * {@code nn.GRU}, {@code nn.Linear}, {@code nn.Embedding}, {@code nn.Conv2d}, and {@code nn.BatchNorm1d/2d}
 * (weight, bias and the running_mean/running_var buffers; its integer {@code num_batches_tracked} is
 * not read: drop it from the file, or load non-strictly). Strict by default,
 * as {@code load_state_dict(strict=True)}: a parameter with no tensor (missing key) or a tensor
 * that fills no parameter (unexpected key; for one layer, only keys under its prefix count) is an
 * error listing all of them, so a 2-layer LSTM's file never loads silently into a 1-layer LSTM. A
 * tensor of the wrong shape is always an error naming both shapes. The non-strict forms load what
 * matches and return the rest as a {@link Report}.
 */
public final class StateDict {
    private StateDict() {}

    /**
     * What a load left out.
     *
     * @param missing    keys of parameters that the file has no tensor for (they keep their values)
     * @param unexpected keys in the file that fill no parameter
     */
    public record Report(List<String> missing, List<String> unexpected) {
        public Report {
            missing = List.copyOf(missing);
            unexpected = List.copyOf(unexpected);
        }
    }

    /** Fills each parameter {@code <layer>.<local>} of {@code layer} from {@code prefix + local}; strict. */
    public static void load(Layer layer, Path file, String prefix) throws IOException {
        load(layer, file, prefix, true);
    }

    /** As {@link #load(Layer, Path, String)}; with {@code strict} false, loads what matches and reports the rest. */
    public static Report load(Layer layer, Path file, String prefix, boolean strict) throws IOException {
        return fill(layer, file, name -> prefix + name.substring(name.lastIndexOf('.') + 1), prefix, strict);
    }

    /** Fills every parameter of {@code model} from the tensor with its full name ({@code lstm.weight_ih_l0}); strict. */
    public static void loadModel(Layer model, Path file) throws IOException {
        loadModel(model, file, true);
    }

    /** As {@link #loadModel(Layer, Path)}; with {@code strict} false, loads what matches and reports the rest. */
    public static Report loadModel(Layer model, Path file, boolean strict) throws IOException {
        return fill(model, file, Function.identity(), "", strict);
    }

    private static Report fill(Layer layer, Path file, Function<String, String> keyOf, String scopePrefix, boolean strict)
            throws IOException {
        if (!layer.isBuilt()) {
            throw new IllegalStateException("layer '" + layer.name() + "' must be built before loading weights into it");
        }
        try (Scope scope = Scope.open()) {
            Map<String, Tensor> tensors = SafeTensors.read(file, scope).tensors();
            TreeSet<String> unused = new TreeSet<>();
            tensors.keySet().stream().filter(k -> k.startsWith(scopePrefix)).forEach(unused::add);
            List<String> missing = new ArrayList<>();
            Map<String, Tensor> found = new LinkedHashMap<>();
            for (Map.Entry<String, Tensor> entry : layer.state().entrySet()) {
                String key = keyOf.apply(entry.getKey());
                Tensor t = tensors.get(key);
                if (t == null) {
                    missing.add(key);
                    continue;
                }
                if (!t.hasShape(entry.getValue().shape())) {
                    throw new InvalidModelFileException(file, "tensor '" + key + "' has shape " + Arrays.toString(t.shape())
                            + " but " + entry.getKey() + " is " + Arrays.toString(entry.getValue().shape()));
                }
                unused.remove(key);
                found.put(key, entry.getValue());
            }
            Report report = new Report(missing, List.copyOf(unused));
            if (strict && (!missing.isEmpty() || !unused.isEmpty())) {
                throw new InvalidModelFileException(file, "the state_dict does not fit '" + layer.name() + "'"
                        + (missing.isEmpty() ? "" : "; missing key(s): " + missing)
                        + (unused.isEmpty() ? "" : "; unexpected key(s): " + unused)
                        + (missing.isEmpty() ? "" : " (keys present: " + new TreeSet<>(tensors.keySet()) + ")")
                        + "; check the layer sizes and names, or load non-strictly to take what fits");
            }
            found.forEach((key, target) -> target.copyFrom(tensors.get(key)));
            return report;
        }
    }
}
