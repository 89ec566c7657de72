/**
 * The thread pool the vector backend owns: a fixed team of threads (sized from
 * {@code KernelProvider.create(threads)}) that runs one parallel region at a time, with a
 * spinning barrier for the per-step synchronisation of recurrent kernels.
 */
package dev.mnemo.kernels.vector.parallel;
