package dev.mnemo.nn;

import dev.mnemo.autograd.PoolOps;
import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import dev.mnemo.kernel.PoolSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Windowed pooling of images {@code [B, C, H, W] → [B, C, P, Q]}, the shared part of
 * {@link MaxPool2D} and {@link AvgPool2D}: window {@code kh × kw}, stride (default: the window),
 * zero padding; {@code P = (H + 2·ph - kh) / sh + 1}. See {@link PoolSpec} for the semantics.
 */
public abstract class Pooling2D extends LayerBase {
    private final PoolSpec spec;

    Pooling2D(String name, PoolSpec.Kind kind, int[] pool, int[] stride, int[] padding) {
        super(name);
        String type = getClass().getSimpleName();
        int[] k = pair(type, "pool size", pool), s = stride == null ? k : pair(type, "stride", stride);
        int[] p = pair(type, "padding", padding);
        try {
            this.spec = new PoolSpec(kind, k[0], k[1], s[0], s[1], p[0], p[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(type + ": " + e.getMessage(), e);
        }
    }

    /** The window geometry. */
    public PoolSpec spec() {
        return spec;
    }

    @Override
    protected int[] create(int[] inputShape, BuildContext context) {
        if (inputShape.length != 3) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " '" + name()
                    + "' expects images [C, H, W] per sample, got " + Arrays.toString(inputShape));
        }
        int p = inputShape[1] < 0 ? -1 : spec.outHeight(inputShape[1]);
        int q = inputShape[2] < 0 ? -1 : spec.outWidth(inputShape[2]);
        if (p == 0 || q == 0 || p < -1 || q < -1) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " '" + name() + "': input "
                    + Arrays.toString(inputShape) + " is smaller than the window of " + spec);
        }
        return new int[] {inputShape[0], p, q};
    }

    @Override
    public Variable forward(Tape tape, Variable x) {
        return PoolOps.pool2d(tape, x, spec);
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = baseConfig();
        c.put("pool", List.of(spec.kernelH(), spec.kernelW()));
        c.put("stride", List.of(spec.strideH(), spec.strideW()));
        c.put("padding", List.of(spec.padH(), spec.padW()));
        return c;
    }

    /** Two values (height, width) from one or two. */
    static int[] pair(String type, String what, int[] values) {
        if (values == null || values.length < 1 || values.length > 2) {
            throw new IllegalArgumentException(type + ": " + what + " needs 1 or 2 values, got "
                    + (values == null ? "null" : Arrays.toString(values)));
        }
        return values.length == 2 ? values.clone() : new int[] {values[0], values[0]};
    }
}
