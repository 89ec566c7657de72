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
import static org.bytedeco.dnnl.global.dnnl.dnnl_format_tag_any;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_inference;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_training;
import static org.bytedeco.dnnl.global.dnnl.dnnl_nchw;
import static org.bytedeco.dnnl.global.dnnl.dnnl_oihw;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_get_size;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_query_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_exec_arg_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_x;

import dev.mnemo.kernel.ConvSpec;
import dev.mnemo.tensor.Tensor;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Locale;
import org.bytedeco.dnnl.dnnl_memory_desc;
import org.bytedeco.dnnl.dnnl_primitive_desc;

/**
 * 2-D convolution (forward, backward-data, backward-weights with bias) through oneDNN's direct
 * convolution primitives.
 *
 * <p><b>Layouts.</b> The primitives are created with {@code format_tag::any}, so oneDNN picks its
 * blocked layouts (e.g. {@code nChw16c}) and its JIT kernels; asked for plain NCHW it falls back
 * to a reference kernel about 50–100× slower. Activations are reordered between NCHW and the
 * chosen layout around each call ({@link Reorders}); weights go through the {@link WeightCache}
 * (reordered once, again only when they change). Backward results are reordered straight into the
 * SPI's accumulating gradients with a sum post-op. The data gradient of a convolution with few
 * input channels stays plain NCHW (a blocked layout would pad the channels to 16).
 *
 * <p>oneDNN counts dilation from 0 (ours from 1) and takes left and right padding separately
 * (ours is symmetric; its output-size check floors like PyTorch's).
 */
final class DnnlConv {
    private final DnnlRuntime rt;
    private final PrimitiveCache cache;
    private final Scratch scratch;
    private final Reorders reorders;
    private final WeightCache weights;
    private final DnnlAccumulate accumulate;

    DnnlConv(DnnlRuntime rt, PrimitiveCache cache, Scratch scratch, Reorders reorders, WeightCache weights,
             DnnlAccumulate accumulate) {
        this.rt = rt;
        this.cache = cache;
        this.scratch = scratch;
        this.reorders = reorders;
        this.weights = weights;
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

        static long[] longs(List<Integer> d) {
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
        long[] yDims = Shapes.longs(s.y());
        boolean plainDst = reorders.isPlain(p, DNNL_ARG_DST, dnnl_nchw, yDims);
        MemorySegment dst = plainDst ? y.segment() : reorders.buffer(p, DNNL_ARG_DST);
        Exec e = new Exec(rt, p)
                .arg(DNNL_ARG_SRC, reorders.toPrimitive(p, DNNL_ARG_SRC, x.segment(), dnnl_nchw, Shapes.longs(s.x())))
                .arg(DNNL_ARG_WEIGHTS, weightsFor(p, DNNL_ARG_WEIGHTS, w, s))
                .arg(DNNL_ARG_DST, dst);
        if (bias != null) {
            e.arg(DNNL_ARG_BIAS, bias.segment());
        }
        e.run();
        if (!plainDst) {
            reorders.fromPrimitive(p, DNNL_ARG_DST, dst, y.segment(), false, dnnl_nchw, yDims);
        }
    }

    void backwardData(Tensor dx, Tensor dy, Tensor w, ConvSpec spec) {
        if (dy.size() == 0 || dx.size() == 0) {
            return;
        }
        Shapes s = Shapes.of(dx, w, dy, false, spec);
        Primitive p = cache.get(List.of(Kind.BACKWARD_DATA, s), () -> create(s, Kind.BACKWARD_DATA));
        MemorySegment grad = reorders.buffer(p, DNNL_ARG_DIFF_SRC);
        new Exec(rt, p)
                .arg(DNNL_ARG_DIFF_DST, reorders.toPrimitive(p, DNNL_ARG_DIFF_DST, dy.segment(), dnnl_nchw,
                        Shapes.longs(s.y())))
                .arg(DNNL_ARG_WEIGHTS, weightsFor(p, DNNL_ARG_WEIGHTS, w, s))
                .arg(DNNL_ARG_DIFF_SRC, grad)
                .run();
        reorders.fromPrimitive(p, DNNL_ARG_DIFF_SRC, grad, dx.segment(), true, dnnl_nchw, Shapes.longs(s.x()));
    }

    void backwardWeights(Tensor dw, Tensor db, Tensor dy, Tensor x, ConvSpec spec) {
        if (dy.size() == 0 || dw.size() == 0) {
            return;
        }
        Shapes s = Shapes.of(x, dw, dy, db != null, spec);
        Primitive p = cache.get(List.of(Kind.BACKWARD_WEIGHTS, s), () -> create(s, Kind.BACKWARD_WEIGHTS));
        MemorySegment gradW = reorders.buffer(p, DNNL_ARG_DIFF_WEIGHTS);
        MemorySegment gradB = db == null ? null : scratch.floats(db.size());
        Exec e = new Exec(rt, p)
                .arg(DNNL_ARG_SRC, reorders.toPrimitive(p, DNNL_ARG_SRC, x.segment(), dnnl_nchw, Shapes.longs(s.x())))
                .arg(DNNL_ARG_DIFF_DST, reorders.toPrimitive(p, DNNL_ARG_DIFF_DST, dy.segment(), dnnl_nchw,
                        Shapes.longs(s.y())))
                .arg(DNNL_ARG_DIFF_WEIGHTS, gradW);
        if (gradB != null) {
            e.arg(DNNL_ARG_DIFF_BIAS, gradB);
        }
        e.run();
        reorders.fromPrimitive(p, DNNL_ARG_DIFF_WEIGHTS, gradW, dw.segment(), true, dnnl_oihw, Shapes.longs(s.w()));
        if (db != null) {
            accumulate.add(db.segment(), gradB, db.size());
        }
    }

    /** {@code w} (OIHW) in the layout {@code p} chose, through the weight cache. */
    private MemorySegment weightsFor(Primitive p, int arg, Tensor w, Shapes s) {
        try (Descs d = new Descs()) {
            return weights.get(w, p.md(arg), d.tagged(dnnl_oihw, Shapes.longs(s.w())), null, null,
                    List.of(p.label, arg), p.label);
        }
    }

    /**
     * Whether the layout oneDNN chose for {@code arg} is more than 1.5 times the plain size: with
     * few channels (the first layer's 1 or 3) a blocked layout pads them to the block (16 on
     * AVX-512), and moving that gradient costs more than computing it in plain NCHW.
     */
    private static boolean paddedTooMuch(dnnl_primitive_desc pd, int arg, long[] dims) {
        long plain = Float.BYTES;
        for (long d : dims) {
            plain *= d;
        }
        return dnnl_memory_desc_get_size(dnnl_primitive_desc_query_md(pd, dnnl_query_exec_arg_md, arg)) > plain * 3 / 2;
    }

    private Primitive create(Shapes s, Kind kind) {
        String label = "convolution " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + s;
        ConvSpec c = s.spec();
        long[] strides = {c.strideH(), c.strideW()};
        long[] dilates = {c.dilationH() - 1, c.dilationW() - 1};
        long[] pad = {c.padH(), c.padW()};
        try (Descs d = new Descs()) {
            dnnl_memory_desc src = d.tagged(dnnl_format_tag_any, Shapes.longs(s.x()));
            dnnl_memory_desc wei = d.tagged(dnnl_format_tag_any, Shapes.longs(s.w()));
            dnnl_memory_desc dst = d.tagged(dnnl_format_tag_any, Shapes.longs(s.y()));
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
                    if (paddedTooMuch(bwd, DNNL_ARG_DIFF_SRC, Shapes.longs(s.x()))) {
                        dnnl_primitive_desc_destroy(bwd);
                        bwd = new dnnl_primitive_desc();
                        Status.check(dnnl_convolution_backward_data_primitive_desc_create(bwd, rt.engine,
                                dnnl_convolution_direct, d.tagged(dnnl_nchw, Shapes.longs(s.x())), wei, dst, strides,
                                dilates, pad, pad, fwd, null), label);
                    }
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
