package dev.mnemo.kernels.onednn;

import static org.bytedeco.dnnl.global.dnnl.dnnl_backward;
import static org.bytedeco.dnnl.global.dnnl.dnnl_format_tag_any;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_inference;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_training;
import static org.bytedeco.dnnl.global.dnnl.dnnl_lbr_gru_backward_primitive_desc_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_lbr_gru_forward_primitive_desc_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_ldgo;
import static org.bytedeco.dnnl.global.dnnl.dnnl_ldigo;
import static org.bytedeco.dnnl.global.dnnl.dnnl_ldnc;
import static org.bytedeco.dnnl.global.dnnl.dnnl_lstm_backward_primitive_desc_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_lstm_forward_primitive_desc_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_rnn_flags_undef;
import static org.bytedeco.dnnl.global.dnnl.dnnl_tnc;
import static org.bytedeco.dnnl.global.dnnl.dnnl_unidirectional_left2right;
import static org.bytedeco.dnnl.global.dnnl.dnnl_unidirectional_right2left;

import java.util.List;
import org.bytedeco.dnnl.dnnl_memory_desc;
import org.bytedeco.dnnl.dnnl_primitive_desc;

/**
 * Creates (through the {@link PrimitiveCache}) the RNN primitives for one shape: inference
 * forward, training forward (which fills a workspace) and backward. Data tensors are plain
 * ({@code tnc} sequences, {@code ldnc} states, {@code ldgo} bias and peepholes); weights are
 * {@code format_tag::any} so oneDNN picks its fastest layout; weight gradients are {@code ldigo}
 * ({@code [I, G·H]}, the transpose of PyTorch's layout; the backward primitive accepts no
 * {@code ldgoi} gradients).
 */
final class RnnPrimitives {
    private final DnnlRuntime rt;
    private final PrimitiveCache cache;

    /** One RNN problem: cell, steps, batch, input and hidden size, peepholes, direction. */
    record Shape(RnnCell cell, int steps, int batch, int input, int hidden, boolean peepholes, boolean reverse) {
        @Override
        public String toString() {
            return cell + " T=" + steps + " B=" + batch + " I=" + input + " H=" + hidden
                    + (peepholes ? " peepholes" : "") + (reverse ? " right-to-left" : "");
        }
    }

    private enum Mode { INFERENCE, TRAINING, BACKWARD }

    RnnPrimitives(DnnlRuntime rt, PrimitiveCache cache) {
        this.rt = rt;
        this.cache = cache;
    }

    Primitive forwardInference(Shape s) {
        return cache.get(List.of(Mode.INFERENCE, s), () -> create(s, Mode.INFERENCE));
    }

    Primitive forwardTraining(Shape s) {
        return cache.get(List.of(Mode.TRAINING, s), () -> create(s, Mode.TRAINING));
    }

    Primitive backward(Shape s) {
        return cache.get(List.of(Mode.BACKWARD, s), () -> create(s, Mode.BACKWARD));
    }

    private Primitive create(Shape s, Mode mode) {
        String label = s.cell().name().toLowerCase(java.util.Locale.ROOT) + " "
                + mode.name().toLowerCase(java.util.Locale.ROOT) + " " + s;
        int dir = s.reverse() ? dnnl_unidirectional_right2left : dnnl_unidirectional_left2right;
        int g = s.cell().gates();
        long t = s.steps(), b = s.batch(), in = s.input(), h = s.hidden();
        boolean lstm = s.cell() == RnnCell.LSTM;
        try (Descs d = new Descs()) {
            dnnl_memory_desc srcLayer = d.tagged(dnnl_tnc, t, b, in);
            dnnl_memory_desc dstLayer = d.tagged(dnnl_tnc, t, b, h);
            dnnl_memory_desc state = d.tagged(dnnl_ldnc, 1, 1, b, h);
            dnnl_memory_desc cellState = lstm ? state : null;
            dnnl_memory_desc wLayer = d.tagged(dnnl_format_tag_any, 1, 1, in, g, h);
            dnnl_memory_desc wIter = d.tagged(dnnl_format_tag_any, 1, 1, h, g, h);
            dnnl_memory_desc peep = s.peepholes() ? d.tagged(dnnl_ldgo, 1, 1, 3, h) : null;
            dnnl_memory_desc bias = d.tagged(dnnl_ldgo, 1, 1, s.cell().biasGates, h);
            dnnl_primitive_desc fwd = new dnnl_primitive_desc();
            int prop = mode == Mode.INFERENCE ? dnnl_forward_inference : dnnl_forward_training;
            int status = lstm
                    ? dnnl_lstm_forward_primitive_desc_create(fwd, rt.engine, prop, dir, srcLayer, state, cellState,
                            wLayer, wIter, peep, null, bias, dstLayer, state, cellState, dnnl_rnn_flags_undef, null)
                    : dnnl_lbr_gru_forward_primitive_desc_create(fwd, rt.engine, prop, dir, srcLayer, state,
                            wLayer, wIter, bias, dstLayer, state, dnnl_rnn_flags_undef, null);
            Status.check(status, label);
            if (mode != Mode.BACKWARD) {
                return new Primitive(fwd, label);
            }
            try {
                dnnl_memory_desc dwLayer = d.tagged(dnnl_ldigo, 1, 1, in, g, h);
                dnnl_memory_desc dwIter = d.tagged(dnnl_ldigo, 1, 1, h, g, h);
                dnnl_primitive_desc bwd = new dnnl_primitive_desc();
                status = lstm
                        ? dnnl_lstm_backward_primitive_desc_create(bwd, rt.engine, dnnl_backward, dir,
                                srcLayer, state, cellState, wLayer, wIter, peep, null, bias, dstLayer, state, cellState,
                                srcLayer, state, cellState, dwLayer, dwIter, peep, null, bias, dstLayer, state, cellState,
                                dnnl_rnn_flags_undef, fwd, null)
                        : dnnl_lbr_gru_backward_primitive_desc_create(bwd, rt.engine, dnnl_backward, dir,
                                srcLayer, state, wLayer, wIter, bias, dstLayer, state,
                                srcLayer, state, dwLayer, dwIter, bias, dstLayer, state,
                                dnnl_rnn_flags_undef, fwd, null);
                Status.check(status, label);
                return new Primitive(bwd, label);
            } finally {
                dnnl_primitive_desc_destroy(fwd);
            }
        }
    }
}
