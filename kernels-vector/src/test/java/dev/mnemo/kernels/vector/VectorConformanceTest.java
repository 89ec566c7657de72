package dev.mnemo.kernels.vector;

import dev.mnemo.kernel.Backends;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.kernel.KernelConformanceSuite;

/** Core's conformance suite on the vector backend (run at the default width, at 256 bits and with the Vector API off). */
class VectorConformanceTest extends KernelConformanceSuite {
    @Override
    protected KernelBackend backend() {
        return Backends.get("vector");
    }
}
