package dev.mnemo.kernels.vector.conv;

import dev.mnemo.kernel.ConvSpec;
import dev.mnemo.kernels.vector.ops.Elementwise;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The column matrix of one image and its adjoint. For input {@code [C, H, W]}, kernel
 * {@code R × S} and output {@code P × Q}, the columns are {@code [C·R·S, P·Q]}:
 * <pre>
 *   col[(c·R + r)·S + s][p·Q + q] = x[c, p·sh - ph + r·dh, q·sw - pw + s·dw]     (0 outside the image)
 * </pre>
 * so a convolution is {@code y = W[K, C·R·S] · col}. {@link #accumulate} is the adjoint
 * (col2im): it adds every column entry back to the pixel it came from.
 */
final class Im2col {
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT;

    private Im2col() {}

    /** Geometry of one image's convolution. */
    record Shape(int channels, int height, int width, int kh, int kw, int outH, int outW, ConvSpec spec) {
        long rows() {
            return (long) channels * kh * kw;
        }

        long cols() {
            return (long) outH * outW;
        }

        /** Input row read by output row p and kernel row r, or -1 outside the image. */
        int inRow(int p, int r) {
            int row = p * spec.strideH() - spec.padH() + r * spec.dilationH();
            return row < 0 || row >= height ? -1 : row;
        }

        /** First output column q whose input column {@code q·sw - pw + s·dw} is inside the image. */
        int firstQ(int s) {
            int offset = s * spec.dilationW() - spec.padW();
            return offset >= 0 ? 0 : Math.min(outW, (-offset + spec.strideW() - 1) / spec.strideW());
        }

        /** One past the last output column q whose input column is inside the image. */
        int endQ(int s) {
            int offset = s * spec.dilationW() - spec.padW();
            int last = width - 1 - offset; // largest q·sw allowed
            return last < 0 ? 0 : Math.min(outW, last / spec.strideW() + 1);
        }
    }

    /** Fills {@code col} from the image at float index {@code xOff} of {@code x}. */
    static void fill(Shape g, MemorySegment x, long xOff, MemorySegment col) {
        int outW = g.outW, sw = g.spec.strideW();
        long colRow = 0;
        for (int c = 0; c < g.channels; c++) {
            for (int r = 0; r < g.kh; r++) {
                for (int s = 0; s < g.kw; s++, colRow++) {
                    int q0 = g.firstQ(s), q1 = Math.max(q0, g.endQ(s));
                    int colOffset = s * g.spec.dilationW() - g.spec.padW();
                    for (int p = 0; p < g.outH; p++) {
                        long dst = colRow * g.cols() + (long) p * outW;
                        int row = g.inRow(p, r);
                        if (row < 0) {
                            col.asSlice(dst * Float.BYTES, (long) outW * Float.BYTES).fill((byte) 0);
                            continue;
                        }
                        long src = xOff + ((long) c * g.height + row) * g.width + colOffset;
                        zero(col, dst, q0);
                        if (sw == 1) {
                            MemorySegment.copy(x, (src + q0) * Float.BYTES, col, (dst + q0) * Float.BYTES,
                                    (long) (q1 - q0) * Float.BYTES);
                        } else {
                            for (int q = q0; q < q1; q++) {
                                col.setAtIndex(FLOAT, dst + q, x.getAtIndex(FLOAT, src + (long) q * sw));
                            }
                        }
                        zero(col, dst + q1, outW - q1);
                    }
                }
            }
        }
    }

    /** {@code dx[image] += col2im(col)}: the adjoint of {@link #fill}. */
    static void accumulate(Shape g, MemorySegment col, MemorySegment dx, long xOff) {
        int outW = g.outW, sw = g.spec.strideW();
        long colRow = 0;
        for (int c = 0; c < g.channels; c++) {
            for (int r = 0; r < g.kh; r++) {
                for (int s = 0; s < g.kw; s++, colRow++) {
                    int q0 = g.firstQ(s), q1 = g.endQ(s);
                    int colOffset = s * g.spec.dilationW() - g.spec.padW();
                    for (int p = 0; p < g.outH; p++) {
                        int row = g.inRow(p, r);
                        if (row < 0) {
                            continue;
                        }
                        long src = colRow * g.cols() + (long) p * outW;
                        long dst = xOff + ((long) c * g.height + row) * g.width + colOffset;
                        if (sw == 1) {
                            Elementwise.axpy(1f, col, src + q0, dx, dst + q0, Math.max(0, q1 - q0));
                            continue;
                        }
                        for (int q = q0; q < q1; q++) {
                            long at = dst + (long) q * sw;
                            dx.setAtIndex(FLOAT, at, dx.getAtIndex(FLOAT, at) + col.getAtIndex(FLOAT, src + q));
                        }
                    }
                }
            }
        }
    }

    private static void zero(MemorySegment m, long from, int count) {
        if (count > 0) {
            m.asSlice(from * Float.BYTES, (long) count * Float.BYTES).fill((byte) 0);
        }
    }
}
