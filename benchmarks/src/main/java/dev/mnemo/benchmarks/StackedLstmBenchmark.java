package dev.mnemo.benchmarks;

import dev.mnemo.kernel.Backends;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.kernel.LstmWeights;
import dev.mnemo.kernel.SeqOptions;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
 * The 2-layer LSTM with 512 units (input 512, batch 32, 100 steps, peephole-free as
 * {@code torch.nn.LSTM(512, 512, num_layers=2)}) through the kernel SPI: inference forward of
 * both layers, and the training step of the stack: both layers forward keeping their
 * workspaces, then layer 2 backward (loss gradient on every output) whose input gradient is
 * layer 1's output gradient, then layer 1 backward (no input gradient needed). GEMM work:
 * 2·T·B·4H·(I+H) = 13.4 GFLOP per layer forward, about 80 GFLOP per training step, so the
 * reference backend is not in the list (minutes per call).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar StackedLstmBenchmark</pre>
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class StackedLstmBenchmark {
    private static final int B = 32, T = 100, H = 512;

    /** Kernel backend name. */
    @Param({"onednn", "vector"})
    public String backend;

    private Scope scope;
    private KernelBackend kernels;
    private Tensor x, y1, y2, workspace1, workspace2, dy2, dy1;
    private LstmWeights w1, w2, dw1, dw2;

    @Setup(Level.Trial)
    public void setUp() {
        kernels = Backends.get(backend);
        scope = Scope.open();
        Random r = new Random(1);
        x = Data.gaussian(scope, r, T, B, H);
        dy2 = Data.gaussian(scope, r, T, B, H);
        y1 = scope.zeros(T, B, H);
        y2 = scope.zeros(T, B, H);
        dy1 = scope.zeros(T, B, H);
        workspace1 = scope.zeros(Math.toIntExact(kernels.lstmWorkspaceSize(T, B, H, H)));
        workspace2 = scope.zeros(Math.toIntExact(kernels.lstmWorkspaceSize(T, B, H, H)));
        w1 = RecurrentWeights.lstm(scope, r, H, H, false);
        w2 = RecurrentWeights.lstm(scope, r, H, H, false);
        dw1 = RecurrentWeights.lstm(scope, r, H, H, true);
        dw2 = RecurrentWeights.lstm(scope, r, H, H, true);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        scope.close();
    }

    @Benchmark
    public Tensor forward() {
        kernels.lstmForward(y1, null, null, null, x, null, null, w1, SeqOptions.FORWARD);
        kernels.lstmForward(y2, null, null, null, y1, null, null, w2, SeqOptions.FORWARD);
        return y2;
    }

    @Benchmark
    public Tensor trainingStep() {
        kernels.lstmForward(y1, null, null, workspace1, x, null, null, w1, SeqOptions.FORWARD);
        kernels.lstmForward(y2, null, null, workspace2, y1, null, null, w2, SeqOptions.FORWARD);
        dy1.fill(0f); // backward accumulates: layer 1's output gradient starts from zero each step
        kernels.lstmBackward(dy1, null, null, dw2, dy2, null, null, y1, null, null, w2, SeqOptions.FORWARD, y2, workspace2);
        kernels.lstmBackward(null, null, null, dw1, dy1, null, null, x, null, null, w1, SeqOptions.FORWARD, y1, workspace1);
        return dy1;
    }
}
