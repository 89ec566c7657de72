package dev.mnemo.nn;

import dev.mnemo.kernel.PoolSpec;
import java.util.Map;

/**
 * Average pooling of images {@code [B, C, H, W]}: each output is the mean of its window, padded
 * zeros counted ({@code nn.AvgPool2d} with its default {@code count_include_pad=True}; Keras's
 * {@code AveragePooling2D}).
 *
 * <pre>{@code
 * AvgPool2D pool = AvgPool2D.of(2);   // 2×2 windows, stride 2: halves H and W
 * }</pre>
 */
public final class AvgPool2D extends Pooling2D {
    /**
     * @param pool    window (one value for both axes, or height and width)
     * @param stride  step, or null for the window size
     * @param padding zero padding on each side, at most half the window
     */
    public AvgPool2D(String name, int[] pool, int[] stride, int[] padding) {
        super(name, PoolSpec.Kind.AVG, pool, stride, padding);
    }

    /** Square windows of {@code pool}, stride {@code pool}, no padding. */
    public static AvgPool2D of(int pool) {
        return new AvgPool2D(null, new int[] {pool}, null, new int[] {0});
    }

    /** Square windows of {@code pool} with the given stride and padding. */
    public static AvgPool2D of(int pool, int stride, int padding) {
        return new AvgPool2D(null, new int[] {pool}, new int[] {stride}, new int[] {padding});
    }

    /** Rebuilds the layer from {@link #config()}. */
    public static AvgPool2D fromConfig(Map<String, Object> c) {
        return new AvgPool2D(Layers.string(c, "name"), Layers.integers(c, "pool"), Layers.integers(c, "stride"),
                Layers.integers(c, "padding"));
    }
}
