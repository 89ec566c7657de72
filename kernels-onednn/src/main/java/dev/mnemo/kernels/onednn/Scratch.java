package dev.mnemo.kernels.onednn;

import dev.mnemo.tensor.Tensor;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Temporary native buffers of one kernel call, bump-allocated from a block that is reused by the
 * next call ({@link #reset()}), so steady-state training allocates nothing. When a call needs more,
 * a larger block is added; earlier buffers of the call stay valid until the reset, which keeps
 * only the largest block. 64-byte aligned. Used under {@link DnnlRuntime#lock()} only.
 */
final class Scratch {
    private static final long ALIGN = 64;

    private final List<Arena> retired = new ArrayList<>();
    private Arena arena;
    private MemorySegment block = MemorySegment.NULL;
    private long used;

    /** Frees the buffers of the previous call (their memory is reused). */
    void reset() {
        for (Arena a : retired) {
            a.close();
        }
        retired.clear();
        used = 0;
    }

    /** Frees all memory, the kept block too. */
    void free() {
        reset();
        if (arena != null) {
            arena.close();
            arena = null;
        }
        block = MemorySegment.NULL;
    }

    /** Uninitialised memory for {@code count} floats, valid until the next {@link #reset()}. */
    MemorySegment floats(long count) {
        long bytes = Math.max(ALIGN, (count * Float.BYTES + ALIGN - 1) / ALIGN * ALIGN);
        if (used + bytes > block.byteSize()) {
            if (arena != null) {
                retired.add(arena);
            }
            long size = Math.max(bytes, 2 * block.byteSize());
            arena = Arena.ofShared();
            block = arena.allocate(size, ALIGN);
            used = 0;
        }
        MemorySegment s = block.asSlice(used, count * Float.BYTES);
        used += bytes;
        return s;
    }

    /** A scratch tensor of the given shape (contents undefined). */
    Tensor tensor(int... shape) {
        return Tensor.wrap(floats(Tensor.sizeOf(shape)), shape);
    }

    /** A zero-filled scratch tensor. */
    Tensor zeros(int... shape) {
        Tensor t = tensor(shape);
        t.fill(0f);
        return t;
    }
}
