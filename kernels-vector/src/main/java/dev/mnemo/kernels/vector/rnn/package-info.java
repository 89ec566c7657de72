/**
 * LSTM (with optional peepholes) and GRU over whole sequences: the input projection of all
 * steps as one GEMM, one recurrent GEMM per step against weights packed once per call, the
 * gate nonlinearities fused into one vectorized pass per step (which also writes the next
 * step's packed GEMM operand), and weight gradients as GEMMs over all steps.
 */
package dev.mnemo.kernels.vector.rnn;
