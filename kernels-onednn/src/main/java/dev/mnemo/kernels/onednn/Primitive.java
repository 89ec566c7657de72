package dev.mnemo.kernels.onednn;

import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_get_size;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_query;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_query_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_exec_arg_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_impl_info_str;

import org.bytedeco.dnnl.dnnl_memory_desc;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * A created oneDNN primitive with its descriptor, labelled for error messages. Instances live
 * in a {@link PrimitiveCache}; closing frees the native objects. The implementation oneDNN chose
 * is logged at debug level ({@code dev.mnemo.kernels.onednn}).
 */
final class Primitive implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("dev.mnemo.kernels.onednn");

    final dnnl_primitive_desc pd;
    final dnnl_primitive primitive;
    /** What this primitive computes and for which shapes, e.g. {@code "lstm forward T=50 B=64 I=128 H=256"}. */
    final String label;
    /** oneDNN's name of the implementation it chose, e.g. {@code "brgconv:avx512_core"} (a {@code ref} one is slow). */
    final String implementation;

    /** Creates the primitive for {@code pd}, which this object then owns. */
    Primitive(dnnl_primitive_desc pd, String label) {
        this.pd = pd;
        this.label = label;
        this.primitive = new dnnl_primitive();
        int status = dnnl_primitive_create(primitive, pd);
        if (status != 0) {
            dnnl_primitive_desc_destroy(pd);
            Status.check(status, label, "(primitive creation)");
        }
        try (PointerPointer<BytePointer> name = new PointerPointer<>(1)) {
            implementation = dnnl_primitive_desc_query(pd, dnnl_query_impl_info_str, 0, name) == 0
                    ? name.getString(0) : "unknown";
        }
        LOG.log(System.Logger.Level.DEBUG, "oneDNN {0}: {1}", label, implementation);
    }

    /** The memory descriptor the primitive expects for execution argument {@code arg} (owned by the descriptor). */
    dnnl_memory_desc md(int arg) {
        return dnnl_primitive_desc_query_md(pd, dnnl_query_exec_arg_md, arg);
    }

    /** Bytes of execution argument {@code arg} in the primitive's layout (0 if it takes none). */
    long bytes(int arg) {
        dnnl_memory_desc md = md(arg);
        return md == null || md.isNull() ? 0 : dnnl_memory_desc_get_size(md);
    }

    @Override
    public void close() {
        dnnl_primitive_destroy(primitive);
        dnnl_primitive_desc_destroy(pd);
    }
}
