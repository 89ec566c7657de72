package dev.mnemo.nn;

import dev.mnemo.kernel.PoolSpec;
import java.util.Map;

/**
 * Max pooling of images {@code [B, C, H, W]}: each output is the maximum of its window (padding
 * never wins) ({@code nn.MaxPool2d}, Keras's {@code MaxPooling2D}).
 *
 * <pre>{@code
 * MaxPool2D pool = MaxPool2D.of(2);   // 2×2 windows, stride 2: halves H and W
 * }</pre>
 */
public final class MaxPool2D extends Pooling2D {
    /**
     * @param pool    window (one value for both axes, or height and width)
     * @param stride  step, or null for the window size
     * @param padding zero padding on each side, at most half the window
     */
    public MaxPool2D(String name, int[] pool, int[] stride, int[] padding) {
        super(name, PoolSpec.Kind.MAX, pool, stride, padding);
    }

    /** Square windows of {@code pool}, stride {@code pool}, no padding. */
    public static MaxPool2D of(int pool) {
        return new MaxPool2D(null, new int[] {pool}, null, new int[] {0});
    }

    /** Square windows of {@code pool} with the given stride and padding. */
    public static MaxPool2D of(int pool, int stride, int padding) {
        return new MaxPool2D(null, new int[] {pool}, new int[] {stride}, new int[] {padding});
    }

    /** Rebuilds the layer from {@link #config()}. */
    public static MaxPool2D fromConfig(Map<String, Object> c) {
        return new MaxPool2D(Layers.string(c, "name"), Layers.integers(c, "pool"), Layers.integers(c, "stride"),
                Layers.integers(c, "padding"));
    }
}
