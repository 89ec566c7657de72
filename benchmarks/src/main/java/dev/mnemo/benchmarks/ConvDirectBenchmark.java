package dev.mnemo.benchmarks;

import dev.mnemo.kernel.Backends;
import dev.mnemo.kernel.ConvSpec;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.kernels.vector.simd.Simd;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
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
 * The design question behind the vector backend's convolutions: im2col + GEMM (what
 * {@code kernels-vector} does, {@code forwardMnemo}) against a direct kernel written here with
 * the Vector API ({@code forwardRawDirect}), at the Fashion-MNIST CNN's shapes (batch 128,
 * 3×3, stride 1, padding 1, as {@link Conv2dBenchmark}).
 *
 * <p>The direct kernel computes, for each image, output row {@code p} and block of four output
 * channels, vectors of {@code y[k, p, q..q+L)} in registers:
 * {@code y[k, p, q] = b[k] + Σ_{c, r, s} w[k, c, r, s] · x[c, p - 1 + r, q - 1 + s]}, one masked
 * load of the shifted input row per tap and four FMAs with broadcast weights. Images go to the
 * common pool (2 threads on 2 cores). Its output is checked against the vector backend's in the
 * setup (max difference 1e-3), so the two variants compute the same thing.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ConvDirectBenchmark</pre>
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class ConvDirectBenchmark {
    private static final int N = 128, TAPS = 3, PAD = 1, BLOCK = 4;

    /** Which convolution of the CNN. */
    @Param({"conv1", "conv2"})
    public String layer;

    private Scope scope;
    private KernelBackend vector;
    private Tensor x, w, bias, y;
    private int channels, filters, size;
    private float[] xs, ws, bs, ys;

    @Setup(Level.Trial)
    public void setUp() {
        switch (layer) {
            case "conv1" -> { channels = 1; filters = 32; size = 28; }
            case "conv2" -> { channels = 32; filters = 64; size = 14; }
            default -> throw new IllegalArgumentException("layer must be conv1 or conv2, got " + layer);
        }
        if (!Simd.ENABLED) {
            throw new IllegalStateException("the direct kernel needs the Vector API (mnemo.vector.bits is 0)");
        }
        vector = Backends.get("vector");
        scope = Scope.open();
        Random r = new Random(1);
        x = Data.gaussian(scope, r, N, channels, size, size);
        w = Data.gaussian(scope, r, filters, channels, TAPS, TAPS);
        bias = Data.gaussian(scope, r, filters);
        y = scope.zeros(N, filters, size, size);
        xs = x.toArray();
        ws = w.toArray();
        bs = bias.toArray();
        ys = new float[N * filters * size * size];
        forwardMnemo();
        forwardRawDirect();
        float[] expected = y.toArray();
        double worst = 0;
        for (int i = 0; i < ys.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - ys[i]));
        }
        if (worst > 1e-3) {
            throw new IllegalStateException("direct convolution differs from the vector backend by " + worst);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        scope.close();
    }

    @Benchmark
    public Tensor forwardMnemo() {
        vector.conv2dForward(y, x, w, bias, ConvSpec.of(1, PAD, 1));
        return y;
    }

    @Benchmark
    public float[] forwardRawDirect() {
        IntStream.range(0, N).parallel().forEach(this::directImage);
        return ys;
    }

    /** Every output of image {@code n}, four filters and one vector of a row at a time. */
    private void directImage(int n) {
        int lanes = Simd.LANES, plane = size * size;
        int xImage = n * channels * plane, yImage = n * filters * plane;
        for (int q0 = 0; q0 < size; q0 += lanes) {
            VectorMask<Float> out = Simd.F.indexInRange(q0, size);
            for (int p = 0; p < size; p++) {
                for (int k = 0; k < filters; k += BLOCK) {
                    FloatVector a0 = FloatVector.broadcast(Simd.F, bs[k]), a1 = FloatVector.broadcast(Simd.F, bs[k + 1]);
                    FloatVector a2 = FloatVector.broadcast(Simd.F, bs[k + 2]), a3 = FloatVector.broadcast(Simd.F, bs[k + 3]);
                    for (int c = 0; c < channels; c++) {
                        for (int r = 0; r < TAPS; r++) {
                            int row = p - PAD + r;
                            if (row < 0 || row >= size) {
                                continue;
                            }
                            int rowStart = xImage + (c * size + row) * size;
                            for (int s = 0; s < TAPS; s++) {
                                int from = q0 - PAD + s; // input column of the first lane
                                VectorMask<Float> in = Simd.F.indexInRange(from, size).and(out);
                                FloatVector v = FloatVector.fromArray(Simd.F, xs, rowStart + from, in);
                                int tap = (c * TAPS + r) * TAPS + s, stride = channels * TAPS * TAPS;
                                a0 = v.fma(FloatVector.broadcast(Simd.F, ws[k * stride + tap]), a0);
                                a1 = v.fma(FloatVector.broadcast(Simd.F, ws[(k + 1) * stride + tap]), a1);
                                a2 = v.fma(FloatVector.broadcast(Simd.F, ws[(k + 2) * stride + tap]), a2);
                                a3 = v.fma(FloatVector.broadcast(Simd.F, ws[(k + 3) * stride + tap]), a3);
                            }
                        }
                    }
                    int o = yImage + (k * size + p) * size + q0;
                    a0.intoArray(ys, o, out);
                    a1.intoArray(ys, o + plane, out);
                    a2.intoArray(ys, o + 2 * plane, out);
                    a3.intoArray(ys, o + 3 * plane, out);
                }
            }
        }
    }
}
