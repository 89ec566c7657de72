/**
 * Convolution as im2col + the vector GEMM (forward, gradient of the data, gradient of the
 * weights and bias) and max/average pooling, split over images or planes among the backend's
 * threads.
 */
package dev.mnemo.kernels.vector.conv;
