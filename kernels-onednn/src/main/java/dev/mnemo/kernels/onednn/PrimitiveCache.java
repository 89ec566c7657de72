package dev.mnemo.kernels.onednn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Created primitives by key (op, shapes, options), least recently used evicted past
 * {@link #CAPACITY}. Creating a oneDNN primitive descriptor and primitive costs from tens of
 * microseconds to milliseconds (JIT code generation), so a training loop creates each once.
 * Used under {@link DnnlRuntime#lock()} only.
 */
final class PrimitiveCache {
    /** Entries kept; a model uses a few dozen shapes, variable-length batches some more. */
    static final int CAPACITY = 512;

    private final Map<Object, Primitive> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Primitive> eldest) {
            if (size() > CAPACITY) {
                eldest.getValue().close();
                return true;
            }
            return false;
        }
    };
    private long creations;

    /** The primitive for {@code key}, created by {@code create} on first use. */
    Primitive get(Object key, Supplier<Primitive> create) {
        Primitive p = entries.get(key);
        if (p == null) {
            p = create.get();
            creations++;
            entries.put(key, p);
        }
        return p;
    }

    /** How many primitives were created so far (for tests of reuse). */
    long creations() {
        return creations;
    }
}
