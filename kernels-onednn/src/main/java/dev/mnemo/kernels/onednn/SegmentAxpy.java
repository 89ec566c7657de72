package dev.mnemo.kernels.onednn;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@code y[0..n) += alpha · x[0..n)} over raw memory: the small accumulations between primitives
 * (peephole and bias gradients, gathered rows, {@link DnnlAccumulate}). A oneDNN sum primitive
 * would add a descriptor lookup and a native call for work that reads each float once.
 */
final class SegmentAxpy {
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT;

    private SegmentAxpy() {}

    static void axpy(float alpha, MemorySegment x, MemorySegment y, long n) {
        for (long i = 0; i < n; i++) {
            y.setAtIndex(F, i, y.getAtIndex(F, i) + alpha * x.getAtIndex(F, i));
        }
    }
}
