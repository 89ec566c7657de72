package dev.mnemo.kernels.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WORKSPACE;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_inference;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_training;
import static org.bytedeco.dnnl.global.dnnl.dnnl_nchw;
import static org.bytedeco.dnnl.global.dnnl.dnnl_pooling_avg_include_padding;
import static org.bytedeco.dnnl.global.dnnl.dnnl_pooling_backward_primitive_desc_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_pooling_forward_primitive_desc_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_pooling_max;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_destroy;

import dev.mnemo.kernel.PoolSpec;
import dev.mnemo.tensor.Tensor;
import java.lang.foreign.MemorySegment;
import java.util.List;
import org.bytedeco.dnnl.dnnl_memory_desc;
import org.bytedeco.dnnl.dnnl_primitive_desc;

/**
 * Max and average pooling through oneDNN's pooling primitive on NCHW tensors
 * ({@code pooling_max}; {@code pooling_avg_include_padding} = PyTorch's {@code count_include_pad}).
 * The SPI's backward gets no workspace, so max-pooling backward first re-runs the forward in
 * training mode into scratch to get oneDNN's argmax workspace, then runs the backward primitive
 * (overwriting scratch) and adds it into {@code dx}.
 */
final class DnnlPool {
    private final DnnlRuntime rt;
    private final PrimitiveCache cache;
    private final Scratch scratch;
    private final DnnlAccumulate accumulate;

    DnnlPool(DnnlRuntime rt, PrimitiveCache cache, Scratch scratch, DnnlAccumulate accumulate) {
        this.rt = rt;
        this.cache = cache;
        this.scratch = scratch;
        this.accumulate = accumulate;
    }

    void forward(Tensor y, Tensor x, PoolSpec spec) {
        if (y.size() == 0) {
            return;
        }
        Primitive p = cache.get(List.of("pool forward", List.of(x.dim(0), x.dim(1), x.dim(2), x.dim(3)), spec),
                () -> create(x, y, spec, Mode.INFERENCE));
        new Exec(rt, p).arg(DNNL_ARG_SRC, x.segment()).arg(DNNL_ARG_DST, y.segment()).run();
    }

    void backward(Tensor dx, Tensor dy, Tensor x, PoolSpec spec) {
        if (dy.size() == 0) {
            return;
        }
        Object shape = List.of(x.dim(0), x.dim(1), x.dim(2), x.dim(3));
        Primitive fwd = cache.get(List.of("pool forward training", shape, spec), () -> create(x, dy, spec, Mode.TRAINING));
        Primitive bwd = cache.get(List.of("pool backward", shape, spec), () -> create(x, dy, spec, Mode.BACKWARD));
        MemorySegment workspace = scratch.floats((fwd.bytes(DNNL_ARG_WORKSPACE) + 3) / 4);
        Exec forward = new Exec(rt, fwd).arg(DNNL_ARG_SRC, x.segment())
                .arg(DNNL_ARG_DST, scratch.floats(dy.size()));
        if (fwd.bytes(DNNL_ARG_WORKSPACE) > 0) {
            forward.arg(DNNL_ARG_WORKSPACE, workspace);
        }
        forward.run();
        Tensor grad = scratch.tensor(dx.shape());
        Exec backward = new Exec(rt, bwd).arg(DNNL_ARG_DIFF_DST, dy.segment()).arg(DNNL_ARG_DIFF_SRC, grad.segment());
        if (bwd.bytes(DNNL_ARG_WORKSPACE) > 0) {
            backward.arg(DNNL_ARG_WORKSPACE, workspace);
        }
        backward.run();
        accumulate.add(dx.segment(), grad.segment(), dx.size());
    }

    private enum Mode { INFERENCE, TRAINING, BACKWARD }

    private Primitive create(Tensor x, Tensor y, PoolSpec spec, Mode mode) {
        String label = "pooling " + spec.kind() + " " + mode.name().toLowerCase(java.util.Locale.ROOT)
                + " x=" + x + " y=" + y + " " + spec;
        int alg = spec.kind() == PoolSpec.Kind.MAX ? dnnl_pooling_max : dnnl_pooling_avg_include_padding;
        long[] strides = {spec.strideH(), spec.strideW()};
        long[] kernel = {spec.kernelH(), spec.kernelW()};
        long[] dilation = {0, 0};
        long[] pad = {spec.padH(), spec.padW()};
        try (Descs d = new Descs()) {
            dnnl_memory_desc src = d.tagged(dnnl_nchw, x.dim(0), x.dim(1), x.dim(2), x.dim(3));
            dnnl_memory_desc dst = d.tagged(dnnl_nchw, y.dim(0), y.dim(1), y.dim(2), y.dim(3));
            dnnl_primitive_desc fwd = new dnnl_primitive_desc();
            Status.check(dnnl_pooling_forward_primitive_desc_create(fwd, rt.engine,
                    mode == Mode.INFERENCE ? dnnl_forward_inference : dnnl_forward_training, alg, src, dst,
                    strides, kernel, dilation, pad, pad, null), label);
            if (mode != Mode.BACKWARD) {
                return new Primitive(fwd, label);
            }
            try {
                dnnl_primitive_desc bwd = new dnnl_primitive_desc();
                Status.check(dnnl_pooling_backward_primitive_desc_create(bwd, rt.engine, alg, src, dst,
                        strides, kernel, dilation, pad, pad, fwd, null), label);
                return new Primitive(bwd, label);
            } finally {
                dnnl_primitive_desc_destroy(fwd);
            }
        }
    }
}
