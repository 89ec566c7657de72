package dev.mnemo.kernels.vector.parallel;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Per-thread scratch memory that kernels reuse from call to call (packed panels, gate
 * buffers), so a training step does not allocate. Each thread has a few numbered slots; a slot
 * grows when a larger size is asked for and is never shrunk. Heap slots hold packed GEMM
 * operands; native slots hold intermediate tensors (64-byte aligned, freed with their thread).
 */
public final class Scratch {
    /** Number of slots of each kind per thread. */
    public static final int SLOTS = 8;

    /** Heap slot of GEMM's packed B block (the calling thread's). */
    public static final int GEMM_B = 0;
    /** Heap slot of GEMM's packed A block (each thread's). */
    public static final int GEMM_A = 1;
    /** First heap slot free for kernels that call GEMM (recurrent weights, im2col). */
    public static final int KERNEL = 2;

    private static final ThreadLocal<float[][]> HEAP = ThreadLocal.withInitial(() -> new float[SLOTS][0]);
    private static final ThreadLocal<MemorySegment[]> NATIVE = ThreadLocal.withInitial(() -> {
        MemorySegment[] s = new MemorySegment[SLOTS];
        java.util.Arrays.fill(s, MemorySegment.NULL);
        return s;
    });

    private Scratch() {}

    /** A heap array of at least {@code floats} floats for this thread's slot {@code slot}; contents are undefined. */
    public static float[] floats(int slot, int floats) {
        float[][] slots = HEAP.get();
        if (slots[slot].length < floats) {
            slots[slot] = new float[floats];
        }
        return slots[slot];
    }

    /** Native memory of exactly {@code floats} floats from this thread's slot {@code slot}; contents are undefined. */
    public static MemorySegment segment(int slot, long floats) {
        MemorySegment[] slots = NATIVE.get();
        long bytes = floats * Float.BYTES;
        if (slots[slot].byteSize() < bytes) {
            slots[slot] = Arena.ofAuto().allocate(Math.max(bytes, 64), 64);
        }
        return slots[slot].asSlice(0, bytes);
    }
}
