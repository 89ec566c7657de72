package dev.mnemo.kernels.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_backward_data_primitive_desc_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_backward_weights_primitive_desc_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_direct;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_forward_primitive_desc_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_inference;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_training;
import static org.bytedeco.dnnl.global.dnnl.dnnl_nchw;
import static org.bytedeco.dnnl.global.dnnl.dnnl_oihw;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_x;

import dev.mnemo.kernel.ConvSpec;
import dev.mnemo.tensor.Tensor;
import java.util.List;
import org.bytedeco.dnnl.dnnl_memory_desc;
import org.bytedeco.dnnl.dnnl_primitive_desc;

/**
 * 2-D convolution (forward, backward-data, backward-weights with bias) through oneDNN's direct
 * convolution primitives, on the tensors' own NCHW / OIHW memory. oneDNN counts dilation from 0
 * (ours from 1) and takes left and right padding separately (ours is symmetric; its output-size
 * check floors like PyTorch's). Backward primitives overwrite their outputs, so they write into
 * scratch and the results are added into the SPI's accumulating gradients.
 */
final class DnnlConv {
    private final DnnlRuntime rt;
    private final PrimitiveCache cache;
    private final Scratch scratch;
    private final DnnlAccumulate accumulate;

    DnnlConv(DnnlRuntime rt, PrimitiveCache cache, Scratch scratch, DnnlAccumulate accumulate) {
        this.rt = rt;
        this.cache = cache;
        this.scratch = scratch;
        this.accumulate = accumulate;
    }

    private enum Kind { FORWARD, BACKWARD_DATA, BACKWARD_WEIGHTS }

    /** Shapes of one convolution: x [N,C,H,W], w [K,C,R,S], y [N,K,P,Q], with or without bias. */
    private record Shapes(List<Integer> x, List<Integer> w, List<Integer> y, boolean bias, ConvSpec spec) {
        static Shapes of(Tensor x, Tensor w, Tensor y, boolean bias, ConvSpec spec) {
            return new Shapes(dims(x), dims(w), dims(y), bias, spec);
        }

        private static List<Integer> dims(Tensor t) {
            return List.of(t.dim(0), t.dim(1), t.dim(2), t.dim(3));
        }

        private static long[] longs(List<Integer> d) {
            return d.stream().mapToLong(Integer::longValue).toArray();
        }

        @Override
        public String toString() {
            return "x=" + x + " w=" + w + " y=" + y + (bias ? " with bias " : " ") + spec;
        }
    }

    void forward(Tensor y, Tensor x, Tensor w, Tensor bias, ConvSpec spec) {
        if (y.size() == 0) {
            return;
        }
        Shapes s = Shapes.of(x, w, y, bias != null, spec);
        Primitive p = cache.get(List.of(Kind.FORWARD, s), () -> create(s, Kind.FORWARD));
        Exec e = new Exec(rt, p).arg(DNNL_ARG_SRC, x.segment()).arg(DNNL_ARG_WEIGHTS, w.segment())
                .arg(DNNL_ARG_DST, y.segment());
        if (bias != null) {
            e.arg(DNNL_ARG_BIAS, bias.segment());
        }
        e.run();
    }

    void backwardData(Tensor dx, Tensor dy, Tensor w, ConvSpec spec) {
        if (dy.size() == 0 || dx.size() == 0) {
            return;
        }
        Shapes s = Shapes.of(dx, w, dy, false, spec);
        Primitive p = cache.get(List.of(Kind.BACKWARD_DATA, s), () -> create(s, Kind.BACKWARD_DATA));
        Tensor grad = scratch.tensor(dx.shape());
        new Exec(rt, p).arg(DNNL_ARG_DIFF_DST, dy.segment()).arg(DNNL_ARG_WEIGHTS, w.segment())
                .arg(DNNL_ARG_DIFF_SRC, grad.segment()).run();
        accumulate.add(dx.segment(), grad.segment(), dx.size());
    }

    void backwardWeights(Tensor dw, Tensor db, Tensor dy, Tensor x, ConvSpec spec) {
        if (dy.size() == 0 || dw.size() == 0) {
            return;
        }
        Shapes s = Shapes.of(x, dw, dy, db != null, spec);
        Primitive p = cache.get(List.of(Kind.BACKWARD_WEIGHTS, s), () -> create(s, Kind.BACKWARD_WEIGHTS));
        Tensor gradW = scratch.tensor(dw.shape());
        Tensor gradB = db == null ? null : scratch.tensor(db.shape());
        Exec e = new Exec(rt, p).arg(DNNL_ARG_SRC, x.segment()).arg(DNNL_ARG_DIFF_DST, dy.segment())
                .arg(DNNL_ARG_DIFF_WEIGHTS, gradW.segment());
        if (gradB != null) {
            e.arg(DNNL_ARG_DIFF_BIAS, gradB.segment());
        }
        e.run();
        accumulate.add(dw.segment(), gradW.segment(), dw.size());
        if (db != null) {
            accumulate.add(db.segment(), gradB.segment(), db.size());
        }
    }

    private Primitive create(Shapes s, Kind kind) {
        String label = "convolution " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + s;
        ConvSpec c = s.spec();
        long[] strides = {c.strideH(), c.strideW()};
        long[] dilates = {c.dilationH() - 1, c.dilationW() - 1};
        long[] pad = {c.padH(), c.padW()};
        try (Descs d = new Descs()) {
            dnnl_memory_desc src = d.tagged(dnnl_nchw, Shapes.longs(s.x()));
            dnnl_memory_desc wei = d.tagged(dnnl_oihw, Shapes.longs(s.w()));
            dnnl_memory_desc dst = d.tagged(dnnl_nchw, Shapes.longs(s.y()));
            dnnl_memory_desc bias = s.bias() ? d.tagged(dnnl_x, s.w().get(0)) : null;
            dnnl_primitive_desc fwd = new dnnl_primitive_desc();
            Status.check(dnnl_convolution_forward_primitive_desc_create(fwd, rt.engine,
                    kind == Kind.FORWARD ? dnnl_forward_inference : dnnl_forward_training, dnnl_convolution_direct,
                    src, wei, bias, dst, strides, dilates, pad, pad, null), label);
            if (kind == Kind.FORWARD) {
                return new Primitive(fwd, label);
            }
            try {
                dnnl_primitive_desc bwd = new dnnl_primitive_desc();
                if (kind == Kind.BACKWARD_DATA) {
                    Status.check(dnnl_convolution_backward_data_primitive_desc_create(bwd, rt.engine,
                            dnnl_convolution_direct, src, wei, dst, strides, dilates, pad, pad, fwd, null), label);
                } else {
                    Status.check(dnnl_convolution_backward_weights_primitive_desc_create(bwd, rt.engine,
                            dnnl_convolution_direct, src, wei, bias, dst, strides, dilates, pad, pad, fwd, null), label);
                }
                return new Primitive(bwd, label);
            } finally {
                dnnl_primitive_desc_destroy(fwd);
            }
        }
    }
}
