package dev.mnemo.nn;

import dev.mnemo.autograd.PoolOps;
import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import dev.mnemo.kernel.PoolSpec;
import java.util.Arrays;
import java.util.Map;

/**
 * Global pooling, the shared part of the four layers: over the spatial plane of images
 * {@code [B, C, H, W] → [B, C]}, or over the valid steps of sequences {@code [B, T, F] → [B, F]}
 * (padded steps masked out by the lengths; a sample without valid steps pools to 0). See
 * {@link PoolOps#globalPool2d} and {@link PoolOps#globalPool1d}.
 */
public abstract class GlobalPooling extends LayerBase {
    private final PoolSpec.Kind kind;
    private final boolean sequence;

    GlobalPooling(String name, PoolSpec.Kind kind, boolean sequence) {
        super(name);
        this.kind = kind;
        this.sequence = sequence;
    }

    @Override
    protected int[] create(int[] inputShape, BuildContext context) {
        int rank = sequence ? 2 : 3;
        int channelAxis = sequence ? 1 : 0;
        if (inputShape.length != rank || inputShape[channelAxis] < 1) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " '" + name() + "' expects "
                    + (sequence ? "sequences [T, F]" : "images [C, H, W]") + " per sample with known "
                    + (sequence ? "features" : "channels") + ", got " + Arrays.toString(inputShape));
        }
        return new int[] {inputShape[channelAxis]};
    }

    @Override
    public Variable forward(Tape tape, Variable x) {
        return sequence ? PoolOps.globalPool1d(tape, x, kind) : PoolOps.globalPool2d(tape, x, kind);
    }

    @Override
    public Map<String, Object> config() {
        return baseConfig();
    }
}
