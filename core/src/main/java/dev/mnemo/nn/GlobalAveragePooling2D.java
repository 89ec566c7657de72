package dev.mnemo.nn;

import dev.mnemo.kernel.PoolSpec;
import java.util.Map;

/**
 * Mean of each channel over the image: {@code [B, C, H, W] → [B, C]},
 * {@code y[b,c] = (1 / HW) Σ_{h,w} x[b,c,h,w]} (Keras's {@code GlobalAveragePooling2D},
 * {@code nn.AdaptiveAvgPool2d(1)} flattened).
 */
public final class GlobalAveragePooling2D extends GlobalPooling {
    public GlobalAveragePooling2D(String name) {
        super(name, PoolSpec.Kind.AVG, false);
    }

    public static GlobalAveragePooling2D of() {
        return new GlobalAveragePooling2D(null);
    }

    /** Rebuilds the layer from {@link #config()}. */
    public static GlobalAveragePooling2D fromConfig(Map<String, Object> c) {
        return new GlobalAveragePooling2D(Layers.string(c, "name"));
    }
}
