package dev.mnemo.benchmarks;

import dev.mnemo.kernel.Backends;
import dev.mnemo.kernel.GruWeights;
import dev.mnemo.kernel.KernelBackend;
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
 * GRU layer through the kernel SPI, per backend: inference forward and the layer's training step
 * (forward keeping the workspace, then backpropagation through time into every gradient).
 * Shapes {@code BxTxIxH}: the reference workload (B 64, T 50, I 128, H 256; GEMM work
 * 2·T·B·3H·(I+H) = 1.9 GFLOP forward, about 5.7 GFLOP per training step) and a small one
 * (B 16, T 20, I 64, H 64) at which the reference backend is measured too; the reference
 * backend is skipped at the large shape ({@link ReferenceLimit}).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar GruBenchmark -p backend=onednn,vector</pre>
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class GruBenchmark {
    /** Kernel backend name. */
    @Param({"onednn", "vector", "reference"})
    public String backend;

    /** B x T x I x H. */
    @Param({"64x50x128x256", "16x20x64x64"})
    public String shape;

    private Scope scope;
    private KernelBackend kernels;
    private Tensor x, y, dx, dy, workspace;
    private GruWeights w, dw;

    @Setup(Level.Trial)
    public void setUp() {
        String[] d = shape.split("x");
        int b = Integer.parseInt(d[0]), t = Integer.parseInt(d[1]), i = Integer.parseInt(d[2]), h = Integer.parseInt(d[3]);
        ReferenceLimit.check(backend, 3 * 2.0 * t * b * 3 * h * (i + h), "GRU " + shape);
        kernels = Backends.get(backend);
        scope = Scope.open();
        Random r = new Random(1);
        x = Data.gaussian(scope, r, t, b, i);
        dy = Data.gaussian(scope, r, t, b, h);
        y = scope.zeros(t, b, h);
        dx = scope.zeros(t, b, i);
        workspace = scope.zeros(Math.toIntExact(kernels.gruWorkspaceSize(t, b, i, h)));
        w = RecurrentWeights.gru(scope, r, i, h, false);
        dw = RecurrentWeights.gru(scope, r, i, h, true);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        scope.close();
    }

    @Benchmark
    public Tensor forward() {
        kernels.gruForward(y, null, null, x, null, w, SeqOptions.FORWARD);
        return y;
    }

    @Benchmark
    public Tensor trainingStep() {
        kernels.gruForward(y, null, workspace, x, null, w, SeqOptions.FORWARD);
        kernels.gruBackward(dx, null, dw, dy, null, x, null, w, SeqOptions.FORWARD, y, workspace);
        return dx;
    }
}
