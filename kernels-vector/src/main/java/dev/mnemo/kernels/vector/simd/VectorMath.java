package dev.mnemo.kernels.vector.simd;

import static dev.mnemo.kernels.vector.simd.Simd.F;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * exp, sigmoid, tanh and erf on whole vectors with float32 accuracy (a few ulp), plus the
 * scalar twins the kernels use in their tails and when the Vector API is off.
 *
 * <p>exp is Cody-Waite range reduction ({@code x = n ln2 + r}, {@code |r| <= ln2/2}) with a
 * degree-6 polynomial for {@code e^r} and {@code 2^n} built in the exponent bits. It is several
 * times faster here than {@code VectorOperators.EXP} (see {@code ActivationMathBenchmark} in the
 * benchmarks module) and within 2 ulp of {@link Math#exp}. tanh uses an odd polynomial below
 * 0.625 (no cancellation near 0) and {@code 1 - 2/(e^{2|x|} + 1)} above; erf is Abramowitz and
 * Stegun 7.1.26 (absolute error below 1.5e-7).
 */
public final class VectorMath {
    private static final float EXP_HI = 88.0f;
    private static final float EXP_LO = -87.3365447504f;
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    /** 1.5 · 2^23: adding it rounds a float to the nearest integer in the low mantissa bits. */
    private static final float ROUND = 12582912f;
    private static final int ROUND_BITS = 0x4B400000;
    private static final float TANH_SMALL = 0.625f;
    private static final float SQRT_HALF = 0.70710678118654752f;
    private static final float INV_SQRT_2PI = 0.39894228040143268f;

    private static final FloatVector ONE = Simd.ENABLED ? FloatVector.broadcast(F, 1f) : null;
    private static final FloatVector TWO = Simd.ENABLED ? FloatVector.broadcast(F, 2f) : null;

    private VectorMath() {}

    /** {@code e^x} lane-wise. */
    public static FloatVector exp(FloatVector x) {
        x = x.max(EXP_LO).min(EXP_HI);
        FloatVector t = x.mul(LOG2E).add(ROUND);        // n + 1.5·2^23: n in the low mantissa bits
        FloatVector n = t.sub(ROUND);
        FloatVector r = x.sub(n.mul(LN2_HI)).sub(n.mul(LN2_LO));
        FloatVector p = poly(r, 1.9875691500E-4f, 1.3981999507E-3f, 8.3334519073E-3f, 4.1665795894E-2f,
                1.6666665459E-1f, 5.0000001201E-1f).fma(r.mul(r), r).add(1f);
        FloatVector pow2n = t.reinterpretAsInts()
                .sub(ROUND_BITS - 127)
                .lanewise(VectorOperators.LSHL, 23)
                .reinterpretAsFloats();
        return p.mul(pow2n);
    }

    /** {@code 1 / (1 + e^-x)} lane-wise. */
    public static FloatVector sigmoid(FloatVector x) {
        return ONE.div(exp(x.neg()).add(1f));
    }

    /** {@code tanh(x)} lane-wise. */
    public static FloatVector tanh(FloatVector x) {
        FloatVector ax = x.abs();
        FloatVector s = x.mul(x);
        FloatVector small = poly(s, -5.70498872745E-3f, 2.06390887954E-2f, -5.37397155531E-2f, 1.33314422036E-1f,
                -3.33332819422E-1f).mul(s).fma(x, x);
        FloatVector large = ONE.sub(TWO.div(exp(ax.add(ax)).add(1f)));
        large = large.lanewise(VectorOperators.NEG, x.compare(VectorOperators.LT, 0f));
        VectorMask<Float> isSmall = ax.compare(VectorOperators.LT, TANH_SMALL);
        return large.blend(small, isSmall);
    }

    /** {@code erf(x)} lane-wise (absolute error below 1.5e-7). */
    public static FloatVector erf(FloatVector x) {
        FloatVector ax = x.abs();
        FloatVector t = ONE.div(ax.mul(0.3275911f).add(1f));
        FloatVector p = poly(t, 1.061405429f, -1.453152027f, 1.421413741f, -0.284496736f, 0.254829592f).mul(t);
        FloatVector y = ONE.sub(p.mul(exp(ax.mul(ax).neg())));
        return y.lanewise(VectorOperators.NEG, x.compare(VectorOperators.LT, 0f));
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
