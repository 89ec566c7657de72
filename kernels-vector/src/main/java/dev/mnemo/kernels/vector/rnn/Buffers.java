package dev.mnemo.kernels.vector.rnn;

import dev.mnemo.kernels.vector.parallel.Scratch;
import dev.mnemo.tensor.Tensor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** The scratch slots the recurrent kernels use, and small copies between tensors and scratch. */
final class Buffers {
    /** Native: input projection (forward) or gate gradients of all steps (backward), {@code [T·B, G·H]}. */
    static final int PROJECTION = 0;
    /** Native: the cell state (forward) or its gradient (backward), {@code [B, H]}. */
    static final int STATE = 1;
    /** Native: summed biases. */
    static final int BIAS = 2;
    /** Native, per thread: this thread's recurrent product {@code [B, G·w]}. */
    static final int GATES = 3;
    /** Native: the recurrent product of the backward pass, or GRU's row-major state, {@code [B, H]}. */
    static final int RECURRENT = 4;
    /** Native: the hidden state each step started from, {@code [T·B, H]}. */
    static final int PREVIOUS = 5;
    /** Native: GRU's gradients of the hidden projection of all steps, {@code [T·B, 3H]}. */
    static final int EXTRA = 6;
    /** Native: a vector of ones, for column sums as a GEMM. */
    static final int ONES = 7;
    /** Heap: packed state, even steps. */
    static final int PACKED_EVEN = Scratch.KERNEL;
    /** Heap: packed state, odd steps. */
    static final int PACKED_ODD = Scratch.KERNEL + 1;
    /** Heap, per thread: this thread's packed recurrent weights. */
    static final int WEIGHTS = Scratch.KERNEL + 2;

    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT;

    private Buffers() {}

    /** The tensor's memory, or null for a null tensor. */
    static MemorySegment segment(Tensor t) {
        return t == null ? null : t.segment();
    }

    /** {@code dst[0 .. n) = src}, or zeros when src is null. */
    static void copyOrZero(MemorySegment dst, Tensor src, long n) {
        if (src == null) {
            dst.asSlice(0, n * Float.BYTES).fill((byte) 0);
        } else {
            MemorySegment.copy(src.segment(), 0, dst, 0, n * Float.BYTES);
        }
    }

    /** Row {@code row} of a {@code [·, n]} matrix: {@code dst[dstRow] = src[srcRow]}. */
    static void copyRow(MemorySegment src, long srcRow, MemorySegment dst, long dstRow, int n) {
        MemorySegment.copy(src, srcRow * n * Float.BYTES, dst, dstRow * n * Float.BYTES, (long) n * Float.BYTES);
    }

    /** Unpacks a packed {@code [rows, depth]} matrix into row-major {@code dst}. */
    static void unpack(float[] packed, int rows, int depth, MemorySegment dst) {
        for (int r = 0; r < rows; r++) {
            for (int p = 0; p < depth; p++) {
                dst.setAtIndex(FLOAT, (long) r * depth + p, packed[PackedRows.index(r, p, depth)]);
            }
        }
    }
}
