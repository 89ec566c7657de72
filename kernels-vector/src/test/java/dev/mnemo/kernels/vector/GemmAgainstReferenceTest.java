package dev.mnemo.kernels.vector;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.kernel.reference.ReferenceBackend;
import dev.mnemo.kernels.vector.simd.Simd;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * GEMM of the vector backend against the reference at sizes that cross every blocking
 * boundary (odd sizes, more than one K block, more than one B block, single rows and
 * columns), all four transpose combinations, and alpha/beta. Prints the largest error.
 */
class GemmAgainstReferenceTest {
    private final KernelBackend vector = new VectorBackend(2);
    private final KernelBackend reference = new ReferenceBackend();

    @ParameterizedTest(name = "M={0} N={1} K={2}")
    @CsvSource({"1,1,1", "7,5,3", "13,33,17", "1,300,257", "300,1,129", "65,97,300", "6,32,256", "97,1031,513",
            "2,3,1", "191,70,1", "33,2100,300"})
    void matchesReferenceForAllTransposes(int m, int n, int k) {
        for (int combo = 0; combo < 4; combo++) {
            boolean ta = (combo & 1) != 0, tb = (combo & 2) != 0;
            float[][] alphaBeta = {{1f, 0f}, {0.5f, 1f}, {-1.5f, 0.25f}};
            for (float[] ab : alphaBeta) {
                double err = compare(m, n, k, ta, tb, ab[0], ab[1], 31L * m + 7L * n + k + combo);
                assertTrue(err < 1e-4 * Math.sqrt(k + 1), "M=" + m + " N=" + n + " K=" + k + " transA=" + ta
                        + " transB=" + tb + " alpha=" + ab[0] + " beta=" + ab[1] + ": max relative error " + err);
            }
        }
    }

    @Test
    void largeOddSizeMatchesReference() {
        double err = compare(517, 1043, 611, false, true, 1f, 0f, 5);
        System.out.printf("gemm 517x1043x611 (%s): max relative error %.3g%n", Simd.describe(), err);
        assertTrue(err < 1e-4 * Math.sqrt(611), "max relative error " + err);
    }

    @Test
    void betaZeroIgnoresNaNInC() {
        try (Scope s = Scope.open()) {
            Tensor a = random(s, 9, 40, 1), b = random(s, 9, 35, 2);
            Tensor c = s.zeros(40, 35);
            c.fill(Float.NaN);
            vector.gemm(c, a, true, b, false, 1f, 0f);
            for (float v : c.toArray()) {
                assertTrue(Float.isFinite(v), "NaN from C leaked through beta = 0");
            }
        }
    }

    /** Max over entries of |vector - reference| / (1 + |reference|). */
    private double compare(int m, int n, int k, boolean ta, boolean tb, float alpha, float beta, long seed) {
        try (Scope s = Scope.open()) {
            Tensor a = ta ? random(s, k, m, seed) : random(s, m, k, seed);
            Tensor b = tb ? random(s, n, k, seed + 1) : random(s, k, n, seed + 1);
            Tensor c0 = random(s, m, n, seed + 2);
            Tensor expected = s.copyOf(c0), actual = s.copyOf(c0);
            reference.gemm(expected, a, ta, b, tb, alpha, beta);
            vector.gemm(actual, a, ta, b, tb, alpha, beta);
            float[] e = expected.toArray(), x = actual.toArray();
            double max = 0;
            for (int i = 0; i < e.length; i++) {
                max = Math.max(max, Math.abs(e[i] - x[i]) / (1 + Math.abs(e[i])));
            }
            return max;
        }
    }

    private static Tensor random(Scope s, int rows, int cols, long seed) {
        Random r = new Random(seed);
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return s.of(v, rows, cols);
    }
}
