package dev.mnemo.autograd;

import dev.mnemo.tensor.Tensor;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/** The batch/time transpose and concatenation over the last axis (reshapes are {@link LayoutOps#reshape}). */
public final class ShapeOps {
    private ShapeOps() {}

    /**
     * Swaps the first two axes: {@code [A, B, ...] → [B, A, ...]}, e.g. batch-first {@code [B, T, F]}
     * to the time-major {@code [T, B, F]} the recurrent kernels use, and back. Lengths are dropped
     * (the caller passes them to the recurrent op) and restored with {@code lengths}.
     */
    public static Variable swapFirstAxes(Tape tape, Variable x, int[] lengths) {
        Tensor y = tape.zeros(swapped(x.shape()));
        copySwapped(x.value(), y);
        return tape.result(y, lengths, gy -> {
            Tensor gx = tape.grad(x);
            Tensor back = tape.zeros(gx.shape());
            copySwapped(gy, back);
            tape.kernels().axpy(1f, back, gx);
        }, x);
    }

    /** Concatenates along the last axis: {@code [..., F1] ++ [..., F2] → [..., F1 + F2]}. */
    public static Variable concatLast(Tape tape, Variable a, Variable b) {
        int[] as = a.shape(), bs = b.shape();
        if (as.length != bs.length || !Arrays.equals(Arrays.copyOf(as, as.length - 1), Arrays.copyOf(bs, bs.length - 1))) {
            throw new IllegalArgumentException("concatLast: " + a.value() + " and " + b.value()
                    + " must agree on every axis but the last");
        }
        int fa = as[as.length - 1], fb = bs[bs.length - 1];
        int[] ys = as.clone();
        ys[ys.length - 1] = fa + fb;
        Tensor y = tape.zeros(ys);
        long rows = a.value().size() / Math.max(1, fa);
        for (long r = 0; r < rows; r++) {
            copyRow(a.value(), r * fa, y, r * (fa + fb), fa);
            copyRow(b.value(), r * fb, y, r * (fa + fb) + fa, fb);
        }
        return tape.result(y, a.lengths(), gy -> {
            Tensor ga = tape.grad(a), gb = tape.grad(b);
            for (long r = 0; r < rows; r++) {
                if (ga != null) {
                    addRow(gy, r * (fa + fb), ga, r * fa, fa);
                }
                if (gb != null) {
                    addRow(gy, r * (fa + fb) + fa, gb, r * fb, fb);
                }
            }
        }, a, b);
    }

    private static int[] swapped(int[] shape) {
        if (shape.length < 2) {
            throw new IllegalArgumentException("swapFirstAxes needs rank >= 2, got " + Arrays.toString(shape));
        }
        int[] s = shape.clone();
        s[0] = shape[1];
        s[1] = shape[0];
        return s;
    }

    /** dst[j, i, ...] = src[i, j, ...], copying contiguous inner blocks. */
    private static void copySwapped(Tensor src, Tensor dst) {
        int a = src.dim(0), b = src.dim(1);
        long inner = a * (long) b == 0 ? 0 : src.size() / ((long) a * b);
        long bytes = inner * Float.BYTES;
        MemorySegment s = src.segment(), d = dst.segment();
        for (int i = 0; i < a; i++) {
            for (int j = 0; j < b; j++) {
                MemorySegment.copy(s, ((long) i * b + j) * bytes, d, ((long) j * a + i) * bytes, bytes);
            }
        }
    }

    private static void copyRow(Tensor src, long from, Tensor dst, long to, int n) {
        MemorySegment.copy(src.segment(), from * Float.BYTES, dst.segment(), to * Float.BYTES, (long) n * Float.BYTES);
    }

    private static void addRow(Tensor src, long from, Tensor dst, long to, int n) {
        for (int j = 0; j < n; j++) {
            dst.add(to + j, src.get(from + j));
        }
    }
}
