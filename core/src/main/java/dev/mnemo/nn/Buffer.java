package dev.mnemo.nn;

import dev.mnemo.tensor.Tensor;

/**
 * A layer's state that is saved with the model but not trained: batch normalisation's running mean
 * and variance (PyTorch's {@code register_buffer}). Optimizers never see buffers; model files,
 * weight snapshots ({@code Model.weights()}) and {@link StateDict} carry them beside the parameters,
 * under the same kind of name ({@code bn_1.running_mean}).
 *
 * @param name  a path unique within the model, {@code layer.local}
 * @param value the current value, owned by the model's long-lived scope
 */
public record Buffer(String name, Tensor value) {}
