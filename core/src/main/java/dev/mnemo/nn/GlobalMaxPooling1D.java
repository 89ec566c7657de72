package dev.mnemo.nn;

import dev.mnemo.kernel.PoolSpec;
import java.util.Map;

/**
 * Maximum over the valid steps of each sequence: {@code [B, T, F] → [B, F]},
 * {@code y[b,f] = max_{t < len_b} x[b,t,f]} (Keras's {@code GlobalMaxPooling1D} with a mask); an
 * empty sample gives 0. With {@link Conv1D}, the classic text CNN (Kim 2014).
 */
public final class GlobalMaxPooling1D extends GlobalPooling {
    public GlobalMaxPooling1D(String name) {
        super(name, PoolSpec.Kind.MAX, true);
    }

    public static GlobalMaxPooling1D of() {
        return new GlobalMaxPooling1D(null);
    }

    /** Rebuilds the layer from {@link #config()}. */
    public static GlobalMaxPooling1D fromConfig(Map<String, Object> c) {
        return new GlobalMaxPooling1D(Layers.string(c, "name"));
    }
}
