package dev.mnemo.kernel.reference;

import dev.mnemo.kernel.ConvSpec;
import dev.mnemo.tensor.Tensor;

/**
 * Direct 2-D convolution (cross-correlation) and its two gradients, as
 * {@code torch.nn.functional.conv2d}:
 * <pre>
 *   y[n,k,p,q] = bias[k] + Σ_{c,r,s} w[k,c,r,s] · x[n, c, p·sh - ph + r·dh, q·sw - pw + s·dw]
 * </pre>
 * with zeros read outside the image. All three ops walk the same index space; the gradients
 * scatter (data) or gather (weights) along it.
 */
final class ReferenceConv {
    private ReferenceConv() {}

    /** Calls {@code visit(yIndex, xIndex, wIndex)} for every term of the sum above that lies inside the image. */
    private interface Term {
        void visit(long yIndex, long xIndex, long wIndex);
    }

    private static void forEachTerm(int[] xs, int[] ws, int[] ys, ConvSpec spec, Term term) {
        int batch = xs[0], channels = xs[1], height = xs[2], width = xs[3];
        int filters = ws[0], kh = ws[2], kw = ws[3];
        int outH = ys[2], outW = ys[3];
        for (int n = 0; n < batch; n++) {
            for (int k = 0; k < filters; k++) {
                for (int p = 0; p < outH; p++) {
                    for (int q = 0; q < outW; q++) {
                        long yIndex = (((long) n * filters + k) * outH + p) * outW + q;
                        for (int c = 0; c < channels; c++) {
                            for (int r = 0; r < kh; r++) {
                                int row = p * spec.strideH() - spec.padH() + r * spec.dilationH();
                                if (row < 0 || row >= height) {
                                    continue;
                                }
                                for (int s = 0; s < kw; s++) {
                                    int col = q * spec.strideW() - spec.padW() + s * spec.dilationW();
                                    if (col < 0 || col >= width) {
                                        continue;
                                    }
                                    long xIndex = (((long) n * channels + c) * height + row) * width + col;
                                    long wIndex = (((long) k * channels + c) * kh + r) * kw + s;
                                    term.visit(yIndex, xIndex, wIndex);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static void forward(Tensor y, Tensor x, Tensor w, Tensor bias, ConvSpec spec) {
        int[] ys = y.shape();
        long plane = (long) ys[2] * ys[3];
        for (long i = 0; i < y.size(); i++) {
            y.set(i, bias == null ? 0f : bias.get((i / plane) % ys[1]));
        }
        forEachTerm(x.shape(), w.shape(), ys, spec, (yi, xi, wi) -> y.add(yi, w.get(wi) * x.get(xi)));
    }

    static void backwardData(Tensor dx, Tensor dy, Tensor w, ConvSpec spec) {
        forEachTerm(dx.shape(), w.shape(), dy.shape(), spec, (yi, xi, wi) -> dx.add(xi, w.get(wi) * dy.get(yi)));
    }

    static void backwardWeights(Tensor dw, Tensor db, Tensor dy, Tensor x, ConvSpec spec) {
        int[] ys = dy.shape();
        forEachTerm(x.shape(), dw.shape(), ys, spec, (yi, xi, wi) -> dw.add(wi, dy.get(yi) * x.get(xi)));
        if (db != null) {
            long plane = (long) ys[2] * ys[3];
            for (long i = 0; i < dy.size(); i++) {
                db.add((i / plane) % ys[1], dy.get(i));
            }
        }
    }
}
