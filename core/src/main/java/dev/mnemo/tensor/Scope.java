package dev.mnemo.tensor;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Owner of tensor memory: every tensor allocated here is freed when the scope closes.
 *
 * <pre>{@code
 * try (Scope step = Scope.open()) {
 *     Tensor x = step.zeros(64, 128);
 *     ...                                   // x is valid here
 * }                                         // x's memory is released here, deterministically
 * }</pre>
 *
 * <p>Memory is zero-filled and 64-byte aligned (one AVX-512 register, one cache line). A scope
 * may be read and written from any thread (kernels run on thread pools), but must be closed by
 * one thread once no kernel uses its tensors any more. Using a tensor after its scope closed
 * throws {@link IllegalStateException}; it never reads freed memory.
 */
public final class Scope implements AutoCloseable {
    /** Alignment of every tensor's first element, in bytes. */
    public static final long ALIGNMENT = 64;

    private final Arena arena;
    private long allocatedBytes;

    private Scope(Arena arena) {
        this.arena = arena;
    }

    /** Opens a new scope; close it (try-with-resources) to free everything it allocated. */
    public static Scope open() {
        return new Scope(Arena.ofShared());
    }

    /** A zero-filled tensor of the given shape. */
    public Tensor zeros(int... shape) {
        long size = Tensor.sizeOf(shape);
        MemorySegment segment = arena.allocate(Math.max(1, size) * Float.BYTES, ALIGNMENT);
        allocatedBytes += segment.byteSize();
        return new Tensor(segment.asSlice(0, size * Float.BYTES), shape);
    }

    /** A tensor holding a copy of {@code values}, which must have exactly the shape's size. */
    public Tensor of(float[] values, int... shape) {
        if (values.length != Tensor.sizeOf(shape)) {
            throw new IllegalArgumentException("Scope.of: " + values.length + " values do not fill shape "
                    + Arrays.toString(shape) + " (" + Tensor.sizeOf(shape) + " elements)");
        }
        Tensor t = zeros(shape);
        MemorySegment.copy(values, 0, t.segment(), ValueLayout.JAVA_FLOAT, 0, values.length);
        return t;
    }

    /** A new tensor in this scope with the same shape and values as {@code source}. */
    public Tensor copyOf(Tensor source) {
        Tensor t = zeros(source.shape());
        t.copyFrom(source);
        return t;
    }

    /** Bytes allocated by this scope so far (including alignment padding). */
    public long allocatedBytes() {
        return allocatedBytes;
    }

    /** Frees every tensor allocated by this scope. */
    @Override
    public void close() {
        arena.close();
    }
}
