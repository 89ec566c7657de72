package dev.mnemo.kernel;

/**
 * Service-provider entry point of a kernel backend, found with {@link java.util.ServiceLoader}.
 * A backend module lists its provider in
 * {@code META-INF/services/dev.mnemo.kernel.KernelProvider}.
 *
 * <p>Providers must be cheap to construct and must not load native code in their constructor:
 * {@link #availability()} does that lazily and turns any failure into a reason, never a crash.
 */
public interface KernelProvider {

    /** Stable, lower-case name, e.g. {@code reference}, {@code vector}, {@code onednn}. */
    String name();

    /** Higher wins when no backend is chosen explicitly. The reference backend has 0. */
    int priority();

    /** Whether the backend can run here; loads natives on first call if it needs them. */
    Availability availability();

    /**
     * Creates the backend. Called only when {@link #availability()} said yes.
     *
     * @param threads number of threads for parallel regions (at least 1)
     */
    KernelBackend create(int threads);
}
