/**
 * Dense float32 tensors and the scopes that own their memory.
 *
 * <p>A {@link dev.mnemo.tensor.Tensor} is a shape ({@code int[]}, row-major) over a 64-byte
 * aligned off-heap {@link java.lang.foreign.MemorySegment}, so SIMD code reads it directly and
 * native libraries receive it without a copy. Every tensor is allocated from a
 * {@link dev.mnemo.tensor.Scope}; closing the scope frees all of its tensors at once, so a
 * training step that runs inside {@code try (Scope step = Scope.open()) { ... }} leaves memory
 * flat however long training runs. Nothing relies on the garbage collector for native memory.
 * A {@link dev.mnemo.tensor.MemoryPool} keeps the blocks of closed scopes for the next step
 * (a model's training and inference passes run on one), so a step does not fault in fresh pages
 * from the operating system; tensors of a closed scope still fail on use.
 */
package dev.mnemo.tensor;
