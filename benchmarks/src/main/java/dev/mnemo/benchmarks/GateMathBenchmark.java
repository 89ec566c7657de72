package dev.mnemo.benchmarks;

import dev.mnemo.kernels.vector.simd.Simd;
import dev.mnemo.kernels.vector.simd.VectorMath;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Which exp and tanh the vector backend's gate passes use: the JDK's {@code VectorOperators.EXP}
 * and {@code TANH} (what {@link VectorMath} calls) against hand-written Vector API versions (a
 * Cody-Waite reduction with a degree-6 polynomial for exp; an odd polynomial below 0.625 and
 * {@code 1 - 2/(e^{2|x|}+1)} above for tanh), on 4096 floats in [-8, 8] (the range gate
 * pre-activations live in), one thread. The faster one is used; results are in VectorMath's
 * class comment.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar GateMathBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class GateMathBenchmark {
    private static final int N = 4096;

    private final float[] in = new float[N];
    private final float[] out = new float[N];

    @Setup
    public void setUp() {
        Random random = new Random(3);
        for (int i = 0; i < N; i++) {
            in[i] = 16 * random.nextFloat() - 8;
        }
    }

    @Benchmark
    public float[] expJdk() {
        for (int i = 0; i < N; i += Simd.LANES) {
            FloatVector.fromArray(Simd.F, in, i).lanewise(VectorOperators.EXP).intoArray(out, i);
        }
        return out;
    }

    @Benchmark
    public float[] expPolynomial() {
        for (int i = 0; i < N; i += Simd.LANES) {
            polynomialExp(FloatVector.fromArray(Simd.F, in, i)).intoArray(out, i);
        }
        return out;
    }

    @Benchmark
    public float[] tanhJdk() {
        for (int i = 0; i < N; i += Simd.LANES) {
            FloatVector.fromArray(Simd.F, in, i).lanewise(VectorOperators.TANH).intoArray(out, i);
        }
        return out;
    }

    @Benchmark
    public float[] tanhPolynomial() {
        for (int i = 0; i < N; i += Simd.LANES) {
            polynomialTanh(FloatVector.fromArray(Simd.F, in, i)).intoArray(out, i);
        }
        return out;
    }

    @Benchmark
    public float[] sigmoidJdkExp() {
        for (int i = 0; i < N; i += Simd.LANES) {
            FloatVector e = FloatVector.fromArray(Simd.F, in, i).neg().lanewise(VectorOperators.EXP);
            FloatVector.broadcast(Simd.F, 1f).div(e.add(1f)).intoArray(out, i);
        }
        return out;
    }

    @Benchmark
    public float[] sigmoidPolynomial() {
        for (int i = 0; i < N; i += Simd.LANES) {
            FloatVector e = polynomialExp(FloatVector.fromArray(Simd.F, in, i).neg());
            FloatVector.broadcast(Simd.F, 1f).div(e.add(1f)).intoArray(out, i);
        }
        return out;
    }

    /** e^x: x = n ln2 + r, e^r by a degree-6 polynomial (Cephes expf), 2^n built in the exponent bits. */
    private static FloatVector polynomialExp(FloatVector x) {
        x = x.max(-87.3f).min(88f);
        FloatVector t = x.mul(1.44269504f).add(12582912f); // n + 1.5 * 2^23: n in the low mantissa bits
        FloatVector n = t.sub(12582912f);
        FloatVector r = x.sub(n.mul(0.693359375f)).sub(n.mul(-2.12194440e-4f));
        FloatVector p = horner(r, 1.9875691500E-4f, 1.3981999507E-3f, 8.3334519073E-3f, 4.1665795894E-2f,
                1.6666665459E-1f, 5.0000001201E-1f).fma(r.mul(r), r).add(1f);
        FloatVector pow2n = t.reinterpretAsInts().sub(0x4B400000 - 127).lanewise(VectorOperators.LSHL, 23)
                .reinterpretAsFloats();
        return p.mul(pow2n);
    }

    /** tanh: odd polynomial below 0.625 (Cephes tanhf), {@code 1 - 2/(e^{2|x|}+1)} with x's sign above. */
    private static FloatVector polynomialTanh(FloatVector x) {
        FloatVector ax = x.abs(), s = x.mul(x);
        FloatVector small = horner(s, -5.70498872745E-3f, 2.06390887954E-2f, -5.37397155531E-2f, 1.33314422036E-1f,
                -3.33332819422E-1f).mul(s).fma(x, x);
        FloatVector large = FloatVector.broadcast(Simd.F, 1f)
                .sub(FloatVector.broadcast(Simd.F, 2f).div(polynomialExp(ax.add(ax)).add(1f)));
        large = large.blend(large.neg(), x.compare(VectorOperators.LT, 0f));
        return large.blend(small, ax.compare(VectorOperators.LT, 0.625f));
    }

    private static FloatVector horner(FloatVector x, float... c) {
        FloatVector p = FloatVector.broadcast(Simd.F, c[0]);
        for (int i = 1; i < c.length; i++) {
            p = p.fma(x, FloatVector.broadcast(Simd.F, c[i]));
        }
        return p;
    }
}
