package dev.mnemo.kernel;

import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.util.Map;

/**
 * A random recurrent problem (LSTM or GRU) seen the same way by the conformance suite: inputs,
 * a loss {@code L = Σ outputs ⊙ random gradients}, and every output and gradient by name.
 */
public interface RecurrentCase {
    /** Makes a case; {@code state} adds random initial states. */
    @FunctionalInterface
    interface Factory {
        RecurrentCase make(TestData data, int steps, int batch, int input, int hidden, boolean state, SeqOptions seq);
    }

    /** Forward in training mode, then backward: outputs ({@code y, hN, cN}) and gradients ({@code dx, dwIh, ...}). */
    Map<String, Tensor> outputsAndGradients(KernelBackend k, Scope scope);

    /** {@code y} from a forward pass in inference mode (no workspace). */
    Tensor inferenceOutput(KernelBackend k, Scope scope);

    /** The scalar loss from an inference-mode forward pass. */
    double loss(KernelBackend k);

    /** Every differentiable input by name ({@code x}, {@code h0}, weights); gradients are named {@code d + name}. */
    Map<String, Tensor> inputs();

    /** The input sequence {@code [T, B, I]}. */
    Tensor x();

    SeqOptions seq();
}
