package dev.mnemo.kernel.reference;

import dev.mnemo.tensor.Tensor;

/** {@code C = alpha · op(A) · op(B) + beta · C}, as BLAS {@code sgemm} on row-major matrices. */
final class ReferenceGemm {
    private ReferenceGemm() {}

    static void gemm(Tensor c, Tensor a, boolean transA, Tensor b, boolean transB, float alpha, float beta) {
        int m = c.dim(0), n = c.dim(1);
        int k = transA ? a.dim(0) : a.dim(1);
        int lda = a.dim(1), ldb = b.dim(1);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                long ij = (long) i * n + j;
                c.set(ij, beta == 0f ? 0f : beta * c.get(ij));
            }
            for (int p = 0; p < k; p++) {
                float aip = alpha * (transA ? a.get((long) p * lda + i) : a.get((long) i * lda + p));
                if (aip == 0f) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    float bpj = transB ? b.get((long) j * ldb + p) : b.get((long) p * ldb + j);
                    c.add((long) i * n + j, aip * bpj);
                }
            }
        }
    }

    /** {@code out[r] += Σ_c m[r, c] · v[c]} for a row-major {@code m [rows, cols]} starting at {@code offset}. */
    static void matVec(float[] out, Tensor m, long offset, int rows, int cols, float[] v) {
        for (int r = 0; r < rows; r++) {
            float sum = 0f;
            long row = offset + (long) r * cols;
            for (int col = 0; col < cols; col++) {
                sum += m.get(row + col) * v[col];
            }
            out[r] += sum;
        }
    }

    /** {@code out[c] += Σ_r m[r, c] · v[r]}: the transposed product. */
    static void matTVec(float[] out, Tensor m, int rows, int cols, float[] v) {
        for (int r = 0; r < rows; r++) {
            float vr = v[r];
            if (vr == 0f) {
                continue;
            }
            long row = (long) r * cols;
            for (int col = 0; col < cols; col++) {
                out[col] += m.get(row + col) * vr;
            }
        }
    }

    /** {@code m[r, c] += u[r] · v[c]}: the outer product, accumulated. */
    static void addOuter(Tensor m, float[] u, float[] v) {
        int cols = v.length;
        for (int r = 0; r < u.length; r++) {
            float ur = u[r];
            if (ur == 0f) {
                continue;
            }
            long row = (long) r * cols;
            for (int col = 0; col < cols; col++) {
                m.add(row + col, ur * v[col]);
            }
        }
    }
}
