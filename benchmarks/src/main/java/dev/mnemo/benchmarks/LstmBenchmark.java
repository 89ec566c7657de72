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
 * The reference LSTM workload through the kernel SPI (peephole-free, PyTorch layout): 50 steps,
 * input 128, hidden 256, batch 64 and batch 1. {@code forward}: inference (no workspace);
 * {@code trainingStep}: forward keeping the workspace, then backpropagation through time into
 * every gradient (dx, dh0, dc0, all weights). GEMM work at batch 64: 2·T·B·4H·(I+H) = 2.52
 * GFLOP forward, about 7.5 GFLOP per training step. The reference backend runs batch 1 only
 * (at batch 64 a training step takes it tens of seconds), so its setup refuses batch 64.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar LstmBenchmark -p backend=vector,reference</pre>
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class LstmBenchmark {
    private static final int STEPS = 50;
    private static final int INPUT = 128;
    private static final int HIDDEN = 256;

    /** Kernel backend name. */
    @Param({"vector", "reference"})
    public String backend;

    /** Batch size. */
    @Param({"64", "1"})
    public int batch;

    private Scope scope;
    private KernelBackend kernels;
    private Tensor x, h0, c0, y, hN, cN, workspace;
    private Tensor dx, dh0, dc0, dy;
    private LstmWeights w, dw;

    @Setup(Level.Trial)
    public void setUp() {
        if (backend.equals("reference") && batch > 1) {
            throw new IllegalStateException("reference backend skipped at batch " + batch + ": seconds per call");
        }
        kernels = Backends.get(backend);
        scope = Scope.open();
        Random random = new Random(7);
        x = Data.gaussian(scope, random, STEPS, batch, INPUT);
        h0 = Data.gaussian(scope, random, batch, HIDDEN);
        c0 = Data.gaussian(scope, random, batch, HIDDEN);
        dy = Data.gaussian(scope, random, STEPS, batch, HIDDEN);
        w = weights(random);
        dw = weights(null);
        y = scope.zeros(STEPS, batch, HIDDEN);
        hN = scope.zeros(batch, HIDDEN);
        cN = scope.zeros(batch, HIDDEN);
        dx = scope.zeros(STEPS, batch, INPUT);
        dh0 = scope.zeros(batch, HIDDEN);
        dc0 = scope.zeros(batch, HIDDEN);
        workspace = scope.zeros(Math.toIntExact(kernels.lstmWorkspaceSize(STEPS, batch, INPUT, HIDDEN)));
    }

    /** Random weights, or zeroed gradients when {@code random} is null. */
    private LstmWeights weights(Random random) {
        int[][] shapes = {{4 * HIDDEN, INPUT}, {4 * HIDDEN, HIDDEN}, {4 * HIDDEN}, {4 * HIDDEN}};
        Tensor[] t = new Tensor[shapes.length];
        for (int i = 0; i < shapes.length; i++) {
            t[i] = random == null ? scope.zeros(shapes[i]) : Data.gaussian(scope, random, shapes[i]);
        }
        return LstmWeights.withoutPeepholes(t[0], t[1], t[2], t[3]);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        scope.close();
    }

    @Benchmark
    public Tensor forward() {
        kernels.lstmForward(y, hN, cN, null, x, h0, c0, w, SeqOptions.FORWARD);
        return y;
    }

    @Benchmark
    public Tensor trainingStep() {
        kernels.lstmForward(y, hN, cN, workspace, x, h0, c0, w, SeqOptions.FORWARD);
        kernels.lstmBackward(dx, dh0, dc0, dw, dy, null, null, x, h0, c0, w, SeqOptions.FORWARD, y, workspace);
        return dx;
    }
}
