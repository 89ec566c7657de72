package dev.mnemo.train;

import dev.mnemo.kernel.Backends;
import dev.mnemo.kernel.KernelBackend;

/** The model suite on the reference backend (validated, as every backend handed out). */
class ReferenceModelConformanceTest extends ModelConformanceSuite {
    @Override
    protected KernelBackend backend() {
        return Backends.get("reference");
    }
}
