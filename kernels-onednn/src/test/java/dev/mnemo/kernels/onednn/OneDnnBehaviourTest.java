package dev.mnemo.kernels.onednn;

import static org.bytedeco.dnnl.global.dnnl.dnnl_nchw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.kernel.Activation;
import dev.mnemo.kernel.ConvSpec;
import dev.mnemo.kernel.LstmWeights;
import dev.mnemo.kernel.PoolSpec;
import dev.mnemo.kernel.SeqOptions;
import dev.mnemo.kernel.reference.ReferenceBackend;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** oneDNN-specific behaviour: caches, the workspace fallback, error translation. */
class OneDnnBehaviourTest {
    private final OneDnnBackend onednn = (OneDnnBackend) new OneDnnProvider().create(2);
    private final ReferenceBackend reference = new ReferenceBackend();
    private final Scope scope = Scope.open();
    private final Random random = new Random(7);

    @AfterEach
    void close() {
        scope.close();
        onednn.close();
    }

    @Test
    void closeFreesTheCachedPrimitivesAndLaterCallsFail() {
        Tensor x = uniform(4, 16);
        onednn.activation(Activation.RELU, scope.zeros(4, 16), x);
        assertTrue(onednn.primitivesHeld() > 0);

        onednn.close();
        onednn.close(); // idempotent

        assertEquals(0, onednn.primitivesHeld());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> onednn.activation(Activation.RELU, scope.zeros(4, 16), x));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    private Tensor uniform(int... shape) {
        Tensor t = scope.zeros(shape);
        for (long i = 0; i < t.size(); i++) {
            t.set(i, random.nextFloat() - 0.5f);
        }
        return t;
    }

    private LstmWeights lstmWeights(int in, int hid) {
        return new LstmWeights(uniform(4 * hid, in), uniform(4 * hid, hid), uniform(4 * hid), uniform(4 * hid),
                uniform(hid), uniform(hid), uniform(hid));
    }

    private static float maxDiff(Tensor a, Tensor b) {
        float m = 0;
        for (long i = 0; i < a.size(); i++) {
            m = Math.max(m, Math.abs(a.get(i) - b.get(i)));
        }
        return m;
    }

    @Test
    void primitivesAreCreatedOncePerShape() {
        Tensor x = uniform(2, 3, 8, 8), w = uniform(4, 3, 3, 3), y = scope.zeros(2, 4, 6, 6);
        onednn.conv2dForward(y, x, w, null, ConvSpec.DEFAULT);
        long created = onednn.primitivesCreated();
        for (int i = 0; i < 3; i++) {
            onednn.conv2dForward(y, x, w, null, ConvSpec.DEFAULT);
        }
        assertEquals(created, onednn.primitivesCreated(), "same shape, no new primitive");
        Tensor x1 = uniform(1, 3, 8, 8), y1 = scope.zeros(1, 4, 6, 6);
        onednn.conv2dForward(y1, x1, w, null, ConvSpec.DEFAULT);
        long withBatch1 = onednn.primitivesCreated();
        assertTrue(withBatch1 > created, "a new batch size gets its own convolution (and layout reorders)");
        onednn.conv2dForward(y1, x1, w, null, ConvSpec.DEFAULT);
        assertEquals(withBatch1, onednn.primitivesCreated());
    }

    @Test
    void lstmWeightsAreReorderedOnceAndAgainOnlyAfterTheyChange() {
        int steps = 5, batch = 4, in = 6, hid = 8;
        Tensor x = uniform(steps, batch, in);
        LstmWeights w = lstmWeights(in, hid);
        Tensor y = scope.zeros(steps, batch, hid), expected = scope.zeros(steps, batch, hid);
        onednn.lstmForward(y, null, null, null, x, null, null, w, SeqOptions.FORWARD);
        long reorders = onednn.weightReorders();
        assertEquals(2, reorders, "W_ih and W_hh reordered on first use");
        onednn.lstmForward(y, null, null, null, x, null, null, w, SeqOptions.FORWARD);
        assertEquals(reorders, onednn.weightReorders(), "unchanged weights are not reordered again");

        w.wHh().set(w.wHh().size() - 1, 0.75f); // an in-place update, as an optimizer does
        onednn.lstmForward(y, null, null, null, x, null, null, w, SeqOptions.FORWARD);
        assertEquals(reorders + 1, onednn.weightReorders(), "only the changed matrix is reordered");
        reference.lstmForward(expected, null, null, null, x, null, null, w, SeqOptions.FORWARD);
        assertTrue(maxDiff(expected, y) < 1e-5, "output uses the updated weights: " + maxDiff(expected, y));
    }

    @Test
    void inputWiderThanHiddenFitsTheWorkspaceAndStaysExact() {
        int steps = 4, batch = 3, in = 3000, hid = 5;
        SeqOptions seq = SeqOptions.lengths(4, 1, 3).reversed();
        Tensor x = uniform(steps, batch, in), h0 = uniform(batch, hid), c0 = uniform(batch, hid);
        Tensor dy = uniform(steps, batch, hid);
        LstmWeights w = lstmWeights(in, hid);
        Tensor[] dx = new Tensor[2];
        LstmWeights[] dw = new LstmWeights[2];
        var backends = new dev.mnemo.kernel.KernelBackend[] {reference, onednn};
        for (int k = 0; k < 2; k++) {
            var b = backends[k];
            Tensor y = scope.zeros(steps, batch, hid);
            Tensor ws = scope.zeros((int) b.lstmWorkspaceSize(steps, batch, in, hid));
            b.lstmForward(y, null, null, ws, x, h0, c0, w, seq);
            dx[k] = scope.zeros(steps, batch, in);
            dw[k] = lstmWeights(in, hid);
            for (Tensor t : new Tensor[] {dw[k].wIh(), dw[k].wHh(), dw[k].bIh(), dw[k].bHh(), dw[k].wCi(),
                    dw[k].wCf(), dw[k].wCo()}) {
                t.fill(0f);
            }
            b.lstmBackward(dx[k], null, null, dw[k], dy, null, null, x, h0, c0, w, seq, y, ws);
        }
        assertEquals(0, onednn.forwardRecomputes(), "I > H: the workspace size query takes I, so oneDNN's workspace fits");
        assertTrue(maxDiff(dx[0], dx[1]) < 1e-5, "dx " + maxDiff(dx[0], dx[1]));
        assertTrue(maxDiff(dw[0].wIh(), dw[1].wIh()) < 1e-5, "dwIh " + maxDiff(dw[0].wIh(), dw[1].wIh()));
        assertTrue(maxDiff(dw[0].wCo(), dw[1].wCo()) < 1e-5, "dwCo " + maxDiff(dw[0].wCo(), dw[1].wCo()));
    }

    @Test
    void manyDistinctLengthsStillFitTheWorkspace() {
        int steps = 9, batch = 8, in = 16, hid = 16;
        Tensor x = uniform(steps, batch, in), y = scope.zeros(steps, batch, hid);
        LstmWeights w = lstmWeights(in, hid);
        SeqOptions seq = SeqOptions.lengths(9, 8, 7, 6, 5, 4, 3, 1);
        Tensor ws = scope.zeros((int) onednn.lstmWorkspaceSize(steps, batch, in, hid));
        onednn.lstmForward(y, null, null, ws, x, null, null, w, seq);
        onednn.lstmBackward(scope.zeros(steps, batch, in), null, null, lstmWeights(in, hid), uniform(steps, batch, hid),
                null, null, x, null, null, w, seq, y, ws);
        assertEquals(0, onednn.forwardRecomputes(), "8 length groups fit in lstmWorkspaceSize");
    }

    @Test
    void convolutionsInBlockedLayoutsMatchTheReference() {
        // 32 and 16 channels: oneDNN picks blocked layouts for every operand (the conformance suite's
        // odd channel counts mostly keep plain ones), so the reorders around the primitives are exercised.
        ConvSpec spec = new ConvSpec(2, 1, 1, 1, 1, 2);
        Tensor x = uniform(2, 32, 9, 10), w = uniform(16, 32, 3, 3), bias = uniform(16);
        int p = spec.outHeight(9, 3), q = spec.outWidth(10, 3);
        Tensor dy = uniform(2, 16, p, q);
        Tensor[] y = new Tensor[2], dx = new Tensor[2], dw = new Tensor[2], db = new Tensor[2];
        var backends = new dev.mnemo.kernel.KernelBackend[] {reference, onednn};
        for (int k = 0; k < 2; k++) {
            y[k] = scope.zeros(2, 16, p, q);
            dx[k] = scope.copyOf(x);
            dw[k] = scope.copyOf(w);
            db[k] = scope.copyOf(bias);
            backends[k].conv2dForward(y[k], x, w, bias, spec);
            backends[k].conv2dBackwardData(dx[k], dy, w, spec);
            backends[k].conv2dBackwardWeights(dw[k], db[k], dy, x, spec);
        }
        assertTrue(maxDiff(y[0], y[1]) < 1e-4, "y " + maxDiff(y[0], y[1]));
        assertTrue(maxDiff(dx[0], dx[1]) < 1e-4, "dx += " + maxDiff(dx[0], dx[1]));
        assertTrue(maxDiff(dw[0], dw[1]) < 1e-4, "dw += " + maxDiff(dw[0], dw[1]));
        assertTrue(maxDiff(db[0], db[1]) < 1e-4, "db += " + maxDiff(db[0], db[1]));
    }

    @Test
    void theCnnAndLstmWorkloadsRunOnJitKernelsNotReferenceOnes() {
        ConvSpec same = ConvSpec.of(1, 1, 1);
        Tensor x = uniform(8, 32, 14, 14), w = uniform(64, 32, 3, 3), y = scope.zeros(8, 64, 14, 14);
        onednn.conv2dForward(y, x, w, uniform(64), same);
        onednn.conv2dBackwardData(scope.zeros(8, 32, 14, 14), y, w, same);
        onednn.conv2dBackwardWeights(scope.zeros(64, 32, 3, 3), scope.zeros(64), y, x, same);
        onednn.activation(dev.mnemo.kernel.Activation.RELU, y, y);
        onednn.activationBackward(dev.mnemo.kernel.Activation.RELU, scope.zeros(y.shape()), y, y, y);
        Tensor pooled = scope.zeros(8, 64, 7, 7);
        onednn.pool2dForward(pooled, y, PoolSpec.max(2));
        onednn.pool2dBackward(scope.zeros(y.shape()), pooled, y, pooled, PoolSpec.max(2));
        onednn.softmax(scope.zeros(8, 10), uniform(8, 10));
        int steps = 5, batch = 8, in = 16, hid = 32;
        Tensor seqX = uniform(steps, batch, in), seqY = scope.zeros(steps, batch, hid);
        Tensor ws = scope.zeros((int) onednn.lstmWorkspaceSize(steps, batch, in, hid));
        LstmWeights lw = lstmWeights(in, hid);
        onednn.lstmForward(seqY, null, null, ws, seqX, null, null, lw, SeqOptions.FORWARD);
        onednn.lstmBackward(null, null, null, lstmWeights(in, hid), seqY, null, null, seqX, null, null, lw,
                SeqOptions.FORWARD, seqY, ws);
        // oneDNN's RNN primitive has one implementation, named "ref", which runs on its packed GEMMs
        // (OneDnnOverheadBenchmark times it against the raw primitive); every other kind must be JIT code.
        onednn.implementations().forEach((label, impl) -> {
            boolean recurrent = label.startsWith("lstm ") || label.startsWith("gru ");
            assertTrue(recurrent || !impl.startsWith("ref") && !impl.contains("+ref"), label + " runs on " + impl);
        });
        assertTrue(onednn.implementations().keySet().stream().anyMatch(l -> l.startsWith("convolution backward weights")));
    }

    @Test
    void oneDnnRunsWithTheBackendsThreadCount() {
        OneDnnBackend one = (OneDnnBackend) new OneDnnProvider().create(1);
        Tensor c = scope.zeros(4, 4);
        one.gemm(c, uniform(4, 4), false, uniform(4, 4), false, 1f, 0f);
        assertEquals(1, OmpThreads.current(), "omp_set_num_threads reached libgomp");
        onednn.gemm(c, uniform(4, 4), false, uniform(4, 4), false, 1f, 0f);
        assertEquals(2, OmpThreads.current());
    }

    @Test
    void nativeErrorsBecomeExceptionsNamingTheCallAndShapes() {
        try (Descs d = new Descs()) {
            OneDnnException e = assertThrows(OneDnnException.class, () -> d.tagged(dnnl_nchw, 2, 3));
            assertTrue(e.getMessage().contains("memory descriptor [2, 3]"), e.getMessage());
            assertTrue(e.getMessage().contains("invalid arguments"), e.getMessage());
            assertEquals(2, e.status());
        }
    }
}
