package dev.mnemo.kernels.vector.conv;

import dev.mnemo.kernel.PoolSpec;
import dev.mnemo.kernels.vector.parallel.WorkerPool;
import dev.mnemo.tensor.Tensor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Max and average pooling over {@code [N, C, H, W]} ({@code torch.nn.MaxPool2d} /
 * {@code AvgPool2d} defaults: padded positions never win a max and count as zeros in an
 * average, divisor {@code kh·kw}; a max gradient goes to the first maximum of its window in
 * row-major order). Planes {@code (n, c)} are split among the pool's threads.
 */
public final class Pool2d {
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT;

    private Pool2d() {}

    public static void forward(WorkerPool pool, Tensor y, Tensor x, PoolSpec spec) {
        int planes = x.dim(0) * x.dim(1), h = x.dim(2), w = x.dim(3), outH = y.dim(2), outW = y.dim(3);
        MemorySegment in = x.segment(), out = y.segment();
        float divisor = spec.kernelH() * spec.kernelW();
        boolean max = spec.kind() == PoolSpec.Kind.MAX;
        pool.run((worker, workers, barrier) -> {
            for (int plane = worker; plane < planes; plane += workers) {
                long base = (long) plane * h * w;
                for (int p = 0; p < outH; p++) {
                    for (int q = 0; q < outW; q++) {
                        long o = ((long) plane * outH + p) * outW + q;
                        float v = max ? in.getAtIndex(FLOAT, argMax(in, base, h, w, p, q, spec))
                                : windowSum(in, base, h, w, p, q, spec) / divisor;
                        out.setAtIndex(FLOAT, o, v);
                    }
                }
            }
        });
    }

    public static void backward(WorkerPool pool, Tensor dx, Tensor dy, Tensor x, PoolSpec spec) {
        int planes = x.dim(0) * x.dim(1), h = x.dim(2), w = x.dim(3), outH = dy.dim(2), outW = dy.dim(3);
        MemorySegment in = x.segment(), grad = dy.segment(), dIn = dx.segment();
        float divisor = spec.kernelH() * spec.kernelW();
        boolean max = spec.kind() == PoolSpec.Kind.MAX;
        pool.run((worker, workers, barrier) -> {
            for (int plane = worker; plane < planes; plane += workers) {
                long base = (long) plane * h * w;
                for (int p = 0; p < outH; p++) {
                    for (int q = 0; q < outW; q++) {
                        float g = grad.getAtIndex(FLOAT, ((long) plane * outH + p) * outW + q);
                        if (max) {
                            long at = argMax(in, base, h, w, p, q, spec);
                            dIn.setAtIndex(FLOAT, at, dIn.getAtIndex(FLOAT, at) + g);
                        } else {
                            spread(dIn, base, h, w, p, q, spec, g / divisor);
                        }
                    }
                }
            }
        });
    }

    /** Flat index of the first maximum in the window of output (p, q); windows always hold a real pixel. */
    private static long argMax(MemorySegment x, long base, int h, int w, int p, int q, PoolSpec spec) {
        int r0 = p * spec.strideH() - spec.padH(), s0 = q * spec.strideW() - spec.padW();
        long best = -1;
        float bestValue = Float.NEGATIVE_INFINITY;
        for (int r = Math.max(0, r0); r < Math.min(h, r0 + spec.kernelH()); r++) {
            long row = base + (long) r * w;
            for (int s = Math.max(0, s0); s < Math.min(w, s0 + spec.kernelW()); s++) {
                float v = x.getAtIndex(FLOAT, row + s);
                if (best < 0 || v > bestValue) {
                    best = row + s;
                    bestValue = v;
                }
            }
        }
        return best;
    }

    private static float windowSum(MemorySegment x, long base, int h, int w, int p, int q, PoolSpec spec) {
        int r0 = p * spec.strideH() - spec.padH(), s0 = q * spec.strideW() - spec.padW();
        float sum = 0f;
        for (int r = Math.max(0, r0); r < Math.min(h, r0 + spec.kernelH()); r++) {
            long row = base + (long) r * w;
            for (int s = Math.max(0, s0); s < Math.min(w, s0 + spec.kernelW()); s++) {
                sum += x.getAtIndex(FLOAT, row + s);
            }
        }
        return sum;
    }

    private static void spread(MemorySegment dx, long base, int h, int w, int p, int q, PoolSpec spec, float g) {
        int r0 = p * spec.strideH() - spec.padH(), s0 = q * spec.strideW() - spec.padW();
        for (int r = Math.max(0, r0); r < Math.min(h, r0 + spec.kernelH()); r++) {
            long row = base + (long) r * w;
            for (int s = Math.max(0, s0); s < Math.min(w, s0 + spec.kernelW()); s++) {
                dx.setAtIndex(FLOAT, row + s, dx.getAtIndex(FLOAT, row + s) + g);
            }
        }
    }
}
