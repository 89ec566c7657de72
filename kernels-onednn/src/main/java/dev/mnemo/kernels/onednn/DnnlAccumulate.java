package dev.mnemo.kernels.onednn;

import static org.bytedeco.dnnl.global.dnnl.dnnl_a;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.List;

/**
 * {@code into += from}: how oneDNN's overwriting backward results become the SPI's accumulating
 * gradients. Large buffers go through a oneDNN reorder with a {@code sum} post-op
 * ({@link Reorders}), which is parallel and vectorised and can change the layout on the way (an
 * {@code ldigo} weight gradient added into PyTorch's rows); buffers below {@link #NATIVE_MIN}
 * floats are added in Java, where a primitive call would cost more than the work.
 */
final class DnnlAccumulate {
    /** Smallest buffer, in floats, added through oneDNN. */
    static final long NATIVE_MIN = 1 << 14;

    private final Reorders reorders;

    DnnlAccumulate(Reorders reorders) {
        this.reorders = reorders;
    }

    /** {@code into[0..n) += from[0..n)}. */
    void add(MemorySegment into, MemorySegment from, long n) {
        if (n < NATIVE_MIN) {
            SegmentAxpy.axpy(1f, from, into, n);
            return;
        }
        add(into, dnnl_a, from, dnnl_a, n);
    }

    /**
     * {@code into += from} where the two are laid out as {@code fromTag} and {@code intoTag} over
     * the same dimensions {@code dims}.
     */
    void add(MemorySegment into, int intoTag, MemorySegment from, int fromTag, long... dims) {
        String label = "accumulate " + Arrays.toString(dims) + " tag " + fromTag + " into tag " + intoTag;
        try (Descs d = new Descs()) {
            Primitive p = reorders.get(List.of(label), d.tagged(fromTag, dims), d.tagged(intoTag, dims), true, label);
            reorders.run(p, from, into);
        }
    }
}
