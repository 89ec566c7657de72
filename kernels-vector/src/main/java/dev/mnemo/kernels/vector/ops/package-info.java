/**
 * Element-wise ops, activations (including exact GELU), softmax and log-softmax with the
 * Vector API; every loop ends in a scalar tail.
 */
package dev.mnemo.kernels.vector.ops;
