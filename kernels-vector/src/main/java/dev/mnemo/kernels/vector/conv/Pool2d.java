package dev.mnemo.kernels.vector.conv;

import static dev.mnemo.kernels.vector.simd.Simd.F;
import static dev.mnemo.kernels.vector.simd.Simd.LANES;

import dev.mnemo.kernel.PoolSpec;
import dev.mnemo.kernels.vector.parallel.Scratch;
import dev.mnemo.kernels.vector.parallel.WorkerPool;
import dev.mnemo.kernels.vector.simd.Simd;
import dev.mnemo.tensor.Tensor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;

/**
 * Max and average pooling over {@code [N, C, H, W]} ({@code torch.nn.MaxPool2d} /
 * {@code AvgPool2d} defaults: padded positions never win a max and count as zeros in an
 * average, divisor {@code kh·kw}; a max gradient goes to the first maximum of its window in
 * row-major order).
 *
 * <p>Planes {@code (n, c)} are split among the pool's threads; each plane is copied into a
 * heap buffer of the thread (one bulk copy; a plane of the image models is a few KB and stays in
 * L1), worked on there and copied back. Forward pooling is separable: for output row {@code p}
 * the window's input rows are first combined column by column into one row (vector max or sum
 * over whole rows), then each output takes the max or sum of its {@code kw} columns of that row.
 * When the windows tile the plane (stride = kernel, no padding, the usual {@code MaxPooling2D(2)})
 * all combined rows lie end to end and the second step runs over the whole plane at once, for
 * {@code 2 x 2} windows as vector max/add of even and odd lanes.
 * Max backward finds each window's first maximum in row-major order (the order decides ties),
 * for tiling {@code 2 x 2} windows with vector compares over all outputs of a plane; average
 * backward spreads each output's share over a row, then adds that row to the window's rows
 * (vector adds).
 */
public final class Pool2d {
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT;
    /** Lanes {@code 0, 2, 4, ...} and {@code 1, 3, 5, ...} of two vectors laid end to end. */
    private static final VectorShuffle<Float> EVEN = Simd.ENABLED ? VectorShuffle.fromOp(F, i -> 2 * i) : null;
    private static final VectorShuffle<Float> ODD = Simd.ENABLED ? VectorShuffle.fromOp(F, i -> 2 * i + 1) : null;
    /** The inverse: lanes of two vectors interleaved, first halves ({@code a0 b0 a1 b1 ...}) and second halves. */
    private static final VectorShuffle<Float> ZIP_LOW = Simd.ENABLED
            ? VectorShuffle.fromOp(F, i -> i % 2 == 0 ? i / 2 : LANES + i / 2) : null;
    private static final VectorShuffle<Float> ZIP_HIGH = Simd.ENABLED
            ? VectorShuffle.fromOp(F, i -> i % 2 == 0 ? LANES / 2 + i / 2 : LANES + LANES / 2 + i / 2) : null;

    private Pool2d() {}

    /** {@code y[N, C, outH, outW]} = pooling of {@code x[N, C, H, W]}. */
    public static void forward(WorkerPool pool, Tensor y, Tensor x, PoolSpec spec) {
        Planes g = new Planes(x, y, spec);
        MemorySegment in = x.segment(), out = y.segment();
        boolean tiles = tiles(spec, g.w);
        pool.run((worker, workers, barrier) -> {
            float[] buf = Scratch.floats(Scratch.KERNEL, g.inSize + g.outSize + g.outH * g.w);
            int outAt = g.inSize, rowsAt = g.inSize + g.outSize;
            for (int plane = worker; plane < g.planes; plane += workers) {
                MemorySegment.copy(in, FLOAT, (long) plane * g.inSize * Float.BYTES, buf, 0, g.inSize);
                if (tiles) {
                    for (int p = 0; p < g.outH; p++) {
                        combineRows(buf, p * spec.kernelH(), (p + 1) * spec.kernelH(), g.w, rowsAt + p * g.w, g.max);
                    }
                    poolTiles(buf, rowsAt, outAt, g, spec.kernelW());
                } else {
                    for (int p = 0; p < g.outH; p++) {
                        int r0 = p * spec.strideH() - spec.padH();
                        combineRows(buf, Math.max(0, r0), Math.min(g.h, r0 + spec.kernelH()), g.w, rowsAt, g.max);
                        poolRow(buf, rowsAt, outAt + p * g.outW, g, spec);
                    }
                }
                MemorySegment.copy(buf, outAt, out, FLOAT, (long) plane * g.outSize * Float.BYTES, g.outSize);
            }
        });
    }

    /** {@code dx += } the gradient of the pooling for output gradient {@code dy}; {@code x} is the forward input. */
    public static void backward(WorkerPool pool, Tensor dx, Tensor dy, Tensor x, PoolSpec spec) {
        Planes g = new Planes(x, dy, spec);
        MemorySegment in = x.segment(), grad = dy.segment(), dIn = dx.segment();
        boolean tiles2x2 = tiles(spec, g.w) && spec.kernelH() == 2 && spec.kernelW() == 2;
        pool.run((worker, workers, barrier) -> {
            float[] buf = Scratch.floats(Scratch.KERNEL, 2 * g.inSize + g.outSize + 2 * g.outH * g.w);
            int dxAt = g.inSize, dyAt = 2 * g.inSize, rowAt = 2 * g.inSize + g.outSize;
            for (int plane = worker; plane < g.planes; plane += workers) {
                long inBytes = (long) plane * g.inSize * Float.BYTES;
                MemorySegment.copy(dIn, FLOAT, inBytes, buf, dxAt, g.inSize);
                MemorySegment.copy(grad, FLOAT, (long) plane * g.outSize * Float.BYTES, buf, dyAt, g.outSize);
                if (g.max) {
                    MemorySegment.copy(in, FLOAT, inBytes, buf, 0, g.inSize);
                    if (tiles2x2) {
                        maxBackward2x2(buf, dxAt, dyAt, rowAt, rowAt + g.outH * g.w, g);
                    } else {
                        maxBackward(buf, dxAt, dyAt, g, spec);
                    }
                } else {
                    avgBackward(buf, dxAt, dyAt, rowAt, g, spec);
                }
                MemorySegment.copy(buf, dxAt, dIn, FLOAT, inBytes, g.inSize);
            }
        });
    }

    /** Sizes of one plane and the kind of pooling. */
    private record Planes(int planes, int h, int w, int outH, int outW, int inSize, int outSize, boolean max,
                          float divisor) {
        Planes(Tensor x, Tensor y, PoolSpec spec) {
            this(x.dim(0) * x.dim(1), x.dim(2), x.dim(3), y.dim(2), y.dim(3), x.dim(2) * x.dim(3),
                    y.dim(2) * y.dim(3), spec.kind() == PoolSpec.Kind.MAX, spec.kernelH() * spec.kernelW());
        }
    }

    /** {@code buf[row + s] =} max (or sum) over rows {@code r0 <= r < r1} of {@code buf[r·w + s]}. */
    private static void combineRows(float[] buf, int r0, int r1, int w, int row, boolean max) {
        System.arraycopy(buf, r0 * w, buf, row, w);
        for (int r = r0 + 1; r < r1; r++) {
            int src = r * w, s = 0;
            if (Simd.ENABLED) {
                for (int bound = Simd.loopBound(w); s < bound; s += LANES) {
                    FloatVector a = FloatVector.fromArray(F, buf, row + s), b = FloatVector.fromArray(F, buf, src + s);
                    (max ? a.max(b) : a.add(b)).intoArray(buf, row + s);
                }
            }
            for (; s < w; s++) { // Remaining columns.
                float a = buf[row + s], b = buf[src + s];
                buf[row + s] = max ? Math.max(a, b) : a + b;
            }
        }
    }

    /** Windows that tile the plane: stride = kernel, no padding, rows a whole number of windows wide. */
    private static boolean tiles(PoolSpec spec, int w) {
        return spec.strideH() == spec.kernelH() && spec.strideW() == spec.kernelW() && spec.padH() == 0
                && spec.padW() == 0 && w % spec.kernelW() == 0;
    }

    /**
     * Outputs of tiling windows from their combined rows ({@code outH} rows of {@code w} at
     * {@code rowsAt}): as no window crosses a row, output {@code k} of the plane reduces the
     * {@code kw} floats from {@code rowsAt + kw·k}. For {@code kw = 2} the pairs are split into
     * even and odd lanes by two-vector shuffles.
     */
    private static void poolTiles(float[] buf, int rowsAt, int outAt, Planes g, int kw) {
        int k = 0;
        if (kw == 2 && Simd.ENABLED) {
            for (int bound = Simd.loopBound(g.outSize); k < bound; k += LANES) {
                FloatVector a = FloatVector.fromArray(F, buf, rowsAt + 2 * k);
                FloatVector b = FloatVector.fromArray(F, buf, rowsAt + 2 * k + LANES);
                FloatVector even = a.rearrange(EVEN, b), odd = a.rearrange(ODD, b);
                (g.max ? even.max(odd) : even.add(odd).div(g.divisor)).intoArray(buf, outAt + k);
            }
        }
        for (; k < g.outSize; k++) { // Remaining outputs.
            buf[outAt + k] = window(buf, rowsAt + kw * k, rowsAt + kw * (k + 1), g);
        }
    }

    /** One output row from a combined input row at {@code rowAt}: max, or sum / {@code kh·kw}, over each window's columns. */
    private static void poolRow(float[] buf, int rowAt, int outAt, Planes g, PoolSpec spec) {
        for (int q = 0; q < g.outW; q++) {
            int s0 = q * spec.strideW() - spec.padW();
            buf[outAt + q] = window(buf, rowAt + Math.max(0, s0), rowAt + Math.min(g.w, s0 + spec.kernelW()), g);
        }
    }

    /** Max, or sum divided by {@code kh·kw}, of {@code buf[from, to)} (one window's columns of a combined row). */
    private static float window(float[] buf, int from, int to, Planes g) {
        float v = buf[from];
        for (int i = from + 1; i < to; i++) {
            v = g.max ? Math.max(v, buf[i]) : v + buf[i];
        }
        return g.max ? v : v / g.divisor;
    }

    /** Each output's gradient to the first maximum (row-major) of its window: {@code buf[0, inSize)} holds x. */
    private static void maxBackward(float[] buf, int dxAt, int dyAt, Planes g, PoolSpec spec) {
        for (int p = 0; p < g.outH; p++) {
            int r0 = p * spec.strideH() - spec.padH();
            int rFrom = Math.max(0, r0), rTo = Math.min(g.h, r0 + spec.kernelH());
            for (int q = 0; q < g.outW; q++) {
                int s0 = q * spec.strideW() - spec.padW();
                int sFrom = Math.max(0, s0), sTo = Math.min(g.w, s0 + spec.kernelW());
                int best = rFrom * g.w + sFrom;
                for (int r = rFrom; r < rTo; r++) {
                    for (int s = sFrom; s < sTo; s++) {
                        if (buf[r * g.w + s] > buf[best]) {
                            best = r * g.w + s;
                        }
                    }
                }
                buf[dxAt + best] += buf[dyAt + p * g.outW + q];
            }
        }
    }

    /**
     * Max backward for tiling {@code 2 x 2} windows, vectorized over outputs: the windows' top
     * rows are laid end to end at {@code topAt} and their bottom rows at {@code bottomAt}, so the
     * four candidates of output {@code k} are the even and odd lanes at {@code 2k} of each. The
     * winner is found in row-major order with strict comparisons, exactly as the scalar
     * {@link #maxBackward} does (ties and NaNs included); the gradients are written back over the
     * candidates, interleaved, and the rows added to {@code dx}.
     */
    private static void maxBackward2x2(float[] buf, int dxAt, int dyAt, int topAt, int bottomAt, Planes g) {
        int w = g.w;
        for (int p = 0; p < g.outH; p++) {
            System.arraycopy(buf, 2 * p * w, buf, topAt + p * w, w);
            System.arraycopy(buf, (2 * p + 1) * w, buf, bottomAt + p * w, w);
        }
        int k = 0;
        if (Simd.ENABLED) {
            FloatVector zero = FloatVector.zero(F);
            for (int bound = Simd.loopBound(g.outSize); k < bound; k += LANES) {
                int top = topAt + 2 * k, bottom = bottomAt + 2 * k;
                FloatVector t0 = FloatVector.fromArray(F, buf, top), t1 = FloatVector.fromArray(F, buf, top + LANES);
                FloatVector b0 = FloatVector.fromArray(F, buf, bottom), b1 = FloatVector.fromArray(F, buf, bottom + LANES);
                FloatVector a = t0.rearrange(EVEN, t1), b = t0.rearrange(ODD, t1);
                FloatVector c = b0.rearrange(EVEN, b1), d = b0.rearrange(ODD, b1);
                VectorMask<Float> bWins = b.compare(VectorOperators.GT, a);
                FloatVector best = a.blend(b, bWins);
                VectorMask<Float> cWins = c.compare(VectorOperators.GT, best);
                VectorMask<Float> dWins = d.compare(VectorOperators.GT, best.blend(c, cWins));
                cWins = cWins.andNot(dWins);
                bWins = bWins.andNot(cWins.or(dWins));
                VectorMask<Float> aWins = bWins.or(cWins).or(dWins).not();
                FloatVector grad = FloatVector.fromArray(F, buf, dyAt + k);
                FloatVector ga = zero.blend(grad, aWins), gb = zero.blend(grad, bWins);
                FloatVector gc = zero.blend(grad, cWins), gd = zero.blend(grad, dWins);
                ga.rearrange(ZIP_LOW, gb).intoArray(buf, top);
                ga.rearrange(ZIP_HIGH, gb).intoArray(buf, top + LANES);
                gc.rearrange(ZIP_LOW, gd).intoArray(buf, bottom);
                gc.rearrange(ZIP_HIGH, gd).intoArray(buf, bottom + LANES);
            }
        }
        for (; k < g.outSize; k++) { // Remaining outputs.
            int top = topAt + 2 * k, bottom = bottomAt + 2 * k;
            int winner = top;
            if (buf[top + 1] > buf[winner]) {
                winner = top + 1;
            }
            if (buf[bottom] > buf[winner]) {
                winner = bottom;
            }
            if (buf[bottom + 1] > buf[winner]) {
                winner = bottom + 1;
            }
            float grad = buf[dyAt + k];
            buf[top] = buf[top + 1] = buf[bottom] = buf[bottom + 1] = 0f;
            buf[winner] = grad;
        }
        for (int p = 0; p < g.outH; p++) {
            addRow(buf, topAt + p * w, dxAt + 2 * p * w, w);
            addRow(buf, bottomAt + p * w, dxAt + (2 * p + 1) * w, w);
        }
    }

    /** Each output's gradient divided by {@code kh·kw} to every real pixel of its window. */
    private static void avgBackward(float[] buf, int dxAt, int dyAt, int rowAt, Planes g, PoolSpec spec) {
        for (int p = 0; p < g.outH; p++) {
            Arrays.fill(buf, rowAt, rowAt + g.w, 0f);
            for (int q = 0; q < g.outW; q++) {
                int s0 = q * spec.strideW() - spec.padW();
                float share = buf[dyAt + p * g.outW + q] / g.divisor;
                for (int s = Math.max(0, s0); s < Math.min(g.w, s0 + spec.kernelW()); s++) {
                    buf[rowAt + s] += share;
                }
            }
            int r0 = p * spec.strideH() - spec.padH();
            for (int r = Math.max(0, r0); r < Math.min(g.h, r0 + spec.kernelH()); r++) {
                addRow(buf, rowAt, dxAt + r * g.w, g.w);
            }
        }
    }

    /** {@code buf[to + s] += buf[from + s]} for {@code s < n}. */
    private static void addRow(float[] buf, int from, int to, int n) {
        int s = 0;
        if (Simd.ENABLED) {
            for (int bound = Simd.loopBound(n); s < bound; s += LANES) {
                FloatVector.fromArray(F, buf, to + s).add(FloatVector.fromArray(F, buf, from + s)).intoArray(buf, to + s);
            }
        }
        for (; s < n; s++) { // Remaining columns.
            buf[to + s] += buf[from + s];
        }
    }
}
