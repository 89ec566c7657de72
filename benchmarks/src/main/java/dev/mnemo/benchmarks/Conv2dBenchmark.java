package dev.mnemo.benchmarks;

import dev.mnemo.kernel.Backends;
import dev.mnemo.kernel.ConvSpec;
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
 * 2-D convolution through the kernel SPI at the Fashion-MNIST CNN's shapes, batch 128, 3×3
 * kernels, stride 1, padding 1: {@code conv1} is {@code [128, 1, 28, 28] -> [128, 32, 28, 28]}
 * (58 MFLOP per pass), {@code conv2} is {@code [128, 32, 14, 14] -> [128, 64, 14, 14]}
 * (925 MFLOP per pass). Forward (with bias), gradient of the input, gradient of the weights and
 * bias; each pass has the same multiply-add count. Every backend runs both shapes.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar Conv2dBenchmark -p layer=conv2</pre>
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class Conv2dBenchmark {
    private static final int N = 128;
    private static final ConvSpec SAME_3X3 = ConvSpec.of(1, 1, 1);

    /** Kernel backend name. */
    @Param({"onednn", "vector", "reference"})
    public String backend;

    /** Which convolution of the CNN. */
    @Param({"conv1", "conv2"})
    public String layer;

    private Scope scope;
    private KernelBackend kernels;
    private Tensor x, w, bias, y, dy, dx, dw, db;

    @Setup(Level.Trial)
    public void setUp() {
        int c, k, hw;
        switch (layer) {
            case "conv1" -> { c = 1; k = 32; hw = 28; }
            case "conv2" -> { c = 32; k = 64; hw = 14; }
            default -> throw new IllegalArgumentException("layer must be conv1 or conv2, got " + layer);
        }
        kernels = Backends.get(backend);
        scope = Scope.open();
        Random r = new Random(1);
        x = Data.gaussian(scope, r, N, c, hw, hw);
        w = Data.gaussian(scope, r, k, c, 3, 3);
        bias = Data.gaussian(scope, r, k);
        dy = Data.gaussian(scope, r, N, k, hw, hw);
        y = scope.zeros(N, k, hw, hw);
        dx = scope.zeros(N, c, hw, hw);
        dw = scope.zeros(k, c, 3, 3);
        db = scope.zeros(k);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        scope.close();
    }

    @Benchmark
    public Tensor forward() {
        kernels.conv2dForward(y, x, w, bias, SAME_3X3);
        return y;
    }

    @Benchmark
    public Tensor backwardData() {
        kernels.conv2dBackwardData(dx, dy, w, SAME_3X3);
        return dx;
    }

    @Benchmark
    public Tensor backwardWeights() {
        kernels.conv2dBackwardWeights(dw, db, dy, x, SAME_3X3);
        return dw;
    }
}
