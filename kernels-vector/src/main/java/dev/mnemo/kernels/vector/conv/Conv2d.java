package dev.mnemo.kernels.vector.conv;

import dev.mnemo.kernel.ConvSpec;
import dev.mnemo.kernels.vector.gemm.Gemm;
import dev.mnemo.kernels.vector.ops.Elementwise;
import dev.mnemo.kernels.vector.parallel.Scratch;
import dev.mnemo.kernels.vector.parallel.WorkerPool;
import dev.mnemo.tensor.Tensor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * 2-D convolution and its gradients as im2col + GEMM ({@code torch.nn.functional.conv2d}
 * semantics). Shapes: x {@code [N, C, H, W]}, w {@code [K, C, R, S]}, y {@code [N, K, P, Q]};
 * per image, with {@code col = im2col(x[n]) [C·R·S, P·Q]} ({@link Im2col}):
 * <pre>
 *   y[n]  = W · col + bias              (W viewed as [K, C·R·S])
 *   dx[n] += col2im(Wᵀ · dy[n])
 *   dW    += Σ_n dy[n] · colᵀ            db += Σ_{n,p,q} dy[n]
 * </pre>
 * Images are split among the pool's threads, each running its GEMMs serially; weight
 * gradients go to per-thread partial sums that are added up at the end.
 */
public final class Conv2d {
    private static final int COLUMNS = 0;
    private static final int PARTIAL = 1;

    private Conv2d() {}

    public static void forward(WorkerPool pool, Tensor y, Tensor x, Tensor w, Tensor bias, ConvSpec spec) {
        Im2col.Shape g = shape(x, w, y, spec);
        int images = x.dim(0), filters = w.dim(0);
        Tensor wm = w.view(filters, (int) g.rows());
        pool.run((worker, workers, barrier) -> {
            MemorySegment col = Scratch.segment(COLUMNS, g.rows() * g.cols());
            Tensor colT = Tensor.wrap(col, (int) g.rows(), (int) g.cols());
            for (int n = worker; n < images; n += workers) {
                Im2col.fill(g, x.segment(), n * imageSize(x), col);
                Tensor yn = y.slice(n).view(filters, (int) g.cols());
                Gemm.gemm(pool, yn, wm, false, colT, false, 1f, 0f);
                if (bias != null) {
                    for (int k = 0; k < filters; k++) {
                        Elementwise.addConstant(yn.segment(), k * g.cols(), g.cols(), bias.get(k));
                    }
                }
            }
        });
    }

    public static void backwardData(WorkerPool pool, Tensor dx, Tensor dy, Tensor w, ConvSpec spec) {
        Im2col.Shape g = shape(dx, w, dy, spec);
        int images = dx.dim(0), filters = w.dim(0);
        Tensor wm = w.view(filters, (int) g.rows());
        pool.run((worker, workers, barrier) -> {
            MemorySegment col = Scratch.segment(COLUMNS, g.rows() * g.cols());
            Tensor colT = Tensor.wrap(col, (int) g.rows(), (int) g.cols());
            for (int n = worker; n < images; n += workers) {
                Gemm.gemm(pool, colT, wm, true, dy.slice(n).view(filters, (int) g.cols()), false, 1f, 0f);
                Im2col.accumulate(g, col, dx.segment(), n * imageSize(dx));
            }
        });
    }

    public static void backwardWeights(WorkerPool pool, Tensor dw, Tensor db, Tensor dy, Tensor x, ConvSpec spec) {
        Im2col.Shape g = shape(x, dw, dy, spec);
        int images = x.dim(0), filters = dw.dim(0);
        long wSize = dw.size();
        MemorySegment[] partials = new MemorySegment[pool.threads()];
        pool.run((worker, workers, barrier) -> {
            MemorySegment col = Scratch.segment(COLUMNS, g.rows() * g.cols());
            Tensor colT = Tensor.wrap(col, (int) g.rows(), (int) g.cols());
            MemorySegment partial = Scratch.segment(PARTIAL, wSize + filters);
            partial.fill((byte) 0);
            Tensor dwPart = Tensor.wrap(partial.asSlice(0, wSize * Float.BYTES), filters, (int) g.rows());
            MemorySegment dbPart = partial.asSlice(wSize * Float.BYTES);
            for (int n = worker; n < images; n += workers) {
                Im2col.fill(g, x.segment(), n * imageSize(x), col);
                Tensor dyn = dy.slice(n).view(filters, (int) g.cols());
                Gemm.gemm(pool, dwPart, dyn, false, colT, true, 1f, 1f);
                for (int k = 0; k < filters; k++) {
                    dbPart.setAtIndex(ValueLayout.JAVA_FLOAT, k, dbPart.getAtIndex(ValueLayout.JAVA_FLOAT, k)
                            + (float) Elementwise.sum(dyn.segment(), k * g.cols(), g.cols()));
                }
            }
            partials[worker] = partial;
        });
        for (MemorySegment partial : partials) {
            if (partial == null) {
                continue;
            }
            Elementwise.axpy(1f, partial, 0, dw.segment(), 0, wSize);
            if (db != null) {
                Elementwise.axpy(1f, partial, wSize, db.segment(), 0, filters);
            }
        }
    }

    private static Im2col.Shape shape(Tensor x, Tensor w, Tensor y, ConvSpec spec) {
        return new Im2col.Shape(x.dim(1), x.dim(2), x.dim(3), w.dim(2), w.dim(3), y.dim(2), y.dim(3), spec);
    }

    private static long imageSize(Tensor t) {
        return (long) t.dim(1) * t.dim(2) * t.dim(3);
    }
}
