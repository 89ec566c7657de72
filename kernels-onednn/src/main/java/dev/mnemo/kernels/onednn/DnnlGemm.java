package dev.mnemo.kernels.onednn;

import static org.bytedeco.dnnl.global.dnnl.dnnl_sgemm;

import dev.mnemo.tensor.Tensor;

/**
 * {@code C = alpha · op(A) · op(B) + beta · C} through {@code dnnl_sgemm}, which takes row-major
 * matrices (unlike Fortran BLAS): {@code dnnl_sgemm(transA, transB, M, N, K, alpha, A, lda, B,
 * ldb, beta, C, ldc)} with leading dimensions equal to the stored row lengths. The tensors'
 * memory is passed as is.
 */
final class DnnlGemm {
    private DnnlGemm() {}

    static void gemm(Tensor c, Tensor a, boolean transA, Tensor b, boolean transB, float alpha, float beta) {
        int m = c.dim(0), n = c.dim(1), k = transA ? a.dim(0) : a.dim(1);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0f) {
            scaleOrClear(c, beta);
            return;
        }
        int status = dnnl_sgemm((byte) (transA ? 'T' : 'N'), (byte) (transB ? 'T' : 'N'), m, n, k,
                alpha, new SegmentPointer(a.segment()), a.dim(1), new SegmentPointer(b.segment()), b.dim(1),
                beta, new SegmentPointer(c.segment()), n);
        Status.check(status, "sgemm", "C=" + c, "A=" + a + (transA ? "ᵀ" : ""), "B=" + b + (transB ? "ᵀ" : ""));
    }

    /** {@code C = beta · C}, where beta 0 clears C even if it holds NaN. */
    private static void scaleOrClear(Tensor c, float beta) {
        if (beta == 0f) {
            c.fill(0f);
        } else if (beta != 1f) {
            for (long i = 0, size = c.size(); i < size; i++) {
                c.set(i, beta * c.get(i));
            }
        }
    }
}
