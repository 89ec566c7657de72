package dev.mnemo.kernels.onednn;

import dev.mnemo.kernel.Backends;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.train.ModelConformanceSuite;

/** Whole models on the oneDNN backend: layer gradients, learning, model files. */
class OneDnnModelConformanceTest extends ModelConformanceSuite {
    @Override
    protected KernelBackend backend() {
        return Backends.get(OneDnnProvider.NAME);
    }
}
