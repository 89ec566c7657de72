package dev.mnemo.kernels.onednn;

import dev.mnemo.tensor.Tensor;
import java.lang.foreign.MemorySegment;

/**
 * Moves the rows of some samples between a time-major tensor {@code [T, B, F]} (or a state
 * {@code [B, F]}, as T = 1) and a compact buffer {@code [steps, samples.length, F]}: the
 * gather and scatter around a length group's RNN run.
 */
final class BatchRows {
    private BatchRows() {}

    /** Copies {@code src[t, samples[j], :]} for {@code t < steps} into {@code dst[t, j, :]}. */
    static void gather(MemorySegment dst, Tensor src, int steps, int[] samples) {
        int batch = src.dim(-2), features = src.dim(-1);
        long rowBytes = (long) features * Float.BYTES;
        for (int t = 0; t < steps; t++) {
            for (int j = 0; j < samples.length; j++) {
                long from = ((long) t * batch + samples[j]) * rowBytes;
                long to = ((long) t * samples.length + j) * rowBytes;
                MemorySegment.copy(src.segment(), from, dst, to, rowBytes);
            }
        }
    }

    /** Copies {@code src[t, j, :]} into {@code dst[t, samples[j], :]} for {@code t < steps}. */
    static void scatter(Tensor dst, MemorySegment src, int steps, int[] samples) {
        int batch = dst.dim(-2), features = dst.dim(-1);
        long rowBytes = (long) features * Float.BYTES;
        for (int t = 0; t < steps; t++) {
            for (int j = 0; j < samples.length; j++) {
                long from = ((long) t * samples.length + j) * rowBytes;
                long to = ((long) t * batch + samples[j]) * rowBytes;
                MemorySegment.copy(src, from, dst.segment(), to, rowBytes);
            }
        }
    }

    /** {@code dst[t, samples[j], :] += src[t, j, :]} for {@code t < steps}. */
    static void scatterAdd(Tensor dst, MemorySegment src, int steps, int[] samples) {
        int batch = dst.dim(-2), features = dst.dim(-1);
        for (int t = 0; t < steps; t++) {
            for (int j = 0; j < samples.length; j++) {
                long from = ((long) t * samples.length + j) * features * Float.BYTES;
                long to = ((long) t * batch + samples[j]) * features * Float.BYTES;
                SegmentAxpy.axpy(1f, src.asSlice(from), dst.segment().asSlice(to), features);
            }
        }
    }
}
