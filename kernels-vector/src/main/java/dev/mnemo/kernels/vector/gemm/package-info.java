/**
 * Single-precision GEMM with the Vector API: packed panels, an 8 × 2-vector register-tiled
 * micro-kernel, cache blocking and a row split over the backend's threads; vector-times-matrix
 * for single rows and columns.
 */
package dev.mnemo.kernels.vector.gemm;
