package dev.mnemo.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.kernel.reference.ReferenceBackend;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The conformance suite every kernel backend runs: extend it in one line.
 *
 * <pre>{@code
 * class VectorConformanceTest extends KernelConformanceSuite {
 *     @Override protected KernelBackend backend() { return Backends.get("vector"); }
 * }
 * }</pre>
 *
 * <p>Two kinds of checks. Agreement: every op, every option, odd sizes (1, 3, 17, 33, 65 ...),
 * compared with the reference backend; each test logs its largest error. Properties, on the
 * backend under test alone: gradients against central finite differences, padded steps inert,
 * reverse equal to a flipped sequence, backward accumulating, bad input rejected with the shapes
 * named. Inputs are random and drawn fresh each run; the seed is printed and
 * {@code -Dmnemo.test.seed=N} replays a run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class KernelConformanceSuite {
    /** Largest accepted error against the reference, relative to max(1, max |expected|). */
    protected static final double TOLERANCE = 1e-4;

    private final KernelBackend reference = new ReferenceBackend();
    private KernelBackend backend;
    private long seed;
    private Scope scope;
    private TestData data;

    /** The backend under test. */
    protected abstract KernelBackend backend();

    @BeforeAll
    void chooseSeed() {
        KernelBackend b = backend();
        backend = b instanceof ValidatingBackend ? b : new ValidatingBackend(b);
        seed = Long.getLong("mnemo.test.seed", System.nanoTime());
        System.out.printf("%s: backend '%s', %d thread(s), seed %d (replay with -Dmnemo.test.seed=%d)%n",
                getClass().getSimpleName(), backend.name(), backend.threads(), seed, seed);
    }

    @BeforeEach
    void openScope() {
        scope = Scope.open();
        data = new TestData(scope, new Random(seed));
    }

    @AfterEach
    void closeScope() {
        scope.close();
    }

    private Compare compare() {
        return new Compare(backend.name());
    }

    private static void log(String line) {
        System.out.println(line);
    }

    // ------------------------------------------------------------------ GEMM

    @Test
    void gemmMatchesReferenceForAllTransposesAndOddSizes() {
        Compare cmp = compare();
        int[][] sizes = {{1, 1, 1}, {3, 17, 1}, {1, 65, 33}, {17, 3, 65}, {33, 33, 33}, {65, 17, 3}, {129, 67, 131}};
        float[][] alphaBeta = {{1, 0}, {0.5f, 2}, {-1, 1}};
        for (int[] mnk : sizes) {
            int m = mnk[0], n = mnk[1], k = mnk[2];
            for (int variant = 0; variant < 4; variant++) {
                boolean ta = (variant & 1) != 0, tb = (variant & 2) != 0;
                Tensor a = ta ? data.uniform(k, m) : data.uniform(m, k);
                Tensor b = tb ? data.uniform(n, k) : data.uniform(k, n);
                for (float[] ab : alphaBeta) {
                    Tensor c0 = data.uniform(m, n);
                    Tensor expected = scope.copyOf(c0);
                    Tensor actual = scope.copyOf(c0);
                    reference.gemm(expected, a, ta, b, tb, ab[0], ab[1]);
                    backend.gemm(actual, a, ta, b, tb, ab[0], ab[1]);
                    cmp.close(String.format("gemm M=%d N=%d K=%d transA=%b transB=%b alpha=%s beta=%s",
                            m, n, k, ta, tb, ab[0], ab[1]), expected, actual, TOLERANCE);
                }
            }
        }
        log(cmp.summary("gemm"));
    }

    @Test
    void gemmWithBetaZeroIgnoresNaNInOutput() {
        Tensor a = data.uniform(5, 7);
        Tensor b = data.uniform(7, 3);
        Tensor c = scope.zeros(5, 3);
        c.fill(Float.NaN);
        backend.gemm(c, a, false, b, false, 1f, 0f);
        Tensor expected = scope.zeros(5, 3);
        reference.gemm(expected, a, false, b, false, 1f, 0f);
        compare().close("gemm beta=0 over NaN", expected, c, TOLERANCE);
    }

    // ------------------------------------------------------------------ LSTM and GRU

    private List<SeqOptions> sequenceOptions(int batch, int steps) {
        SeqOptions masked = SeqOptions.lengths(data.lengths(batch, steps));
        return List.of(SeqOptions.FORWARD, SeqOptions.FORWARD.reversed(), masked, masked.reversed());
    }

    /** The recurrent cells every backend must run, in a fixed order (so a seed replays a run). */
    private static final Map<String, RecurrentCase.Factory> CELLS = new LinkedHashMap<>();

    static {
        CELLS.put("lstm", (d, t, b, i, h, state, seq) -> new LstmCase(d, t, b, i, h, false, state, seq));
        CELLS.put("peephole lstm", (d, t, b, i, h, state, seq) -> new LstmCase(d, t, b, i, h, true, state, seq));
        CELLS.put("gru", GruCase::new);
    }

    @Test
    void recurrentOpsMatchReferenceForEveryOption() {
        Compare cmp = compare();
        int[][] sizes = {{1, 1, 1, 1}, {7, 5, 3, 17}, {4, 3, 33, 65}, {5, 33, 65, 129}};
        CELLS.forEach((cell, factory) -> {
            for (int[] s : sizes) {
                for (boolean state : new boolean[] {false, true}) {
                    for (SeqOptions seq : sequenceOptions(s[1], s[0])) {
                        RecurrentCase c = factory.make(data, s[0], s[1], s[2], s[3], state, seq);
                        Map<String, Tensor> expected = c.outputsAndGradients(reference, scope);
                        Map<String, Tensor> actual = c.outputsAndGradients(backend, scope);
                        expected.forEach((name, e) -> cmp.close(cell + " " + c + " " + name, e, actual.get(name), TOLERANCE));
                        cmp.close(cell + " " + c + " inference y", actual.get("y"), c.inferenceOutput(backend, scope), TOLERANCE);
                    }
                }
            }
        });
        log(cmp.summary("lstm/peephole lstm/gru forward and backward"));
    }

    @Test
    void recurrentGradientsMatchFiniteDifferences() {
        CELLS.forEach((cell, factory) -> {
            for (SeqOptions seq : List.of(SeqOptions.lengths(4, 2, 0), SeqOptions.lengths(3, 4, 1).reversed())) {
                RecurrentCase c = factory.make(data, 4, 3, 3, 4, true, seq);
                Map<String, Tensor> results = c.outputsAndGradients(backend, scope);
                FiniteDifference fd = FiniteDifference.forFloat32();
                c.inputs().forEach((name, input) -> fd.check(cell + " " + c + " d" + name, input, results.get("d" + name),
                        () -> c.loss(backend), 24));
                log(String.format("[%s] %s %s finite differences: worst %.2f of tolerance", backend.name(), cell, c,
                        fd.worstFraction()));
            }
        });
    }

    @Test
    void recurrentPaddedStepsAreInert() {
        int steps = 6, batch = 4;
        SeqOptions seq = SeqOptions.lengths(6, 3, 0, 1);
        CELLS.forEach((cell, factory) -> {
            for (SeqOptions s : List.of(seq, seq.reversed())) {
                RecurrentCase c = factory.make(data, steps, batch, 5, 7, true, s);
                Map<String, Tensor> before = c.outputsAndGradients(backend, scope);
                assertPaddingInert(s, steps, batch, before.get("y"), before.get("dx"));
                scramblePadding(c.x(), s, steps, batch);
                Map<String, Tensor> after = c.outputsAndGradients(backend, scope);
                Compare cmp = compare();
                before.forEach((name, t) -> cmp.close(cell + " " + name + " with padding changed", t, after.get(name), 0));
            }
        });
    }

    @Test
    void recurrentReverseEqualsForwardOverFlippedInput() {
        CELLS.forEach((cell, factory) -> {
            RecurrentCase reversed = factory.make(new TestData(scope, new Random(seed)), 5, 3, 4, 6, true,
                    SeqOptions.FORWARD.reversed());
            RecurrentCase forward = factory.make(new TestData(scope, new Random(seed)), 5, 3, 4, 6, true,
                    SeqOptions.FORWARD);
            forward.x().copyFrom(flipTime(reversed.x()));
            compare().close(cell + " reverse y", flipTime(forward.inferenceOutput(backend, scope)),
                    reversed.inferenceOutput(backend, scope), 1e-6);
        });
    }

    @Test
    void lstmBackwardAccumulatesIntoGradients() {
        LstmCase c = new LstmCase(data, 3, 2, 3, 5, true, true, SeqOptions.FORWARD);
        Tensor y = scope.zeros(3, 2, 5);
        Tensor ws = scope.zeros((int) backend.lstmWorkspaceSize(3, 2, 3, 5));
        backend.lstmForward(y, null, null, ws, c.x, c.h0, c.c0, c.w, c.seq);
        LstmWeights once = LstmCase.zerosLike(c.w, scope);
        LstmWeights twice = LstmCase.zerosLike(c.w, scope);
        Tensor dxOnce = scope.zeros(3, 2, 3);
        Tensor dxTwice = scope.zeros(3, 2, 3);
        backend.lstmBackward(dxOnce, null, null, once, c.dy, null, null, c.x, c.h0, c.c0, c.w, c.seq, y, ws);
        for (int i = 0; i < 2; i++) {
            backend.lstmBackward(dxTwice, null, null, twice, c.dy, null, null, c.x, c.h0, c.c0, c.w, c.seq, y, ws);
        }
        backend.scale(dxOnce, 2f);
        backend.scale(once.wHh(), 2f);
        Compare cmp = compare();
        cmp.close("dx accumulates", dxOnce, dxTwice, 1e-6);
        cmp.close("dwHh accumulates", once.wHh(), twice.wHh(), 1e-6);
    }

    /** Outputs at padded steps are 0 and padded inputs get no gradient. */
    private static void assertPaddingInert(SeqOptions seq, int steps, int batch, Tensor y, Tensor dx) {
        int hidden = y.dim(2), input = dx.dim(2);
        for (int b = 0; b < batch; b++) {
            for (int t = seq.length(b, steps); t < steps; t++) {
                for (int j = 0; j < hidden; j++) {
                    assertEquals(0f, y.get(((long) t * batch + b) * hidden + j), "y at padded step t=" + t + " b=" + b);
                }
                for (int j = 0; j < input; j++) {
                    assertEquals(0f, dx.get(((long) t * batch + b) * input + j), "dx at padded step t=" + t + " b=" + b);
                }
            }
        }
    }

    /** Overwrites the inputs at padded steps with large values: nothing may change. */
    private static void scramblePadding(Tensor x, SeqOptions seq, int steps, int batch) {
        int input = x.dim(2);
        for (int b = 0; b < batch; b++) {
            for (int t = seq.length(b, steps); t < steps; t++) {
                for (int j = 0; j < input; j++) {
                    x.set(((long) t * batch + b) * input + j, 100f + j);
                }
            }
        }
    }

    private Tensor flipTime(Tensor x) {
        int steps = x.dim(0);
        Tensor flipped = scope.zeros(x.shape());
        for (int t = 0; t < steps; t++) {
            flipped.slice(steps - 1 - t).copyFrom(x.slice(t));
        }
        return flipped;
    }

    // ------------------------------------------------------------------ convolution

    private record ConvCase(int[] x, int[] w, ConvSpec spec, boolean bias) {}

    private static final List<ConvCase> CONV_CASES = List.of(
            new ConvCase(new int[] {2, 3, 7, 6}, new int[] {4, 3, 3, 2}, ConvSpec.DEFAULT, true),
            new ConvCase(new int[] {2, 3, 7, 6}, new int[] {4, 3, 3, 2}, new ConvSpec(2, 1, 1, 1, 1, 2), false),
            new ConvCase(new int[] {1, 1, 5, 5}, new int[] {1, 1, 5, 5}, ConvSpec.of(1, 2, 1), true),
            new ConvCase(new int[] {3, 5, 9, 11}, new int[] {7, 5, 3, 3}, ConvSpec.of(2, 1, 1), true),
            new ConvCase(new int[] {2, 5, 4, 3}, new int[] {6, 5, 1, 1}, ConvSpec.DEFAULT, true),
            new ConvCase(new int[] {2, 17, 13, 13}, new int[] {33, 17, 3, 3}, ConvSpec.of(1, 1, 1), true),
            new ConvCase(new int[] {3, 1, 28, 28}, new int[] {8, 1, 3, 3}, ConvSpec.of(1, 1, 1), true));

    @Test
    void conv2dMatchesReference() {
        Compare cmp = compare();
        for (ConvCase c : CONV_CASES) {
            Tensor x = data.uniform(c.x());
            Tensor w = data.uniform(c.w());
            Tensor bias = c.bias() ? data.uniform(c.w()[0]) : null;
            int p = c.spec().outHeight(c.x()[2], c.w()[2]), q = c.spec().outWidth(c.x()[3], c.w()[3]);
            int[] ys = {c.x()[0], c.w()[0], p, q};
            String label = "conv2d x" + x + " w" + w + " " + c.spec();
            Tensor expected = scope.zeros(ys), actual = scope.zeros(ys);
            reference.conv2dForward(expected, x, w, bias, c.spec());
            backend.conv2dForward(actual, x, w, bias, c.spec());
            cmp.close(label + " y", expected, actual, TOLERANCE);

            Tensor dy = data.uniform(ys);
            Tensor dxE = data.uniform(c.x()), dxA = scope.copyOf(dxE); // non-zero start: must accumulate
            reference.conv2dBackwardData(dxE, dy, w, c.spec());
            backend.conv2dBackwardData(dxA, dy, w, c.spec());
            cmp.close(label + " dx", dxE, dxA, TOLERANCE);

            Tensor dwE = data.uniform(c.w()), dwA = scope.copyOf(dwE);
            Tensor dbE = c.bias() ? data.uniform(c.w()[0]) : null, dbA = c.bias() ? scope.copyOf(dbE) : null;
            reference.conv2dBackwardWeights(dwE, dbE, dy, x, c.spec());
            backend.conv2dBackwardWeights(dwA, dbA, dy, x, c.spec());
            cmp.close(label + " dw", dwE, dwA, TOLERANCE);
            cmp.close(label + " db", dbE, dbA, TOLERANCE);
        }
        log(cmp.summary("conv2d"));
    }

    @Test
    void conv2dGradientsMatchFiniteDifferences() {
        ConvSpec spec = new ConvSpec(2, 1, 1, 1, 1, 2);
        Tensor x = data.uniform(2, 3, 6, 5), w = data.uniform(4, 3, 3, 2), bias = data.uniform(4);
        int[] ys = {2, 4, spec.outHeight(6, 3), spec.outWidth(5, 2)};
        Tensor dy = data.uniform(ys);
        Tensor dx = scope.zeros(x.shape()), dw = scope.zeros(w.shape()), db = scope.zeros(4);
        backend.conv2dBackwardData(dx, dy, w, spec);
        backend.conv2dBackwardWeights(dw, db, dy, x, spec);
        Tensor y = scope.zeros(ys);
        java.util.function.DoubleSupplier loss = () -> {
            backend.conv2dForward(y, x, w, bias, spec);
            return TestData.dot(y, dy);
        };
        FiniteDifference fd = FiniteDifference.forFloat32();
        fd.check("conv2d dx", x, dx, loss, 40);
        fd.check("conv2d dw", w, dw, loss, 40);
        fd.check("conv2d db", bias, db, loss, 4);
    }

    @Test
    void conv1dMatchesReference() {
        Compare cmp = compare();
        ConvSpec spec = ConvSpec.of1d(2, 1, 2);
        Tensor x = data.uniform(2, 3, 9), w = data.uniform(4, 3, 3), bias = data.uniform(4);
        int q = spec.outWidth(9, 3);
        Tensor expected = scope.zeros(2, 4, q), actual = scope.zeros(2, 4, q);
        reference.conv1dForward(expected, x, w, bias, spec);
        backend.conv1dForward(actual, x, w, bias, spec);
        cmp.close("conv1d y", expected, actual, TOLERANCE);
        Tensor dy = data.uniform(2, 4, q);
        Tensor dxE = scope.zeros(2, 3, 9), dxA = scope.zeros(2, 3, 9);
        reference.conv1dBackwardData(dxE, dy, w, spec);
        backend.conv1dBackwardData(dxA, dy, w, spec);
        cmp.close("conv1d dx", dxE, dxA, TOLERANCE);
        Tensor dwE = scope.zeros(4, 3, 3), dwA = scope.zeros(4, 3, 3), dbE = scope.zeros(4), dbA = scope.zeros(4);
        reference.conv1dBackwardWeights(dwE, dbE, dy, x, spec);
        backend.conv1dBackwardWeights(dwA, dbA, dy, x, spec);
        cmp.close("conv1d dw", dwE, dwA, TOLERANCE);
        cmp.close("conv1d db", dbE, dbA, TOLERANCE);
    }

    // ------------------------------------------------------------------ pooling

    private static final List<PoolSpec> POOL_SPECS = List.of(PoolSpec.max(2), PoolSpec.avg(2),
            new PoolSpec(PoolSpec.Kind.MAX, 3, 2, 2, 2, 1, 1), new PoolSpec(PoolSpec.Kind.AVG, 3, 2, 2, 2, 1, 1),
            new PoolSpec(PoolSpec.Kind.MAX, 3, 3, 1, 1, 1, 1));

    @Test
    void poolingMatchesReference() {
        Compare cmp = compare();
        for (int[] xs : new int[][] {{2, 3, 7, 6}, {1, 17, 9, 9}, {4, 32, 28, 28}}) {
            for (PoolSpec spec : POOL_SPECS) {
                Tensor x = data.distinct(xs);
                int[] ys = {xs[0], xs[1], spec.outHeight(xs[2]), spec.outWidth(xs[3])};
                Tensor expected = scope.zeros(ys), actual = scope.zeros(ys);
                reference.pool2dForward(expected, x, spec);
                backend.pool2dForward(actual, x, spec);
                cmp.close(spec + " y", expected, actual, TOLERANCE);
                Tensor dy = data.uniform(ys);
                Tensor dxE = data.uniform(xs), dxA = scope.copyOf(dxE);
                reference.pool2dBackward(dxE, dy, x, expected, spec);
                backend.pool2dBackward(dxA, dy, x, actual, spec);
                cmp.close(spec + " dx", dxE, dxA, TOLERANCE);
            }
        }
        log(cmp.summary("pooling"));
    }

    @Test
    void poolingGradientsMatchFiniteDifferences() {
        for (PoolSpec spec : POOL_SPECS) {
            Tensor x = data.distinct(2, 3, 7, 6);
            int[] ys = {2, 3, spec.outHeight(7), spec.outWidth(6)};
            Tensor y = scope.zeros(ys), dy = data.uniform(ys), dx = scope.zeros(x.shape());
            backend.pool2dForward(y, x, spec);
            backend.pool2dBackward(dx, dy, x, y, spec);
            new FiniteDifference(1e-2, 1e-2, 5e-4).check(spec + " dx", x, dx, () -> {
                backend.pool2dForward(y, x, spec);
                return TestData.dot(y, dy);
            }, 60);
        }
    }

    @Test
    void maxPoolingTiesRouteTheGradientToTheFirstMaximum() {
        Compare cmp = compare();
        Tensor x = scope.zeros(1, 2, 5, 6); // all ties, as after a ReLU
        for (int k = 0; k < 6; k++) {
            x.set(k * 7L, 1f); // and a few distinct maxima
        }
        for (PoolSpec spec : List.of(PoolSpec.max(2), new PoolSpec(PoolSpec.Kind.MAX, 3, 3, 1, 1, 1, 1))) {
            int[] ys = {1, 2, spec.outHeight(5), spec.outWidth(6)};
            Tensor y = scope.zeros(ys), dy = data.uniform(ys);
            reference.pool2dForward(y, x, spec);
            Tensor expected = scope.zeros(x.shape()), actual = scope.zeros(x.shape());
            reference.pool2dBackward(expected, dy, x, y, spec);
            backend.pool2dBackward(actual, dy, x, y, spec);
            cmp.close(spec + " dx with ties", expected, actual, TOLERANCE);
        }
        log(cmp.summary("pooling ties"));
    }

    // ------------------------------------------------------------------ activations and softmax

    @Test
    void activationsMatchReferenceAndFiniteDifferences() {
        Compare cmp = compare();
        for (Activation f : Activation.values()) {
            for (int n : new int[] {1, 17, 1000}) {
                Tensor x = data.awayFromZero(n);
                backend.scale(x, 2f);
                Tensor expected = scope.zeros(n), actual = scope.zeros(n);
                reference.activation(f, expected, x);
                backend.activation(f, actual, x);
                cmp.close(f + " n=" + n, expected, actual, 1e-5);
                Tensor dy = data.uniform(n), dxE = data.uniform(n), dxA = scope.copyOf(dxE);
                reference.activationBackward(f, dxE, dy, x, expected);
                backend.activationBackward(f, dxA, dy, x, actual);
                cmp.close(f + " dx n=" + n, dxE, dxA, 1e-5);
            }
            Tensor x = data.awayFromZero(40);
            Tensor y = scope.zeros(40), dy = data.uniform(40), dx = scope.zeros(40);
            backend.activation(f, y, x);
            backend.activationBackward(f, dx, dy, x, y);
            new FiniteDifference(1e-3, 1e-2, 5e-4).check(f + " dx", x, dx, () -> {
                backend.activation(f, y, x);
                return TestData.dot(y, dy);
            }, 40);
            Tensor inPlace = scope.copyOf(x);
            backend.activation(f, inPlace, inPlace);
            backend.activation(f, y, x);
            cmp.close(f + " in place", y, inPlace, 0);
        }
        log(cmp.summary("activations"));
    }

    @Test
    void softmaxMatchesReferenceAndFiniteDifferences() {
        Compare cmp = compare();
        for (int[] shape : new int[][] {{1, 1}, {3, 17}, {5, 65}, {2, 3, 1000}}) {
            Tensor x = data.uniform(4f, shape);
            for (boolean log : new boolean[] {false, true}) {
                Tensor expected = scope.zeros(shape), actual = scope.zeros(shape);
                Tensor dy = data.uniform(shape), dxE = data.uniform(shape), dxA = scope.copyOf(dxE);
                if (log) {
                    reference.logSoftmax(expected, x);
                    backend.logSoftmax(actual, x);
                    reference.logSoftmaxBackward(dxE, dy, expected);
                    backend.logSoftmaxBackward(dxA, dy, actual);
                } else {
                    reference.softmax(expected, x);
                    backend.softmax(actual, x);
                    reference.softmaxBackward(dxE, dy, expected);
                    backend.softmaxBackward(dxA, dy, actual);
                }
                String label = (log ? "logSoftmax " : "softmax ") + java.util.Arrays.toString(shape);
                cmp.close(label, expected, actual, 1e-5);
                cmp.close(label + " dx", dxE, dxA, 1e-5);
            }
        }
        Tensor x = data.uniform(3f, 4, 9), y = scope.zeros(4, 9), dy = data.uniform(4, 9);
        Tensor dxSoft = scope.zeros(4, 9), dxLog = scope.zeros(4, 9);
        backend.softmax(y, x);
        for (int r = 0; r < 4; r++) {
            double sum = 0;
            for (int j = 0; j < 9; j++) {
                sum += y.get(r * 9 + j);
            }
            assertEquals(1.0, sum, 1e-5, "softmax row " + r + " sums to 1");
        }
        backend.softmaxBackward(dxSoft, dy, y);
        FiniteDifference fd = new FiniteDifference(1e-3, 1e-2, 5e-4);
        fd.check("softmax dx", x, dxSoft, () -> {
            backend.softmax(y, x);
            return TestData.dot(y, dy);
        }, 36);
        backend.logSoftmax(y, x);
        backend.logSoftmaxBackward(dxLog, dy, y);
        fd.check("logSoftmax dx", x, dxLog, () -> {
            backend.logSoftmax(y, x);
            return TestData.dot(y, dy);
        }, 36);
        Tensor huge = scope.of(new float[] {1000f, 0f, -1000f}, 1, 3);
        Tensor out = scope.zeros(1, 3);
        backend.logSoftmax(out, huge);
        assertTrue(Float.isFinite(out.get(2)) && out.get(0) == 0f, "logSoftmax is stable for large logits");
        log(cmp.summary("softmax"));
    }

    // ------------------------------------------------------------------ element-wise

    @Test
    void elementwiseOpsMatchReference() {
        Compare cmp = compare();
        for (int n : new int[] {1, 3, 17, 33, 65, 1027}) {
            Tensor a = data.uniform(n), b = data.uniform(n);
            Tensor e = scope.zeros(n), r = scope.zeros(n);
            reference.add(e, a, b);
            backend.add(r, a, b);
            cmp.close("add n=" + n, e, r, 1e-6);
            reference.mul(e, a, b);
            backend.mul(r, a, b);
            cmp.close("mul n=" + n, e, r, 1e-6);
            Tensor ye = scope.copyOf(b), yr = scope.copyOf(b);
            reference.axpy(-0.75f, a, ye);
            backend.axpy(-0.75f, a, yr);
            cmp.close("axpy n=" + n, ye, yr, 1e-6);
            reference.scale(ye, 3f);
            backend.scale(yr, 3f);
            cmp.close("scale n=" + n, ye, yr, 1e-6);
            assertEquals(reference.sumOfSquares(a), backend.sumOfSquares(a), 1e-5 * n, "sumOfSquares n=" + n);
            Tensor m = data.uniform(5, n), bias = data.uniform(n);
            Tensor me = scope.copyOf(m), mr = scope.copyOf(m);
            reference.addRowVector(me, bias);
            backend.addRowVector(mr, bias);
            cmp.close("addRowVector n=" + n, me, mr, 1e-6);
            Tensor se = data.uniform(n), sr = scope.copyOf(se);
            reference.sumRows(se, m);
            backend.sumRows(sr, m);
            cmp.close("sumRows n=" + n, se, sr, 1e-5);
        }
        Tensor a = data.uniform(9), b = data.uniform(9), expected = scope.zeros(9);
        reference.add(expected, a, b);
        backend.add(a, a, b);
        cmp.close("add aliased", expected, a, 1e-6);
        log(cmp.summary("element-wise"));
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void rejectsBadShapesWithMessagesNamingThem() {
        Tensor a = scope.zeros(3, 4), b = scope.zeros(5, 6), c = scope.zeros(3, 6);
        assertMessage(() -> backend.gemm(c, a, false, b, false, 1, 0), "gemm", "inner dimensions", "[3, 4]");
        assertMessage(() -> backend.gemm(scope.zeros(3, 5), a, false, scope.zeros(4, 6), false, 1, 0),
                "gemm", "c must be [M, N] = [3, 6]", "[3, 5]");

        LstmCase lstm = new LstmCase(data, 3, 2, 4, 5, true, true, SeqOptions.FORWARD);
        Tensor y = scope.zeros(3, 2, 5);
        assertMessage(() -> backend.lstmForward(y, null, null, null, scope.zeros(3, 2, 7), null, null, lstm.w,
                SeqOptions.FORWARD), "lstmForward", "w.wIh must be [4H, I] = [20, 7]", "[20, 4]");
        assertMessage(() -> backend.lstmForward(y, null, null, null, lstm.x, scope.zeros(2, 4), null, lstm.w,
                SeqOptions.FORWARD), "lstmForward", "h0 must be [B, H] = [2, 5]", "[2, 4]");
        assertMessage(() -> backend.lstmForward(y, null, null, null, lstm.x, null, null, lstm.w,
                SeqOptions.lengths(3, 1, 2)), "lstmForward", "lengths has 3 entries", "B = 2");
        assertMessage(() -> backend.lstmForward(y, null, null, null, lstm.x, null, null, lstm.w,
                SeqOptions.lengths(3, 4)), "lstmForward", "lengths[1] = 4", "T = 3");
        assertMessage(() -> backend.lstmForward(y, null, null, null, lstm.x, null, null, lstm.w,
                SeqOptions.lengths(-1, 2)), "lstmForward", "lengths[0] = -1");
        assertMessage(() -> backend.lstmForward(y, null, null, scope.zeros(1), lstm.x, null, null, lstm.w,
                SeqOptions.FORWARD), "lstmForward", "workspace holds 1 floats");
        LstmWeights partialPeepholes = new LstmWeights(lstm.w.wIh(), lstm.w.wHh(), lstm.w.bIh(), lstm.w.bHh(),
                null, lstm.w.wCf(), null);
        assertMessage(() -> backend.lstmForward(y, null, null, null, lstm.x, null, null, partialPeepholes,
                SeqOptions.FORWARD), "lstmForward", "all three or none");

        GruCase gru = new GruCase(data, 3, 2, 4, 5, false, SeqOptions.FORWARD);
        assertMessage(() -> backend.gruForward(scope.zeros(3, 2, 6), null, null, gru.x, null, gru.w,
                SeqOptions.FORWARD), "gruForward", "y must be [T, B, H] = [3, 2, 5]", "[3, 2, 6]");

        assertMessage(() -> backend.conv2dForward(scope.zeros(1, 2, 3, 3), scope.zeros(1, 3, 5, 5),
                scope.zeros(2, 4, 3, 3), null, ConvSpec.DEFAULT), "conv2dForward", "input channels");
        assertMessage(() -> backend.conv2dForward(scope.zeros(1, 2, 3, 3), scope.zeros(1, 3, 2, 2),
                scope.zeros(2, 3, 3, 3), null, ConvSpec.DEFAULT), "conv2dForward", "does not fit");
        assertMessage(() -> backend.conv1dForward(scope.zeros(1, 2, 3), scope.zeros(1, 3, 5),
                scope.zeros(2, 3, 3), null, ConvSpec.of(1, 1, 1)), "conv1dForward", "ConvSpec.of1d");
        assertMessage(() -> backend.pool2dForward(scope.zeros(1, 1, 3, 3), scope.zeros(1, 1, 5, 5), PoolSpec.max(2)),
                "pool2dForward", "y must be [N, C, P, Q] = [1, 1, 2, 2]", "[1, 1, 3, 3]");
        assertMessage(() -> backend.add(scope.zeros(3), scope.zeros(3), scope.zeros(4)), "add", "[3]", "[4]");
        assertMessage(() -> backend.sumRows(scope.zeros(5), scope.zeros(2, 4)), "sumRows", "out must be [J] = [4]");
        assertThrows(IllegalArgumentException.class, () -> scope.zeros(2, -1), "negative dimension");
        assertThrows(IllegalArgumentException.class, () -> new ConvSpec(0, 1, 0, 0, 1, 1));
    }

    private static void assertMessage(Runnable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment),
                    "message should contain '" + fragment + "' but was: " + e.getMessage());
        }
    }
}
