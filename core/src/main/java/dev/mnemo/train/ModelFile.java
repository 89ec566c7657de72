package dev.mnemo.train;

import dev.mnemo.io.InvalidModelFileException;
import dev.mnemo.io.Json;
import dev.mnemo.io.SafeTensors;
import dev.mnemo.nn.Layer;
import dev.mnemo.nn.Layers;
import dev.mnemo.optim.OptimizerState;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Saves and loads whole models as one safetensors file: the weights as float32 tensors named by
 * parameter ({@code lstm.weight_ih_l0}), the architecture as JSON in the header's
 * {@code __metadata__} ({@code mnemo.architecture}, {@code mnemo.input_shape},
 * {@code mnemo.seed}, {@code mnemo.format_version}). One file means one atomic write: a crash
 * never leaves weights and architecture out of step. PyTorch ({@code safetensors.torch.load_file})
 * reads the weights directly.
 *
 * <p>Loading rebuilds the layers from the architecture, then checks every tensor against the
 * parameter it fills (present, same shape, nothing left over) and names the tensor on mismatch.
 * Saved then loaded, a model gives bit-identical outputs, also in a fresh JVM.
 *
 * <p>A compiled model's file also holds its optimizer state ({@code optimizer/...} tensors and
 * {@code optimizer.*} metadata, see {@link OptimizerState}), so a checkpoint resumes exactly:
 * load, compile with the same optimizer settings, then {@link #restoreOptimizer}.
 */
public final class ModelFile {
    static final String FORMAT_VERSION = "1";
    private static final String OPTIMIZER_TENSORS = "optimizer/";

    private ModelFile() {}

    /** Writes {@code model} (architecture and weights) to {@code file}, atomically. */
    public static void save(Model model, Path file) throws IOException {
        save(model, file, Map.of());
    }

    /**
     * Writes {@code model} with {@code extra} entries in the header's {@code __metadata__} (a
     * task's vocabulary, labels, preprocessing); keys must not start with {@code mnemo.} or
     * {@code optimizer.}, which are the file's own. Read them back with {@link #metadata(Path)}.
     */
    public static void save(Model model, Path file, Map<String, String> extra) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        for (String key : extra.keySet()) {
            if (key.startsWith("mnemo.") || key.startsWith("optimizer.")) {
                throw new IllegalArgumentException("metadata key '" + key + "' is reserved for the model file itself");
            }
        }
        meta.putAll(new TreeMap<>(extra));
        meta.put("mnemo.format_version", FORMAT_VERSION);
        meta.put("mnemo.architecture", Json.write(model.network().config()));
        meta.put("mnemo.input_shape", Json.write(model.inputShape()));
        meta.put("mnemo.seed", Long.toString(model.seed()));
        Map<String, Tensor> tensors = new LinkedHashMap<>(model.state());
        if (model.optimizer() != null) {
            OptimizerState state = model.optimizer().state();
            tensors.putAll(new TreeMap<>(state.tensors()));
            meta.putAll(new TreeMap<>(state.metadata()));
        }
        SafeTensors.write(file, tensors, meta);
    }

    /** The header's {@code __metadata__} of a model file: the architecture entries and any extra ones. */
    public static Map<String, String> metadata(Path file) throws IOException {
        try (Scope scope = Scope.open()) {
            return SafeTensors.read(file, scope).metadata();
        }
    }

    /** Reads a model saved by {@link #save}: built, with its weights, not compiled. */
    @SuppressWarnings("unchecked")
    public static Model load(Path file) throws IOException {
        try (Scope scope = Scope.open()) {
            SafeTensors.Contents contents = SafeTensors.read(file, scope);
            Map<String, String> meta = contents.metadata();
            String version = meta.get("mnemo.format_version");
            if (version == null) {
                throw new InvalidModelFileException(file, "has no Mnemo architecture (no mnemo.* metadata); "
                        + "for plain weights such as a PyTorch state_dict use StateDict.loadModel(model, file) or StateDict.load(layer, file, prefix)");
            }
            if (!version.equals(FORMAT_VERSION)) {
                throw new InvalidModelFileException(file, "format version " + version + " is not supported (this Mnemo reads "
                        + FORMAT_VERSION + ")");
            }
            Layer network;
            int[] inputShape;
            long seed;
            try {
                network = Layers.fromConfig((Map<String, Object>) Json.parse(meta.get("mnemo.architecture")));
                inputShape = ((List<Object>) Json.parse(meta.get("mnemo.input_shape"))).stream()
                        .mapToInt(v -> ((Number) v).intValue()).toArray();
                seed = Long.parseLong(meta.get("mnemo.seed"));
            } catch (RuntimeException e) {
                throw new InvalidModelFileException(file, "architecture metadata is invalid: " + e.getMessage());
            }
            Model model = Model.of(network, seed).build(inputShape);
            try {
                copyWeights(file, contents.tensors(), model.state());
            } catch (RuntimeException e) {
                model.close();
                throw e;
            }
            return model;
        }
    }

    /**
     * Restores the optimizer state saved with the model in {@code file} into {@code model}'s
     * optimizer (compile it first, with the same optimizer settings), so training continues with
     * the numbers an uninterrupted run would give.
     */
    public static void restoreOptimizer(Model model, Path file) throws IOException {
        if (model.optimizer() == null) {
            throw new IllegalStateException("compile the model (with the optimizer it was trained with) before restoring its state");
        }
        try (Scope scope = Scope.open()) {
            SafeTensors.Contents contents = SafeTensors.read(file, scope);
            if (contents.metadata().keySet().stream().noneMatch(k -> k.startsWith("optimizer."))) {
                throw new InvalidModelFileException(file, "holds no optimizer state (it was saved before compile)");
            }
            model.optimizer().loadState(model.parameters(), contents.tensors(), contents.metadata());
        }
    }

    /**
     * Fills every parameter and buffer ({@link Model#state()}) from the tensor of the same name; all
     * must be present, shapes equal, none extra (optimizer state, {@code optimizer/...}, is skipped).
     */
    static void copyWeights(Path file, Map<String, Tensor> tensors, Map<String, Tensor> state) {
        Map<String, Tensor> left = new LinkedHashMap<>(tensors);
        left.keySet().removeIf(name -> name.startsWith(OPTIMIZER_TENSORS));
        state.forEach((name, value) -> {
            Tensor t = left.remove(name);
            if (t == null) {
                throw new InvalidModelFileException(file, "tensor '" + name + "' is missing; the architecture needs it with shape "
                        + Arrays.toString(value.shape()));
            }
            if (!t.hasShape(value.shape())) {
                throw new InvalidModelFileException(file, "tensor '" + name + "' has shape " + Arrays.toString(t.shape())
                        + " but the architecture needs " + Arrays.toString(value.shape()));
            }
            value.copyFrom(t);
        });
        if (!left.isEmpty()) {
            throw new InvalidModelFileException(file, "tensors " + left.keySet() + " belong to no parameter or buffer of the architecture");
        }
    }
}
