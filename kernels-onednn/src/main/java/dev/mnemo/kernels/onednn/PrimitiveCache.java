package dev.mnemo.kernels.onednn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Created primitives by key (op, shapes, options), least recently used evicted past a capacity
 * ({@link #CAPACITY} by default). Creating a oneDNN primitive descriptor and primitive costs from
 * tens of microseconds to milliseconds (JIT code generation), so a training loop creates each once.
 * Eviction happens only in {@link #trim()}, between kernel calls, so a primitive fetched during a
 * call is never freed while that call still uses it. Used under {@link DnnlRuntime#lock()} only.
 */
final class PrimitiveCache {
    /** Default number of entries kept; a model uses a few dozen shapes, variable-length batches some more. */
    static final int CAPACITY = 512;

    private final int capacity;

    private final Map<Object, Primitive> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long creations;

    PrimitiveCache() {
        this(CAPACITY);
    }

    PrimitiveCache(int capacity) {
        this.capacity = capacity;
    }

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

    /** Frees the least recently used primitives beyond the capacity; call between kernel calls. */
    void trim() {
        var it = entries.values().iterator();
        for (int excess = entries.size() - capacity; excess > 0; excess--) {
            it.next().close();
            it.remove();
        }
    }

    /** Frees every primitive held. */
    void clear() {
        entries.values().forEach(Primitive::close);
        entries.clear();
    }

    /** The primitives held (for tests that inspect the implementations oneDNN chose). */
    java.util.Collection<Primitive> primitives() {
        return java.util.List.copyOf(entries.values());
    }

    /** Number of primitives held. */
    int size() {
        return entries.size();
    }

    /** How many primitives were created so far (for tests of reuse). */
    long creations() {
        return creations;
    }
}
