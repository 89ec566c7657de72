package dev.mnemo.kernels.onednn;

import static org.bytedeco.dnnl.global.dnnl.dnnl_f32;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_create_with_strides;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_create_with_tag;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_destroy;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.dnnl.dnnl_memory_desc;

/**
 * float32 memory descriptors made for one primitive-descriptor creation and destroyed together
 * when it closes (primitive descriptors keep their own copies).
 */
final class Descs implements AutoCloseable {
    private final List<dnnl_memory_desc> created = new ArrayList<>();

    /** A descriptor with the given dimensions and format tag, e.g. {@code dnnl_nchw} or {@code dnnl_format_tag_any}. */
    dnnl_memory_desc tagged(int tag, long... dims) {
        dnnl_memory_desc md = new dnnl_memory_desc();
        Status.check(dnnl_memory_desc_create_with_tag(md, dims.length, dims, dnnl_f32, tag),
                "memory descriptor", dims, "tag", tag);
        created.add(md);
        return md;
    }

    /** A descriptor with explicit strides (in elements). */
    dnnl_memory_desc strided(long[] dims, long[] strides) {
        dnnl_memory_desc md = new dnnl_memory_desc();
        Status.check(dnnl_memory_desc_create_with_strides(md, dims.length, dims, dnnl_f32, strides),
                "memory descriptor", dims, "strides", strides);
        created.add(md);
        return md;
    }

    @Override
    public void close() {
        for (dnnl_memory_desc md : created) {
            dnnl_memory_desc_destroy(md);
        }
        created.clear();
    }
}
