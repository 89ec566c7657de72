package dev.mnemo.nn;

import dev.mnemo.autograd.PoolOps;
import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Nearest-neighbour upsampling of images {@code [B, C, H, W] → [B, C, H·fh, W·fw]} by repeating
 * each pixel {@code fh × fw} times: {@code y[b,c,i,j] = x[b,c,⌊i/fh⌋,⌊j/fw⌋]} (Keras's
 * {@code UpSampling2D}, {@code nn.Upsample(scale_factor, mode="nearest")}).
 */
public final class UpSampling2D extends LayerBase {
    private final int factorH;
    private final int factorW;

    public UpSampling2D(String name, int factorH, int factorW) {
        super(name);
        if (factorH < 1 || factorW < 1) {
            throw new IllegalArgumentException("UpSampling2D: factors must be >= 1, got " + factorH + "x" + factorW);
        }
        this.factorH = factorH;
        this.factorW = factorW;
    }

    /** The same factor on both axes. */
    public static UpSampling2D of(int factor) {
        return new UpSampling2D(null, factor, factor);
    }

    @Override
    protected int[] create(int[] inputShape, BuildContext context) {
        if (inputShape.length != 3) {
            throw new IllegalArgumentException("UpSampling2D '" + name() + "' expects images [C, H, W] per sample, got "
                    + Arrays.toString(inputShape));
        }
        return new int[] {inputShape[0], inputShape[1] < 0 ? -1 : inputShape[1] * factorH,
                inputShape[2] < 0 ? -1 : inputShape[2] * factorW};
    }

    @Override
    public Variable forward(Tape tape, Variable x) {
        return PoolOps.upsampleNearest2d(tape, x, factorH, factorW);
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = baseConfig();
        c.put("size", List.of(factorH, factorW));
        return c;
    }

    /** Rebuilds the layer from {@link #config()}. */
    public static UpSampling2D fromConfig(Map<String, Object> c) {
        int[] size = Layers.integers(c, "size");
        if (size.length != 2) {
            throw new IllegalArgumentException("layer config UpSampling2D '" + c.get("name") + "': 'size' must be"
                    + " [fh, fw], got " + Arrays.toString(size));
        }
        return new UpSampling2D(Layers.string(c, "name"), size[0], size[1]);
    }
}
