package dev.mnemo.kernel;

/**
 * Geometry of a 2-D convolution (cross-correlation, as {@code torch.nn.Conv2d}): strides,
 * zero padding on each side and dilation, per axis. Output size along an axis of input size
 * {@code n} with kernel size {@code k}: {@code (n + 2 pad - dilation (k - 1) - 1) / stride + 1}.
 *
 * <p>1-D convolutions use the width fields; build them with {@link #of1d}.
 */
public record ConvSpec(int strideH, int strideW, int padH, int padW, int dilationH, int dilationW) {
    /** Stride 1, no padding, no dilation. */
    public static final ConvSpec DEFAULT = new ConvSpec(1, 1, 0, 0, 1, 1);

    public ConvSpec {
        if (strideH < 1 || strideW < 1 || dilationH < 1 || dilationW < 1 || padH < 0 || padW < 0) {
            throw new IllegalArgumentException("invalid " + describe(strideH, strideW, padH, padW, dilationH, dilationW)
                    + ": strides and dilations must be >= 1, padding >= 0");
        }
    }

    /** The same stride, padding and dilation on both axes. */
    public static ConvSpec of(int stride, int pad, int dilation) {
        return new ConvSpec(stride, stride, pad, pad, dilation, dilation);
    }

    /** A 1-D convolution's geometry (height axis trivial). */
    public static ConvSpec of1d(int stride, int pad, int dilation) {
        return new ConvSpec(1, stride, 0, pad, 1, dilation);
    }

    /** Output height for input height {@code h} and kernel height {@code r}. */
    public int outHeight(int h, int r) {
        return outSize(h, r, strideH, padH, dilationH);
    }

    /** Output width for input width {@code w} and kernel width {@code s}. */
    public int outWidth(int w, int s) {
        return outSize(w, s, strideW, padW, dilationW);
    }

    /** Whether this spec is usable for a 1-D convolution (trivial height axis). */
    public boolean is1d() {
        return strideH == 1 && padH == 0 && dilationH == 1;
    }

    static int outSize(int n, int k, int stride, int pad, int dilation) {
        return Math.floorDiv(n + 2 * pad - dilation * (k - 1) - 1, stride) + 1;
    }

    private static String describe(int sh, int sw, int ph, int pw, int dh, int dw) {
        return "ConvSpec[stride=" + sh + "x" + sw + ", pad=" + ph + "x" + pw + ", dilation=" + dh + "x" + dw + "]";
    }
}
