package dev.mnemo.kernel;

/** The reference backend runs the suite too: its properties (gradients, masks, errors) are checked. */
class ReferenceConformanceTest extends KernelConformanceSuite {
    @Override
    protected KernelBackend backend() {
        return Backends.get("reference");
    }
}
