package dev.mnemo.nn;

import dev.mnemo.kernel.PoolSpec;
import java.util.Map;

/**
 * Maximum of each channel over the image: {@code [B, C, H, W] → [B, C]},
 * {@code y[b,c] = max_{h,w} x[b,c,h,w]} (Keras's {@code GlobalMaxPooling2D}); the gradient goes to
 * the first maximum.
 */
public final class GlobalMaxPooling2D extends GlobalPooling {
    public GlobalMaxPooling2D(String name) {
        super(name, PoolSpec.Kind.MAX, false);
    }

    public static GlobalMaxPooling2D of() {
        return new GlobalMaxPooling2D(null);
    }

    /** Rebuilds the layer from {@link #config()}. */
    public static GlobalMaxPooling2D fromConfig(Map<String, Object> c) {
        return new GlobalMaxPooling2D(Layers.string(c, "name"));
    }
}
