package dev.mnemo.kernels.onednn;

import static org.bytedeco.dnnl.global.dnnl.dnnl_a;
import static org.bytedeco.dnnl.global.dnnl.dnnl_reorder_primitive_desc_create;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.junit.jupiter.api.Test;

/** Reuse by key, and eviction of the least recently used only between calls. */
class PrimitiveCacheTest {
    private final DnnlRuntime rt = DnnlRuntime.get();

    private Primitive copy(long n) {
        try (Descs d = new Descs()) {
            var md = d.tagged(dnnl_a, n);
            dnnl_primitive_desc pd = new dnnl_primitive_desc();
            Status.check(dnnl_reorder_primitive_desc_create(pd, md, rt.engine, md, rt.engine, null), "copy");
            return new Primitive(pd, "copy n=" + n);
        }
    }

    @Test
    void reusesByKeyAndEvictsLeastRecentlyUsedOnlyOnTrim() {
        PrimitiveCache cache = new PrimitiveCache(2);
        Primitive first = cache.get("a", () -> copy(1));
        cache.get("b", () -> copy(2));
        assertEquals(first, cache.get("a", () -> copy(1)), "same key, same primitive");
        cache.get("c", () -> copy(3));
        assertEquals(3, cache.size(), "nothing is freed during a call");
        assertEquals(3, cache.creations());
        cache.trim();
        assertEquals(2, cache.size());
        cache.get("a", () -> copy(1));
        assertEquals(3, cache.creations(), "'a' was used recently and survived; 'b' was evicted");
        cache.get("b", () -> copy(2));
        assertEquals(4, cache.creations());
    }
}
