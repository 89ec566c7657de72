package dev.mnemo.kernels.vector;

import dev.mnemo.kernel.Availability;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.kernel.KernelProvider;

/**
 * Registers the Vector API backend ({@code vector}, priority 20: above the reference backend,
 * below native oneDNN). Available whenever {@code jdk.incubator.vector} is in the module graph.
 */
public final class VectorProvider implements KernelProvider {
    /** Selection priority. */
    public static final int PRIORITY = 20;

    @Override
    public String name() {
        return VectorBackend.NAME;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Availability availability() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return Availability.no("the JVM runs without the Vector API module: add --add-modules=jdk.incubator.vector "
                    + "to the java command line (or JDK_JAVA_OPTIONS)");
        }
        return Availability.yes();
    }

    @Override
    public KernelBackend create(int threads) {
        return new VectorBackend(threads);
    }
}
