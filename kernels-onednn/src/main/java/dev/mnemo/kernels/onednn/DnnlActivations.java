package dev.mnemo.kernels.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.dnnl_a;
import static org.bytedeco.dnnl.global.dnnl.dnnl_ab;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_backward_primitive_desc_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_forward_primitive_desc_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_gelu_erf;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_logistic;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_relu;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_tanh;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_training;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_softmax_accurate;
import static org.bytedeco.dnnl.global.dnnl.dnnl_softmax_backward_primitive_desc_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_softmax_forward_primitive_desc_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_softmax_log;

import dev.mnemo.kernel.Activation;
import dev.mnemo.tensor.Tensor;
import java.util.List;
import org.bytedeco.dnnl.dnnl_memory_desc;
import org.bytedeco.dnnl.dnnl_primitive_desc;

/**
 * Activations through oneDNN's eltwise primitive ({@code logistic}, {@code tanh}, {@code relu},
 * {@code gelu_erf}) and softmax / log-softmax through its softmax primitive over the last axis.
 * Tensors are viewed as flat vectors (eltwise) or {@code [rows, last]} matrices (softmax). oneDNN's
 * backward primitives overwrite {@code diff_src}; the SPI accumulates, so they write into scratch
 * and {@link DnnlAccumulate} adds.
 */
final class DnnlActivations {
    private final DnnlRuntime rt;
    private final PrimitiveCache cache;
    private final Scratch scratch;
    private final DnnlAccumulate accumulate;

    DnnlActivations(DnnlRuntime rt, PrimitiveCache cache, Scratch scratch, DnnlAccumulate accumulate) {
        this.rt = rt;
        this.cache = cache;
        this.scratch = scratch;
        this.accumulate = accumulate;
    }

    void forward(Activation f, Tensor y, Tensor x) {
        if (x.size() == 0) {
            return;
        }
        Primitive p = cache.get(List.of("eltwise forward", f, x.size()), () -> eltwise(f, x.size(), false));
        new Exec(rt, p).arg(DNNL_ARG_SRC, x.segment()).arg(DNNL_ARG_DST, y.segment()).run();
    }

    void backward(Activation f, Tensor dx, Tensor dy, Tensor x) {
        if (x.size() == 0) {
            return;
        }
        Primitive p = cache.get(List.of("eltwise backward", f, x.size()), () -> eltwise(f, x.size(), true));
        Tensor grad = scratch.tensor(x.shape());
        new Exec(rt, p).arg(DNNL_ARG_SRC, x.segment()).arg(DNNL_ARG_DIFF_DST, dy.segment())
                .arg(DNNL_ARG_DIFF_SRC, grad.segment()).run();
        accumulate.add(dx.segment(), grad.segment(), dx.size());
    }

    /** Softmax ({@code log == false}) or log-softmax over the last axis. */
    void softmax(Tensor y, Tensor x, boolean log) {
        long cols = x.dim(-1), rows = cols == 0 ? 0 : x.size() / cols;
        if (rows == 0) {
            return;
        }
        Primitive p = cache.get(List.of("softmax forward", log, rows, cols), () -> softmax(rows, cols, log, false));
        new Exec(rt, p).arg(DNNL_ARG_SRC, x.segment()).arg(DNNL_ARG_DST, y.segment()).run();
    }

    /** Gradient of {@link #softmax}: {@code dx +=} from {@code dy} and the forward output {@code y}. */
    void softmaxBackward(Tensor dx, Tensor dy, Tensor y, boolean log) {
        long cols = y.dim(-1), rows = cols == 0 ? 0 : y.size() / cols;
        if (rows == 0) {
            return;
        }
        Primitive p = cache.get(List.of("softmax backward", log, rows, cols), () -> softmax(rows, cols, log, true));
        Tensor grad = scratch.tensor(y.shape());
        new Exec(rt, p).arg(DNNL_ARG_DST, y.segment()).arg(DNNL_ARG_DIFF_DST, dy.segment())
                .arg(DNNL_ARG_DIFF_SRC, grad.segment()).run();
        accumulate.add(dx.segment(), grad.segment(), dx.size());
    }

    private static int algorithm(Activation f) {
        return switch (f) {
            case SIGMOID -> dnnl_eltwise_logistic;
            case TANH -> dnnl_eltwise_tanh;
            case RELU -> dnnl_eltwise_relu;
            case GELU -> dnnl_eltwise_gelu_erf;
        };
    }

    private Primitive eltwise(Activation f, long n, boolean backward) {
        String label = "eltwise " + f + (backward ? " backward" : " forward") + " n=" + n;
        try (Descs d = new Descs()) {
            dnnl_memory_desc md = d.tagged(dnnl_a, n);
            dnnl_primitive_desc fwd = new dnnl_primitive_desc();
            Status.check(dnnl_eltwise_forward_primitive_desc_create(fwd, rt.engine, dnnl_forward_training,
                    algorithm(f), md, md, 0f, 0f, null), label);
            if (!backward) {
                return new Primitive(fwd, label);
            }
            try {
                dnnl_primitive_desc bwd = new dnnl_primitive_desc();
                Status.check(dnnl_eltwise_backward_primitive_desc_create(bwd, rt.engine, algorithm(f), md, md, md,
                        0f, 0f, fwd, null), label);
                return new Primitive(bwd, label);
            } finally {
                dnnl_primitive_desc_destroy(fwd);
            }
        }
    }

    private Primitive softmax(long rows, long cols, boolean log, boolean backward) {
        String label = (log ? "log-softmax" : "softmax") + (backward ? " backward" : " forward")
                + " [" + rows + ", " + cols + "]";
        int alg = log ? dnnl_softmax_log : dnnl_softmax_accurate;
        try (Descs d = new Descs()) {
            dnnl_memory_desc md = d.tagged(dnnl_ab, rows, cols);
            dnnl_primitive_desc fwd = new dnnl_primitive_desc();
            Status.check(dnnl_softmax_forward_primitive_desc_create(fwd, rt.engine, dnnl_forward_training, alg,
                    md, md, 1, null), label);
            if (!backward) {
                return new Primitive(fwd, label);
            }
            try {
                dnnl_primitive_desc bwd = new dnnl_primitive_desc();
                Status.check(dnnl_softmax_backward_primitive_desc_create(bwd, rt.engine, alg, md, md, md, 1,
                        fwd, null), label);
                return new Primitive(bwd, label);
            } finally {
                dnnl_primitive_desc_destroy(fwd);
            }
        }
    }
}
