package dev.mnemo.benchmarks;

import dev.mnemo.kernel.Backends;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.kernel.PoolSpec;
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
 * 2×2 max pooling (stride 2) through the kernel SPI at the Fashion-MNIST CNN's shapes, batch 128:
 * {@code pool1} reads {@code [128, 32, 28, 28]}, {@code pool2} reads {@code [128, 64, 14, 14]}.
 * Forward, and backward (routing each output gradient to its window's maximum). Memory-bound:
 * 12.8 MB and 6.4 MB of input. Every backend runs both shapes.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar Pool2dBenchmark</pre>
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class Pool2dBenchmark {
    private static final int N = 128;
    private static final PoolSpec MAX_2X2 = PoolSpec.max(2);

    /** Kernel backend name. */
    @Param({"onednn", "vector", "reference"})
    public String backend;

    /** Which pooling of the CNN. */
    @Param({"pool1", "pool2"})
    public String layer;

    private Scope scope;
    private KernelBackend kernels;
    private Tensor x, y, dy, dx;

    @Setup(Level.Trial)
    public void setUp() {
        int c, hw;
        switch (layer) {
            case "pool1" -> { c = 32; hw = 28; }
            case "pool2" -> { c = 64; hw = 14; }
            default -> throw new IllegalArgumentException("layer must be pool1 or pool2, got " + layer);
        }
        kernels = Backends.get(backend);
        scope = Scope.open();
        Random r = new Random(1);
        x = Data.gaussian(scope, r, N, c, hw, hw);
        y = scope.zeros(N, c, hw / 2, hw / 2);
        dy = Data.gaussian(scope, r, N, c, hw / 2, hw / 2);
        dx = scope.zeros(N, c, hw, hw);
        kernels.pool2dForward(y, x, MAX_2X2); // the backward pass reads the forward output
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        scope.close();
    }

    @Benchmark
    public Tensor forward() {
        kernels.pool2dForward(y, x, MAX_2X2);
        return y;
    }

    @Benchmark
    public Tensor backward() {
        kernels.pool2dBackward(dx, dy, x, y, MAX_2X2);
        return dx;
    }
}
