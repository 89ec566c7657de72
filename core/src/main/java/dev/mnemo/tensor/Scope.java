package dev.mnemo.tensor;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
    private final MemoryPool pool;
    private final List<MemoryPool.Block> pooledBlocks = new ArrayList<>();
    private long allocatedBytes;

    private Scope(Arena arena, MemoryPool pool) {
        this.arena = arena;
        this.pool = pool;
    }

    /** Opens a new scope; close it (try-with-resources) to free everything it allocated. */
    public static Scope open() {
        return new Scope(Arena.ofShared(), null);
    }

    /**
     * Opens a scope whose memory comes from {@code pool} and goes back to it on close (for
     * training steps: no fresh pages each step). Tensors still become unusable when the scope closes.
     */
    public static Scope open(MemoryPool pool) {
        pool.scopeOpened();
        return new Scope(Arena.ofShared(), pool);
    }

    /** A zero-filled tensor of the given shape. */
    @SuppressWarnings("restricted") // reinterpret: the pooled block outlives the view, which is all it does here
    public Tensor zeros(int... shape) {
        long size = Tensor.sizeOf(shape);
        long bytes = Math.max(1, size) * Float.BYTES;
        MemorySegment segment;
        MemoryPool.Block block = null;
        if (pool == null) {
            segment = arena.allocate(bytes, ALIGNMENT);
        } else {
            block = pool.take(bytes);
            // A view that lives only as long as this scope: stale tensors fail instead of reading reused memory.
            segment = block.segment().reinterpret(bytes, arena, null);
            segment.fill((byte) 0);
        }
        synchronized (pooledBlocks) { // kernels and loaders may allocate from several threads
            if (block != null) {
                pooledBlocks.add(block);
            }
            allocatedBytes += segment.byteSize();
        }
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
        synchronized (pooledBlocks) {
            return allocatedBytes;
        }
    }

    /** Frees every tensor allocated by this scope (returns pooled memory to its pool). */
    @Override
    public void close() {
        arena.close();
        if (pool != null) {
            synchronized (pooledBlocks) {
                pool.giveBack(pooledBlocks);
                pooledBlocks.clear();
            }
        }
    }
}
