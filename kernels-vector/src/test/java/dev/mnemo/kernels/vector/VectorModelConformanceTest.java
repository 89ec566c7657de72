package dev.mnemo.kernels.vector;

import dev.mnemo.kernel.Backends;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.train.ModelConformanceSuite;

/** Whole models on the vector backend: layer gradients, learning, model files. */
class VectorModelConformanceTest extends ModelConformanceSuite {
    @Override
    protected KernelBackend backend() {
        return Backends.get("vector");
    }
}
