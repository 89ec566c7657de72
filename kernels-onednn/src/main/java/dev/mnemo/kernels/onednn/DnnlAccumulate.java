package dev.mnemo.kernels.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_FROM;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_TO;
import static org.bytedeco.dnnl.global.dnnl.dnnl_a;
import static org.bytedeco.dnnl.global.dnnl.dnnl_data_type_undef;
import static org.bytedeco.dnnl.global.dnnl.dnnl_post_ops_append_sum;
import static org.bytedeco.dnnl.global.dnnl.dnnl_post_ops_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_post_ops_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_attr_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_attr_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_attr_set_post_ops;
import static org.bytedeco.dnnl.global.dnnl.dnnl_reorder_primitive_desc_create;

import java.lang.foreign.MemorySegment;
import java.util.List;
import org.bytedeco.dnnl.dnnl_memory_desc;
import org.bytedeco.dnnl.dnnl_post_ops;
import org.bytedeco.dnnl.dnnl_primitive_attr;
import org.bytedeco.dnnl.dnnl_primitive_desc;

/**
 * {@code into += from}: how oneDNN's overwriting backward results become the SPI's accumulating
 * gradients. Large buffers go through a oneDNN reorder with a {@code sum} post-op
 * ({@code to = from + 1·to}), which is parallel and vectorised and can change the layout on the
 * way (an {@code ldigo} weight gradient added into PyTorch's rows); buffers below
 * {@link #NATIVE_MIN} floats are added in Java, where a primitive call would cost more than the
 * work.
 */
final class DnnlAccumulate {
    /** Smallest buffer, in floats, added through oneDNN. */
    static final long NATIVE_MIN = 1 << 14;

    private final DnnlRuntime rt;
    private final PrimitiveCache cache;

    DnnlAccumulate(DnnlRuntime rt, PrimitiveCache cache) {
        this.rt = rt;
        this.cache = cache;
    }

    /** {@code into[0..n) += from[0..n)}. */
    void add(MemorySegment into, MemorySegment from, long n) {
        if (n < NATIVE_MIN) {
            JavaElementwise.axpy(1f, from, into, n);
            return;
        }
        Primitive p = cache.get(List.of("accumulate", n), () -> {
            try (Descs d = new Descs()) {
                dnnl_memory_desc md = d.tagged(dnnl_a, n);
                return reorderWithSum(md, md, "accumulate n=" + n);
            }
        });
        new Exec(rt, p).arg(DNNL_ARG_FROM, from).arg(DNNL_ARG_TO, into).run();
    }

    /**
     * {@code into += from} where the two are laid out as {@code fromTag} and {@code intoTag} over
     * the same dimensions {@code dims}.
     */
    void add(MemorySegment into, int intoTag, MemorySegment from, int fromTag, long... dims) {
        Primitive p = cache.get(List.of("accumulate", fromTag, intoTag, List.of(boxed(dims))), () -> {
            try (Descs d = new Descs()) {
                return reorderWithSum(d.tagged(fromTag, dims), d.tagged(intoTag, dims),
                        "accumulate " + java.util.Arrays.toString(dims) + " tag " + fromTag + " into tag " + intoTag);
            }
        });
        new Exec(rt, p).arg(DNNL_ARG_FROM, from).arg(DNNL_ARG_TO, into).run();
    }

    private Primitive reorderWithSum(dnnl_memory_desc from, dnnl_memory_desc to, String label) {
        dnnl_post_ops ops = new dnnl_post_ops();
        dnnl_primitive_attr attr = new dnnl_primitive_attr();
        Status.check(dnnl_post_ops_create(ops), label, "(post-ops)");
        try {
            Status.check(dnnl_post_ops_append_sum(ops, 1f, 0, dnnl_data_type_undef), label, "(sum post-op)");
            Status.check(dnnl_primitive_attr_create(attr), label, "(attributes)");
            Status.check(dnnl_primitive_attr_set_post_ops(attr, ops), label, "(attributes)");
            dnnl_primitive_desc pd = new dnnl_primitive_desc();
            Status.check(dnnl_reorder_primitive_desc_create(pd, from, rt.engine, to, rt.engine, attr), label);
            return new Primitive(pd, label);
        } finally {
            dnnl_primitive_attr_destroy(attr);
            dnnl_post_ops_destroy(ops);
        }
    }

    private static Long[] boxed(long[] dims) {
        return java.util.Arrays.stream(dims).boxed().toArray(Long[]::new);
    }
}
