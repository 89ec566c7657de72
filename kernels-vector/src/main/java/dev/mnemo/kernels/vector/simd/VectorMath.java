package dev.mnemo.kernels.vector.simd;

import static dev.mnemo.kernels.vector.simd.Simd.F;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * exp, sigmoid, tanh and erf on whole vectors with float32 accuracy, plus the scalar twins the
 * kernels use in their tails and when the Vector API is off.
 *
 * <p>exp and tanh are the JDK's {@code VectorOperators.EXP} / {@code TANH} (intrinsics backed
 * by Intel's short-vector math library on x86, 1-4 ulp). They were measured against a
 * Cody-Waite + degree-6 polynomial exp and a polynomial/exp tanh written with the Vector API
 * ({@code GateMathBenchmark}, 4096 floats, one thread, 2026-11-25): EXP 0.90 µs against
 * 1.68 µs, TANH 1.87 µs against 29 µs ± 38 (the polynomial tanh and the sigmoid built on the
 * polynomial exp kept falling off the intrinsic path), so the JDK operators are used. erf is Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7).
 */
public final class VectorMath {
    private static final float SQRT_HALF = 0.70710678118654752f;
    private static final float INV_SQRT_2PI = 0.39894228040143268f;

    private static final FloatVector ONE = Simd.ENABLED ? FloatVector.broadcast(F, 1f) : null;

    private VectorMath() {}

    /** {@code e^x} lane-wise. */
    public static FloatVector exp(FloatVector x) {
        return x.lanewise(VectorOperators.EXP);
    }

    /** {@code 1 / (1 + e^-x)} lane-wise. */
    public static FloatVector sigmoid(FloatVector x) {
        return ONE.div(exp(x.neg()).add(1f));
    }

    /** {@code tanh(x)} lane-wise. */
    public static FloatVector tanh(FloatVector x) {
        return x.lanewise(VectorOperators.TANH);
    }

    /** {@code erf(x)} lane-wise (absolute error below 1.5e-7). */
    public static FloatVector erf(FloatVector x) {
        FloatVector ax = x.abs();
        FloatVector t = ONE.div(ax.mul(0.3275911f).add(1f));
        FloatVector p = poly(t, 1.061405429f, -1.453152027f, 1.421413741f, -0.284496736f, 0.254829592f).mul(t);
        FloatVector y = ONE.sub(p.mul(exp(ax.mul(ax).neg())));
        return copySign(y, x);
    }

    /** Exact GELU {@code x Φ(x) = x/2 (1 + erf(x/√2))} lane-wise. */
    public static FloatVector gelu(FloatVector x) {
        return erf(x.mul(SQRT_HALF)).add(1f).mul(x).mul(0.5f);
    }

    /** GELU's derivative {@code Φ(x) + x φ(x)} lane-wise. */
    public static FloatVector geluDerivative(FloatVector x) {
        FloatVector cdf = erf(x.mul(SQRT_HALF)).add(1f).mul(0.5f);
        FloatVector pdf = exp(x.mul(x).mul(-0.5f)).mul(INV_SQRT_2PI);
        return pdf.fma(x, cdf);
    }

    /** {@code |magnitude|} with the sign of {@code sign}, lane-wise (magnitude must be non-negative). */
    private static FloatVector copySign(FloatVector magnitude, FloatVector sign) {
        return magnitude.reinterpretAsInts()
                .or(sign.reinterpretAsInts().and(Integer.MIN_VALUE))
                .reinterpretAsFloats();
    }

    /** Horner's scheme: {@code c[0] x^{n-1} + c[1] x^{n-2} + ... + c[n-1]}. */
    private static FloatVector poly(FloatVector x, float... c) {
        FloatVector p = FloatVector.broadcast(F, c[0]);
        for (int i = 1; i < c.length; i++) {
            p = p.fma(x, FloatVector.broadcast(F, c[i]));
        }
        return p;
    }

    // ------------------------------------------------------------------ scalar twins

    /** {@code e^x}. */
    public static float exp(float x) {
        return (float) Math.exp(x);
    }

    /** {@code 1 / (1 + e^-x)}. */
    public static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }

    /** {@code tanh(x)}. */
    public static float tanh(float x) {
        return (float) Math.tanh(x);
    }

    /** {@code erf(x)}, same approximation as the vector form. */
    public static float erf(float x) {
        float ax = Math.abs(x);
        float t = 1f / Math.fma(0.3275911f, ax, 1f);
        float poly = ((((1.061405429f * t - 1.453152027f) * t + 1.421413741f) * t - 0.284496736f) * t
                + 0.254829592f) * t;
        float y = 1f - poly * (float) Math.exp(-ax * ax);
        return x < 0 ? -y : y;
    }

    /** Exact GELU. */
    public static float gelu(float x) {
        return 0.5f * x * (1f + erf(x * SQRT_HALF));
    }

    /** GELU's derivative. */
    public static float geluDerivative(float x) {
        float cdf = 0.5f * (1f + erf(x * SQRT_HALF));
        return cdf + x * INV_SQRT_2PI * (float) Math.exp(-0.5f * x * x);
    }
}
