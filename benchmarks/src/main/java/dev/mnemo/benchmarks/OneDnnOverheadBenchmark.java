package dev.mnemo.benchmarks;

import static org.bytedeco.dnnl.global.dnnl.dnnl_sgemm;

import dev.mnemo.kernel.Backends;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.kernel.LstmWeights;
import dev.mnemo.kernel.SeqOptions;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Mnemo's {@code onednn} backend against oneDNN called directly, side by side in one run, so
 * the ratio is Mnemo's overhead: GEMM 1024³ through the SPI vs raw {@code dnnl_sgemm}; the LSTM
 * reference workload (B 64 or 1, T 50, I 128, H 256) forward (inference) and training step of the
 * layer (forward keeping the workspace + backward) through the SPI vs {@link RawDnnlLstm}.
 * GEMM GFLOP/s = 2.147 / (ms per call).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar OneDnnOverheadBenchmark -p batch=64,1 -p peepholes=false,true</pre>
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class OneDnnOverheadBenchmark {
    private static final int N = 1024;
    private static final int T = 50, I = 128, H = 256;

    /** Whether the LSTM has peephole connections. */
    @Param({"false"})
    public boolean peepholes;

    /** LSTM batch size (64: throughput; 1: latency, where per-call overhead shows most). */
    @Param({"64"})
    public int batch;

    private Scope scope;
    private KernelBackend onednn;
    private Tensor a, b, c;
    private FloatPointer rawA, rawB, rawC;
    private Tensor x, y, workspace, dy, dx;
    private LstmWeights w, dw;
    private RawDnnlLstm raw;

    @Setup(Level.Trial)
    public void setUp() {
        onednn = Backends.get("onednn");
        scope = Scope.open();
        Random r = new Random(1);
        a = Data.gaussian(scope, r, N, N);
        b = Data.gaussian(scope, r, N, N);
        c = scope.zeros(N, N);
        rawA = pointer(scope.copyOf(a));
        rawB = pointer(scope.copyOf(b));
        rawC = pointer(scope.zeros(N, N));
        x = Data.gaussian(scope, r, T, batch, I);
        y = scope.zeros(T, batch, H);
        dy = Data.gaussian(scope, r, T, batch, H);
        dx = scope.zeros(T, batch, I);
        workspace = scope.zeros(Math.toIntExact(onednn.lstmWorkspaceSize(T, batch, I, H)));
        w = weights(r, false);
        dw = weights(r, true);
        raw = new RawDnnlLstm(T, batch, I, H, peepholes);
    }

    private LstmWeights weights(Random r, boolean zeros) {
        Tensor[] t = {scope.zeros(4 * H, I), scope.zeros(4 * H, H), scope.zeros(4 * H), scope.zeros(4 * H),
            peepholes ? scope.zeros(H) : null, peepholes ? scope.zeros(H) : null, peepholes ? scope.zeros(H) : null};
        if (!zeros) {
            for (int k = 0; k < t.length; k++) {
                t[k] = t[k] == null ? null : Data.gaussian(scope, r, t[k].shape());
            }
        }
        return new LstmWeights(t[0], t[1], t[2], t[3], t[4], t[5], t[6]);
    }

    private static FloatPointer pointer(Tensor t) {
        long at = t.segment().address();
        return new FloatPointer(new Pointer() { { address = at; } });
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        raw.close();
        scope.close();
    }

    @Benchmark
    public Tensor gemm1024Mnemo() {
        onednn.gemm(c, a, false, b, false, 1f, 0f);
        return c;
    }

    @Benchmark
    public int gemm1024RawSgemm() {
        return dnnl_sgemm((byte) 'N', (byte) 'N', N, N, N, 1f, rawA, N, rawB, N, 0f, rawC, N);
    }

    @Benchmark
    public Tensor lstmForwardMnemo() {
        onednn.lstmForward(y, null, null, null, x, null, null, w, SeqOptions.FORWARD);
        return y;
    }

    @Benchmark
    public void lstmForwardRawPrimitive() {
        raw.forward();
    }

    @Benchmark
    public Tensor lstmTrainingMnemo() {
        onednn.lstmForward(y, null, null, workspace, x, null, null, w, SeqOptions.FORWARD);
        onednn.lstmBackward(dx, null, null, dw, dy, null, null, x, null, null, w, SeqOptions.FORWARD, y, workspace);
        return dx;
    }

    @Benchmark
    public void lstmTrainingRawPrimitive() {
        raw.forwardBackward();
    }
}
