/**
 * Reverse-mode automatic differentiation over the kernel SPI.
 *
 * <p>A {@link dev.mnemo.autograd.Tape} records one step: every op appends its backward closure,
 * and {@link dev.mnemo.autograd.Tape#backward} runs them in reverse. Heavy ops (GEMM, a whole
 * LSTM/GRU sequence, a convolution) are single nodes whose backward is the SPI's backward op, so
 * backpropagation through time is one fused call, not T small ones. Everything a step
 * allocates (activations, workspaces, intermediate gradients) lives in the tape's scope and is
 * freed when the tape closes; parameter gradients live with the parameters.
 *
 * <p>Op families: {@link dev.mnemo.autograd.MathOps} (linear, element-wise, activations,
 * softmax, reductions), {@link dev.mnemo.autograd.ShapeOps} (reshape, time/batch transposes,
 * concatenation), {@link dev.mnemo.autograd.RecurrentOps} (LSTM, GRU)
 * and the layer-specific ops beside their layers.
 */
package dev.mnemo.autograd;
