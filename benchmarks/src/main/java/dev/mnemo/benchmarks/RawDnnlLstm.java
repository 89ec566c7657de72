package dev.mnemo.benchmarks;

import static org.bytedeco.dnnl.global.dnnl.*;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.dnnl.dnnl_engine;
import org.bytedeco.dnnl.dnnl_exec_arg_t;
import org.bytedeco.dnnl.dnnl_memory;
import org.bytedeco.dnnl.dnnl_memory_desc;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.dnnl.dnnl_stream;
import org.bytedeco.javacpp.Pointer;

/**
 * The baseline: oneDNN's LSTM primitive used directly through the C API the way a hand-written
 * C program would, with everything prepared once: primitives created, weights reordered into the
 * layouts the forward and backward primitives choose ({@code format_tag::any}), every buffer
 * allocated and bound to a memory object. Each call is only {@code dnnl_primitive_execute} and a
 * stream wait, so the difference to Mnemo's backend is Mnemo's own overhead.
 *
 * <p>Shapes: {@code x [T, B, I]}, hidden H, peephole-free or with peepholes, left to right.
 */
final class RawDnnlLstm implements AutoCloseable {
    private final Arena arena = Arena.ofShared();
    private final List<dnnl_memory> memories = new ArrayList<>();
    private final dnnl_engine engine = new dnnl_engine();
    private final dnnl_stream stream = new dnnl_stream();
    private final dnnl_primitive inference;
    private final dnnl_primitive training;
    private final dnnl_primitive backward;
    private final dnnl_exec_arg_t inferenceArgs;
    private final dnnl_exec_arg_t trainingArgs;
    private final dnnl_exec_arg_t backwardArgs;
    private final int inferenceCount;
    private final int trainingCount;
    private final int backwardCount;

    RawDnnlLstm(int steps, int batch, int in, int hid, boolean peepholes) {
        check(dnnl_engine_create(engine, dnnl_cpu, 0));
        check(dnnl_stream_create(stream, engine, dnnl_stream_default_flags));
        long t = steps, b = batch, i = in, h = hid;
        dnnl_memory_desc srcLayer = md(dnnl_tnc, t, b, i);
        dnnl_memory_desc dstLayer = md(dnnl_tnc, t, b, h);
        dnnl_memory_desc state = md(dnnl_ldnc, 1, 1, b, h);
        dnnl_memory_desc anyLayer = md(dnnl_format_tag_any, 1, 1, i, 4, h);
        dnnl_memory_desc anyIter = md(dnnl_format_tag_any, 1, 1, h, 4, h);
        dnnl_memory_desc userLayer = md(dnnl_ldgoi, 1, 1, i, 4, h);
        dnnl_memory_desc userIter = md(dnnl_ldgoi, 1, 1, h, 4, h);
        dnnl_memory_desc diffLayer = md(dnnl_ldigo, 1, 1, i, 4, h);
        dnnl_memory_desc diffIter = md(dnnl_ldigo, 1, 1, h, 4, h);
        dnnl_memory_desc peep = peepholes ? md(dnnl_ldgo, 1, 1, 3, h) : null;
        dnnl_memory_desc bias = md(dnnl_ldgo, 1, 1, 4, h);

        dnnl_primitive_desc inf = new dnnl_primitive_desc();
        check(dnnl_lstm_forward_primitive_desc_create(inf, engine, dnnl_forward_inference, dnnl_unidirectional_left2right,
                srcLayer, state, state, anyLayer, anyIter, peep, null, bias, dstLayer, state, state, dnnl_rnn_flags_undef, null));
        dnnl_primitive_desc trn = new dnnl_primitive_desc();
        check(dnnl_lstm_forward_primitive_desc_create(trn, engine, dnnl_forward_training, dnnl_unidirectional_left2right,
                srcLayer, state, state, anyLayer, anyIter, peep, null, bias, dstLayer, state, state, dnnl_rnn_flags_undef, null));
        dnnl_primitive_desc bwd = new dnnl_primitive_desc();
        check(dnnl_lstm_backward_primitive_desc_create(bwd, engine, dnnl_backward, dnnl_unidirectional_left2right,
                srcLayer, state, state, anyLayer, anyIter, peep, null, bias, dstLayer, state, state,
                srcLayer, state, state, diffLayer, diffIter, peep, null, bias, dstLayer, state, state,
                dnnl_rnn_flags_undef, trn, null));
        inference = primitive(inf);
        training = primitive(trn);
        backward = primitive(bwd);

        // Shared data buffers (values do not matter for timing beyond being finite: small random numbers).
        dnnl_memory x = filled(srcLayer), y = memory(dstLayer), hx = filled(state), cx = filled(state);
        dnnl_memory hy = memory(state), cy = memory(state), biasMem = filled(bias);
        dnnl_memory peepMem = peepholes ? filled(peep) : null;
        dnnl_memory userL = filled(userLayer), userI = filled(userIter);
        dnnl_memory infL = reordered(userL, userLayer, query(inf, DNNL_ARG_WEIGHTS_LAYER));
        dnnl_memory infI = reordered(userI, userIter, query(inf, DNNL_ARG_WEIGHTS_ITER));
        dnnl_memory trnL = reordered(userL, userLayer, query(trn, DNNL_ARG_WEIGHTS_LAYER));
        dnnl_memory trnI = reordered(userI, userIter, query(trn, DNNL_ARG_WEIGHTS_ITER));
        dnnl_memory bwdL = reordered(userL, userLayer, query(bwd, DNNL_ARG_WEIGHTS_LAYER));
        dnnl_memory bwdI = reordered(userI, userIter, query(bwd, DNNL_ARG_WEIGHTS_ITER));
        dnnl_memory ws = memory(query(trn, DNNL_ARG_WORKSPACE));
        dnnl_memory dy = filled(dstLayer), dhy = filled(state), dcy = filled(state);
        dnnl_memory dx = memory(srcLayer), dhx = memory(state), dcx = memory(state);
        dnnl_memory dwL = memory(diffLayer), dwI = memory(diffIter), db = memory(bias);
        dnnl_memory dPeep = peepholes ? memory(peep) : null;

        Object[] common = {DNNL_ARG_SRC_LAYER, x, DNNL_ARG_SRC_ITER, hx, DNNL_ARG_SRC_ITER_C, cx,
            DNNL_ARG_BIAS, biasMem, DNNL_ARG_DST_LAYER, y, DNNL_ARG_DST_ITER, hy, DNNL_ARG_DST_ITER_C, cy,
            DNNL_ARG_WEIGHTS_PEEPHOLE, peepMem};
        inferenceArgs = args(common, DNNL_ARG_WEIGHTS_LAYER, infL, DNNL_ARG_WEIGHTS_ITER, infI);
        inferenceCount = count(inferenceArgs);
        trainingArgs = args(common, DNNL_ARG_WEIGHTS_LAYER, trnL, DNNL_ARG_WEIGHTS_ITER, trnI, DNNL_ARG_WORKSPACE, ws);
        trainingCount = count(trainingArgs);
        backwardArgs = args(common, DNNL_ARG_WEIGHTS_LAYER, bwdL, DNNL_ARG_WEIGHTS_ITER, bwdI, DNNL_ARG_WORKSPACE, ws,
                DNNL_ARG_DIFF_DST_LAYER, dy, DNNL_ARG_DIFF_DST_ITER, dhy, DNNL_ARG_DIFF_DST_ITER_C, dcy,
                DNNL_ARG_DIFF_SRC_LAYER, dx, DNNL_ARG_DIFF_SRC_ITER, dhx, DNNL_ARG_DIFF_SRC_ITER_C, dcx,
                DNNL_ARG_DIFF_WEIGHTS_LAYER, dwL, DNNL_ARG_DIFF_WEIGHTS_ITER, dwI, DNNL_ARG_DIFF_BIAS, db,
                DNNL_ARG_DIFF_WEIGHTS_PEEPHOLE, dPeep);
        backwardCount = count(backwardArgs);
    }

    /** Inference forward: y, hN, cN from x. */
    void forward() {
        run(inference, inferenceCount, inferenceArgs);
    }

    /** Training step of the layer: forward keeping the workspace, then backward. */
    void forwardBackward() {
        run(training, trainingCount, trainingArgs);
        run(backward, backwardCount, backwardArgs);
    }

    private void run(dnnl_primitive p, int count, dnnl_exec_arg_t args) {
        check(dnnl_primitive_execute(p, stream, count, args));
        check(dnnl_stream_wait(stream));
    }

    private static dnnl_memory_desc md(int tag, long... dims) {
        dnnl_memory_desc md = new dnnl_memory_desc();
        check(dnnl_memory_desc_create_with_tag(md, dims.length, dims, dnnl_f32, tag));
        return md;
    }

    private static dnnl_memory_desc query(dnnl_primitive_desc pd, int arg) {
        return dnnl_primitive_desc_query_md(pd, dnnl_query_exec_arg_md, arg);
    }

    private static dnnl_primitive primitive(dnnl_primitive_desc pd) {
        dnnl_primitive p = new dnnl_primitive();
        check(dnnl_primitive_create(p, pd));
        return p;
    }

    private dnnl_memory memory(dnnl_memory_desc md) {
        return memory(md, false);
    }

    private dnnl_memory filled(dnnl_memory_desc md) {
        return memory(md, true);
    }

    /** A buffer in {@code md}'s layout, zeros or small random values, bound to a memory object. */
    private dnnl_memory memory(dnnl_memory_desc md, boolean random) {
        MemorySegment data = arena.allocate(Math.max(64, dnnl_memory_desc_get_size(md)), 64);
        if (random) {
            java.util.Random r = new java.util.Random(1);
            for (long k = 0; k < data.byteSize() / 4; k++) {
                data.setAtIndex(java.lang.foreign.ValueLayout.JAVA_FLOAT, k, (float) (0.1 * r.nextGaussian()));
            }
        }
        dnnl_memory m = new dnnl_memory();
        check(dnnl_memory_create(m, md, engine, new Pointer() { { address = data.address(); } }));
        memories.add(m);
        return m;
    }

    private dnnl_memory reordered(dnnl_memory from, dnnl_memory_desc fromMd, dnnl_memory_desc toMd) {
        dnnl_memory to = memory(toMd);
        dnnl_primitive_desc pd = new dnnl_primitive_desc();
        check(dnnl_reorder_primitive_desc_create(pd, fromMd, engine, toMd, engine, null));
        dnnl_primitive reorder = primitive(pd);
        dnnl_exec_arg_t a = args(new Object[0], DNNL_ARG_FROM, from, DNNL_ARG_TO, to);
        run(reorder, 2, a);
        return to;
    }

    private static dnnl_exec_arg_t args(Object[] common, Object... more) {
        List<Object> all = new ArrayList<>(java.util.Arrays.asList(common));
        all.addAll(java.util.Arrays.asList(more));
        List<Object[]> present = new ArrayList<>();
        for (int k = 0; k < all.size(); k += 2) {
            if (all.get(k + 1) != null) {
                present.add(new Object[] {all.get(k), all.get(k + 1)});
            }
        }
        dnnl_exec_arg_t list = new dnnl_exec_arg_t(present.size() + 1);
        for (int k = 0; k < present.size(); k++) {
            list.position(k).arg((Integer) present.get(k)[0]).memory((dnnl_memory) present.get(k)[1]);
        }
        list.position(present.size()).arg(-1);
        return list.position(0);
    }

    private static int count(dnnl_exec_arg_t list) {
        int n = 0;
        while (list.position(n).arg() != -1) {
            n++;
        }
        list.position(0);
        return n;
    }

    private static void check(int status) {
        if (status != dnnl_success) {
            throw new IllegalStateException("oneDNN status " + status);
        }
    }

    @Override
    public void close() {
        for (dnnl_memory m : memories) {
            dnnl_memory_destroy(m);
        }
        arena.close();
    }
}
