package dev.mnemo.nn;

import dev.mnemo.autograd.Parameter;
import dev.mnemo.autograd.LayerNormOps;
import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import java.util.Map;

/**
 * Layer normalisation over the last axis (Ba et al. 2016), {@code torch.nn.LayerNorm(D)}:
 * <pre>
 *   y = (x - μ) / √(σ² + eps) · weight + bias        μ, σ² over the last axis (biased variance)
 * </pre>
 * with {@code weight [D]} (γ, starts at 1) and {@code bias [D]} (β, starts at 0), PyTorch's names,
 * and {@code eps = 1e-5} by default. Works on any rank ({@code [B, D]}, {@code [B, T, D]}, ...)
 * and keeps sequence lengths.
 */
public final class LayerNorm extends LayerBase {
    /** PyTorch's default epsilon. */
    public static final float DEFAULT_EPS = 1e-5f;

    private final float eps;
    private Parameter weight;
    private Parameter bias;

    public LayerNorm(String name, float eps) {
        super(name);
        if (!(eps > 0f) || Float.isInfinite(eps)) {
            throw new IllegalArgumentException("LayerNorm: eps must be a positive number, got " + eps);
        }
        this.eps = eps;
    }

    /** Layer norm with {@code eps = 1e-5}. */
    public static LayerNorm of() {
        return new LayerNorm(null, DEFAULT_EPS);
    }

    @Override
    protected int[] create(int[] inputShape, BuildContext context) {
        int d = lastAxis(inputShape, "input");
        weight = add(context, "weight", d);
        weight.value().fill(1f);
        bias = add(context, "bias", d);
        return inputShape;
    }

    @Override
    public Variable forward(Tape tape, Variable x) {
        requireBuilt();
        return LayerNormOps.layerNorm(tape, x, tape.parameter(weight), tape.parameter(bias), eps);
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = baseConfig();
        c.put("eps", eps);
        return c;
    }

    /** Rebuilds the layer from {@link #config()}. */
    public static LayerNorm fromConfig(Map<String, Object> c) {
        return new LayerNorm(Layers.string(c, "name"), Layers.number(c, "eps"));
    }
}
