package dev.mnemo.kernels.onednn;

import dev.mnemo.kernel.Backends;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.kernel.KernelConformanceSuite;

/** Core's conformance suite on the oneDNN backend. */
class OneDnnConformanceTest extends KernelConformanceSuite {
    @Override
    protected KernelBackend backend() {
        return Backends.get(OneDnnProvider.NAME);
    }
}
