package dev.mnemo.benchmarks;

import dev.mnemo.kernel.Backends;
import dev.mnemo.kernel.KernelBackend;
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
 * {@code C = A · op(B)} through the kernel SPI, per backend: a square 1024³ product, the
 * 64 × 1024 × 1024 shape of a batch-64 dense layer and the 1 × 1024 × 1024 of batch 1.
 * GFLOP/s = 2·M·N·K / time. The reference backend runs only the two skinny shapes: at 1024³
 * it needs about two seconds per call, so its setup refuses that combination.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar GemmBenchmark -p backend=vector,reference</pre>
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class GemmBenchmark {
    /** Kernel backend name. */
    @Param({"vector", "reference"})
    public String backend;

    /** M x N x K. */
    @Param({"1024x1024x1024", "64x1024x1024", "1x1024x1024"})
    public String shape;

    /** Whether B is stored transposed ({@code [N, K]}, as layer weights are). */
    @Param({"false", "true"})
    public boolean transB;

    private Scope scope;
    private KernelBackend kernels;
    private Tensor a;
    private Tensor b;
    private Tensor c;

    @Setup(Level.Trial)
    public void setUp() {
        String[] mnk = shape.split("x");
        int m = Integer.parseInt(mnk[0]), n = Integer.parseInt(mnk[1]), k = Integer.parseInt(mnk[2]);
        if (backend.equals("reference") && (long) m * n * k > 1L << 27) {
            throw new IllegalStateException("reference backend skipped at " + shape + ": seconds per call");
        }
        kernels = Backends.get(backend);
        scope = Scope.open();
        a = Data.gaussian(scope, new Random(1), m, k);
        b = transB ? Data.gaussian(scope, new Random(2), n, k) : Data.gaussian(scope, new Random(2), k, n);
        c = scope.zeros(m, n);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        scope.close();
    }

    @Benchmark
    public Tensor gemm() {
        kernels.gemm(c, a, false, b, transB, 1f, 0f);
        return c;
    }
}
