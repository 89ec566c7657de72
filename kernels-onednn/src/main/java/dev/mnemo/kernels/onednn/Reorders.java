package dev.mnemo.kernels.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_FROM;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_TO;
import static org.bytedeco.dnnl.global.dnnl.dnnl_data_type_undef;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_equal;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_get_size;
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
 * Layout changes with oneDNN's reorder primitive: between our plain row-major tensors and the
 * blocked layouts a primitive chooses when created with {@code format_tag::any} (convolutions run
 * several times faster in them), optionally adding into the destination (a {@code sum} post-op,
 * {@code to = reorder(from) + to}) for the SPI's accumulating gradients. Reorder primitives are
 * cached like the others. Used under the oneDNN lock.
 */
final class Reorders {
    private final DnnlRuntime rt;
    private final PrimitiveCache cache;
    private final Scratch scratch;

    Reorders(DnnlRuntime rt, PrimitiveCache cache, Scratch scratch) {
        this.rt = rt;
        this.cache = cache;
        this.scratch = scratch;
    }

    /** The cached reorder {@code from → to} (adding into {@code to} if {@code sum}), created on first use. */
    Primitive get(Object key, dnnl_memory_desc from, dnnl_memory_desc to, boolean sum, String label) {
        return cache.get(List.of("reorder", sum, key), () -> create(from, to, sum, label));
    }

    /** Runs a reorder from {@code from}'s memory into {@code to}'s. */
    void run(Primitive reorder, MemorySegment from, MemorySegment to) {
        new Exec(rt, reorder).arg(DNNL_ARG_FROM, from).arg(DNNL_ARG_TO, to).run();
    }

    /**
     * {@code plain} (laid out as {@code tag} over {@code dims}) in the layout primitive {@code p}
     * wants for input {@code arg}: {@code plain} itself when they agree, else a reordered scratch copy.
     */
    MemorySegment toPrimitive(Primitive p, int arg, MemorySegment plain, int tag, long... dims) {
        try (Descs d = new Descs()) {
            dnnl_memory_desc user = d.tagged(tag, dims);
            dnnl_memory_desc wanted = p.md(arg);
            if (dnnl_memory_desc_equal(user, wanted) != 0) {
                return plain;
            }
            MemorySegment copy = scratch.floats(dnnl_memory_desc_get_size(wanted) / Float.BYTES);
            run(get(List.of(p.label, arg, "in"), user, wanted, false, "to the layout of " + p.label), plain, copy);
            return copy;
        }
    }

    /** Whether primitive {@code p}'s argument {@code arg} is laid out as {@code tag} over {@code dims}. */
    boolean isPlain(Primitive p, int arg, int tag, long... dims) {
        try (Descs d = new Descs()) {
            return dnnl_memory_desc_equal(d.tagged(tag, dims), p.md(arg)) != 0;
        }
    }

    /** A scratch buffer in the layout of {@code p}'s argument {@code arg}. */
    MemorySegment buffer(Primitive p, int arg) {
        return scratch.floats(p.bytes(arg) / Float.BYTES);
    }

    /**
     * Writes {@code buffer}, in {@code p}'s layout for output {@code arg}, into {@code plain}
     * (laid out as {@code tag} over {@code dims}), adding to it if {@code add}.
     */
    void fromPrimitive(Primitive p, int arg, MemorySegment buffer, MemorySegment plain, boolean add, int tag,
                       long... dims) {
        try (Descs d = new Descs()) {
            dnnl_memory_desc user = d.tagged(tag, dims);
            run(get(List.of(p.label, arg, "out"), p.md(arg), user, add, "from the layout of " + p.label),
                    buffer, plain);
        }
    }

    private Primitive create(dnnl_memory_desc from, dnnl_memory_desc to, boolean sum, String label) {
        String what = "reorder " + label;
        dnnl_post_ops ops = new dnnl_post_ops();
        dnnl_primitive_attr attr = new dnnl_primitive_attr();
        try {
            if (sum) {
                Status.check(dnnl_post_ops_create(ops), what, "(post-ops)");
                Status.check(dnnl_post_ops_append_sum(ops, 1f, 0, dnnl_data_type_undef), what, "(sum post-op)");
                Status.check(dnnl_primitive_attr_create(attr), what, "(attributes)");
                Status.check(dnnl_primitive_attr_set_post_ops(attr, ops), what, "(attributes)");
            }
            dnnl_primitive_desc pd = new dnnl_primitive_desc();
            Status.check(dnnl_reorder_primitive_desc_create(pd, from, rt.engine, to, rt.engine, sum ? attr : null), what);
            return new Primitive(pd, what);
        } finally {
            if (!attr.isNull()) {
                dnnl_primitive_attr_destroy(attr);
            }
            if (!ops.isNull()) {
                dnnl_post_ops_destroy(ops);
            }
        }
    }
}
