package dev.mnemo.kernels.vector.gemm;

import static dev.mnemo.kernels.vector.simd.Simd.F;
import static dev.mnemo.kernels.vector.simd.Simd.ORDER;

import dev.mnemo.kernels.vector.simd.Simd;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import jdk.incubator.vector.FloatVector;

/**
 * Packs a block of a matrix into the micro-panels the {@link MicroKernel} reads.
 *
 * <p>The block is {@code Z[r0 .. r0+rows) × [p0 .. p0+kc)} of a logical matrix Z whose second
 * index p runs along the GEMM depth K. It is cut into panels of {@code width} consecutive
 * rows; panel q holds its rows interleaved, p-major:
 * <pre>
 *   dst[off + q·width·kc + p·width + w] = scale · Z[r0 + q·width + w][p0 + p]     (0 past the last row)
 * </pre>
 * A GEMM packs {@code Z = op(A)} with {@code width = MR} and {@code Z = op(B)ᵀ} with
 * {@code width = NR}. Z is stored either <em>row-major</em> ({@code Z[r][p] = x[r·ld + p]}:
 * A untransposed, B transposed) or <em>depth-major</em> ({@code Z[r][p] = x[p·ld + r]}).
 */
final class Panels {
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT;

    private Panels() {}

    /** Number of floats {@link #pack} writes for {@code rows} rows. */
    static int packedSize(int rows, int kc, int width) {
        return (rows + width - 1) / width * width * kc;
    }

    /**
     * Packs the block described in the class comment.
     *
     * @param rowMajor whether Z is stored row-major ({@code x[r·ld + p]}) rather than depth-major
     */
    static void pack(float[] dst, int off, MemorySegment x, long ld, boolean rowMajor,
                     int r0, int rows, int p0, int kc, int width, float scale) {
        for (int q = 0; q * width < rows; q++) {
            int base = off + q * width * kc;
            int valid = Math.min(width, rows - q * width);
            int first = r0 + q * width;
            if (rowMajor) {
                packRowMajor(dst, base, x, ld, first, valid, p0, kc, width, scale);
            } else {
                packDepthMajor(dst, base, x, ld, first, valid, p0, kc, width, scale);
            }
        }
    }

    /** One panel from row-major storage: each row is contiguous along p and lands every {@code width} floats. */
    private static void packRowMajor(float[] dst, int base, MemorySegment x, long ld, int first, int valid,
                                     int p0, int kc, int width, float scale) {
        for (int w = 0; w < width; w++) {
            if (w >= valid) {
                for (int p = 0; p < kc; p++) {
                    dst[base + p * width + w] = 0f;
                }
                continue;
            }
            long src = (first + w) * ld + p0;
            for (int p = 0; p < kc; p++) {
                dst[base + p * width + w] = scale * x.getAtIndex(FLOAT, src + p);
            }
        }
    }

    /** One panel from depth-major storage: for each p, {@code width} contiguous floats. */
    private static void packDepthMajor(float[] dst, int base, MemorySegment x, long ld, int first, int valid,
                                       int p0, int kc, int width, float scale) {
        boolean whole = Simd.ENABLED && valid == width && width % Simd.LANES == 0;
        for (int p = 0; p < kc; p++) {
            long src = (p0 + p) * ld + first;
            int d = base + p * width;
            if (whole) {
                for (int w = 0; w < width; w += Simd.LANES) {
                    FloatVector.fromMemorySegment(F, x, (src + w) * Float.BYTES, ORDER).mul(scale).intoArray(dst, d + w);
                }
                continue;
            }
            for (int w = 0; w < valid; w++) {
                dst[d + w] = scale * x.getAtIndex(FLOAT, src + w);
            }
            for (int w = valid; w < width; w++) {
                dst[d + w] = 0f;
            }
        }
    }
}
