/**
 * The kernel SPI in pure Java with {@code jdk.incubator.vector}: {@link
 * dev.mnemo.kernels.vector.VectorBackend}, registered as {@code vector} by {@link
 * dev.mnemo.kernels.vector.VectorProvider}. Subpackages hold the vector species and math
 * ({@code simd}), the backend's threads ({@code parallel}), GEMM ({@code gemm}), LSTM and GRU
 * ({@code rnn}), convolution and pooling ({@code conv}) and element-wise ops ({@code ops}).
 *
 * <p>Run with {@code --add-modules=jdk.incubator.vector}; {@code -Dmnemo.vector.bits=512|256|128|0}
 * forces the vector width ({@code 0}: the scalar twin of every loop).
 */
package dev.mnemo.kernels.vector;
