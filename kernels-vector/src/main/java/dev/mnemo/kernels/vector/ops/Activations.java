package dev.mnemo.kernels.vector.ops;

import static dev.mnemo.kernels.vector.ops.Elementwise.load;
import static dev.mnemo.kernels.vector.simd.Simd.LANES;
import static dev.mnemo.kernels.vector.simd.Simd.ORDER;

import dev.mnemo.kernel.Activation;
import dev.mnemo.kernels.vector.simd.Simd;
import dev.mnemo.kernels.vector.simd.VectorMath;
import dev.mnemo.tensor.Tensor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/** Element-wise activations and their gradients (one vector loop per function, scalar tails). */
public final class Activations {
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT;

    private Activations() {}

    /** {@code y = f(x)}; y may be x. */
    public static void forward(Activation f, Tensor y, Tensor x) {
        MemorySegment in = x.segment(), out = y.segment();
        long n = x.size(), i = 0;
        if (Simd.ENABLED) {
            long end = Simd.loopBound(n);
            for (; i < end; i += LANES) {
                FloatVector v = load(in, i);
                FloatVector r = switch (f) {
                    case SIGMOID -> VectorMath.sigmoid(v);
                    case TANH -> VectorMath.tanh(v);
                    case RELU -> v.max(0f);
                    case GELU -> VectorMath.gelu(v);
                };
                r.intoMemorySegment(out, i * Float.BYTES, ORDER);
            }
        }
        for (; i < n; i++) {
            out.setAtIndex(FLOAT, i, apply(f, in.getAtIndex(FLOAT, i)));
        }
    }

    /** {@code dx += dy ⊙ f'(x)}, with {@code y = f(x)}. */
    public static void backward(Activation f, Tensor dx, Tensor dy, Tensor x, Tensor y) {
        MemorySegment g = dx.segment(), d = dy.segment(), in = x.segment(), out = y.segment();
        long n = x.size(), i = 0;
        if (Simd.ENABLED) {
            long end = Simd.loopBound(n);
            for (; i < end; i += LANES) {
                FloatVector derivative = switch (f) {
                    case SIGMOID -> {
                        FloatVector yv = load(out, i);
                        yield yv.sub(yv.mul(yv));
                    }
                    case TANH -> {
                        FloatVector yv = load(out, i);
                        yield yv.mul(yv).neg().add(1f);
                    }
                    case RELU -> FloatVector.zero(Simd.F).blend(1f, load(in, i).compare(VectorOperators.GT, 0f));
                    case GELU -> VectorMath.geluDerivative(load(in, i));
                };
                load(d, i).fma(derivative, load(g, i)).intoMemorySegment(g, i * Float.BYTES, ORDER);
            }
        }
        for (; i < n; i++) {
            float yi = out.getAtIndex(FLOAT, i), xi = in.getAtIndex(FLOAT, i);
            float derivative = switch (f) {
                case SIGMOID -> yi * (1 - yi);
                case TANH -> 1 - yi * yi;
                case RELU -> xi > 0f ? 1f : 0f;
                case GELU -> VectorMath.geluDerivative(xi);
            };
            g.setAtIndex(FLOAT, i, g.getAtIndex(FLOAT, i) + d.getAtIndex(FLOAT, i) * derivative);
        }
    }

    private static float apply(Activation f, float x) {
        return switch (f) {
            case SIGMOID -> VectorMath.sigmoid(x);
            case TANH -> VectorMath.tanh(x);
            case RELU -> x > 0f ? x : 0f;
            case GELU -> VectorMath.gelu(x);
        };
    }
}
