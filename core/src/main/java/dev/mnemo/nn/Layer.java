package dev.mnemo.nn;

import dev.mnemo.autograd.Parameter;
import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import dev.mnemo.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A building block of a model: owns parameters, maps one input to one output on a tape.
 *
 * <p>Layers are declared without their input sizes, as in Keras: sizes that depend on the input (a
 * Dense layer's input width) are fixed by {@link #build} from the input shape, which
 * {@code Model.build(inputShape)} passes down once, before the first step (the model does not guess
 * it from the data). Shapes here exclude the batch axis; a variable-length time axis is {@code -1}.
 */
public interface Layer {

    /** Name unique within its model (assigned by the model when not given); prefixes parameter names. */
    String name();

    /**
     * Creates the parameters for inputs of shape {@code inputShape} (batch axis excluded) and
     * returns the output shape. Called once, before the first {@link #forward}.
     */
    int[] build(int[] inputShape, BuildContext context);

    /** Whether {@link #build} has run. */
    boolean isBuilt();

    /** Applies the layer; {@code x} is {@code [B, ...inputShape]}. */
    Variable forward(Tape tape, Variable x);

    /** The trainable parameters, in a stable order. */
    List<Parameter> parameters();

    /** State saved with the model but not trained (running statistics), in a stable order; none by default. */
    default List<Buffer> buffers() {
        return List.of();
    }

    /** Parameters then buffers by name, in a stable order: PyTorch's {@code state_dict()}, what model files hold. */
    default Map<String, Tensor> state() {
        Map<String, Tensor> state = new LinkedHashMap<>();
        parameters().forEach(p -> state.put(p.name(), p.value()));
        buffers().forEach(b -> state.put(b.name(), b.value()));
        return state;
    }

    /** The layer's type and constructor arguments, for the architecture file ({@code "type"} names the class). */
    Map<String, Object> config();
}
