/**
 * The kernel SPI: the coarse, sequence-level operations every layer is built from, and the
 * registry that chooses a backend.
 *
 * <p>{@link dev.mnemo.kernel.KernelBackend} is the contract. The reference backend
 * ({@code dev.mnemo.kernel.reference}) is its executable specification; fast backends
 * ({@code kernels-vector}, {@code kernels-onednn}) are held to it by the conformance suite in
 * core's test-jar. Backends are found with {@link java.util.ServiceLoader} through
 * {@link dev.mnemo.kernel.KernelProvider} and chosen by {@link dev.mnemo.kernel.Backends}.
 *
 * <p>Dimension letters used throughout: B batch, T time steps, I input features, H hidden
 * units, N images, C input channels, K output channels (filters), H/W image height/width,
 * R/S kernel height/width, P/Q output height/width, M/N/K for matrix products.
 */
package dev.mnemo.kernel;
