/**
 * The vector species of the backend ({@link dev.mnemo.kernels.vector.simd.Simd}) and the
 * vectorized math every kernel shares (exp, sigmoid, tanh, erf with float32 accuracy), each
 * with a scalar twin for when the Vector API is off.
 */
package dev.mnemo.kernels.vector.simd;
