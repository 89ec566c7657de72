package dev.mnemo.nn;

import dev.mnemo.kernel.PoolSpec;
import java.util.Map;

/**
 * Mean over the valid steps of each sequence: {@code [B, T, F] → [B, F]},
 * {@code y[b,f] = (1 / len_b) Σ_{t < len_b} x[b,t,f]} (Keras's {@code GlobalAveragePooling1D} with a
 * mask); padded steps neither count nor receive gradient, and an empty sample gives 0.
 */
public final class GlobalAveragePooling1D extends GlobalPooling {
    public GlobalAveragePooling1D(String name) {
        super(name, PoolSpec.Kind.AVG, true);
    }

    public static GlobalAveragePooling1D of() {
        return new GlobalAveragePooling1D(null);
    }

    /** Rebuilds the layer from {@link #config()}. */
    public static GlobalAveragePooling1D fromConfig(Map<String, Object> c) {
        return new GlobalAveragePooling1D(Layers.string(c, "name"));
    }
}
