package dev.mnemo.kernel;

/**
 * Geometry and kind of a 2-D pooling window, as {@code torch.nn.MaxPool2d} / {@code AvgPool2d}
 * with their defaults ({@code ceil_mode=False}; average pooling counts padded zeros, i.e.
 * {@code count_include_pad=True}, dividing by {@code kernelH * kernelW}). Padded positions never
 * win a max. Output size: {@code (n + 2 pad - kernel) / stride + 1}.
 */
public record PoolSpec(Kind kind, int kernelH, int kernelW, int strideH, int strideW, int padH, int padW) {
    /** Maximum or average over the window. */
    public enum Kind { MAX, AVG }

    public PoolSpec {
        if (kind == null || kernelH < 1 || kernelW < 1 || strideH < 1 || strideW < 1 || padH < 0 || padW < 0
                || 2 * padH > kernelH || 2 * padW > kernelW) {
            throw new IllegalArgumentException("invalid PoolSpec[" + kind + " kernel=" + kernelH + "x" + kernelW
                    + ", stride=" + strideH + "x" + strideW + ", pad=" + padH + "x" + padW
                    + "]: kernel and stride must be >= 1, 0 <= pad <= kernel/2");
        }
    }

    /** Square max pooling, stride equal to the window (the usual {@code MaxPooling2D(k)}). */
    public static PoolSpec max(int kernel) {
        return new PoolSpec(Kind.MAX, kernel, kernel, kernel, kernel, 0, 0);
    }

    /** Square average pooling, stride equal to the window. */
    public static PoolSpec avg(int kernel) {
        return new PoolSpec(Kind.AVG, kernel, kernel, kernel, kernel, 0, 0);
    }

    /** Output height for input height {@code h}. */
    public int outHeight(int h) {
        return Math.floorDiv(h + 2 * padH - kernelH, strideH) + 1;
    }

    /** Output width for input width {@code w}. */
    public int outWidth(int w) {
        return Math.floorDiv(w + 2 * padW - kernelW, strideW) + 1;
    }
}
