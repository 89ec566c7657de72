package dev.mnemo.kernels.onednn;

import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_execute;

import java.lang.foreign.MemorySegment;
import org.bytedeco.dnnl.dnnl_exec_arg_t;
import org.bytedeco.dnnl.dnnl_memory;
import org.bytedeco.dnnl.dnnl_memory_desc;

/**
 * One execution of a {@link Primitive}: binds tensors' memory to its arguments without copying,
 * runs it on the stream and waits. Memory objects are thin wrappers over our segments and are
 * destroyed after the run.
 *
 * <pre>{@code
 * new Exec(runtime, primitive).arg(DNNL_ARG_SRC, x.segment()).arg(DNNL_ARG_DST, y.segment()).run();
 * }</pre>
 */
final class Exec {
    private static final int MAX_ARGS = 24;

    private final DnnlRuntime runtime;
    private final Primitive primitive;
    private final int[] args = new int[MAX_ARGS];
    private final dnnl_memory[] memories = new dnnl_memory[MAX_ARGS];
    private int count;

    Exec(DnnlRuntime runtime, Primitive primitive) {
        this.runtime = runtime;
        this.primitive = primitive;
    }

    /** Binds {@code data} to {@code arg} in the layout the primitive expects for it. */
    Exec arg(int arg, MemorySegment data) {
        return arg(arg, primitive.md(arg), data);
    }

    /** Binds {@code data}, laid out as {@code md}, to {@code arg}. */
    Exec arg(int arg, dnnl_memory_desc md, MemorySegment data) {
        dnnl_memory memory = new dnnl_memory();
        try {
            Status.check(dnnl_memory_create(memory, md, runtime.engine, new SegmentPointer(data)),
                    primitive.label, "(memory for argument " + arg + ")");
        } catch (OneDnnException e) {
            release();
            throw e;
        }
        args[count] = arg;
        memories[count] = memory;
        count++;
        return this;
    }

    /** Executes and waits; memory objects are released whether or not it succeeds. */
    void run() {
        try (dnnl_exec_arg_t list = new dnnl_exec_arg_t(count)) {
            for (int i = 0; i < count; i++) {
                list.position(i).arg(args[i]).memory(memories[i]);
            }
            list.position(0);
            Status.check(dnnl_primitive_execute(primitive.primitive, runtime.stream, count, list), primitive.label);
            runtime.await(primitive.label);
        } finally {
            release();
        }
    }

    private void release() {
        for (int i = 0; i < count; i++) {
            dnnl_memory_destroy(memories[i]);
            memories[i] = null;
        }
        count = 0;
    }
}
