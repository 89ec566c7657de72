package dev.mnemo.nn;

import dev.mnemo.autograd.BatchNormOps;
import dev.mnemo.autograd.Parameter;
import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import java.util.Map;

/**
 * Batch normalisation over the channel axis, PyTorch's {@code nn.BatchNorm1d(C)} for {@code [B, C]}
 * and {@code [B, C, L]} inputs and {@code nn.BatchNorm2d(C)} for {@code [B, C, H, W]} (see
 * {@link BatchNormOps} for the equations):
 * <pre>
 *   y = (x − μ_c) / √(σ²_c + eps) · weight_c + bias_c
 * </pre>
 * with the batch's statistics in training and the running ones at inference. Parameters
 * {@code weight [C]} (γ, starts at 1) and {@code bias [C]} (β, starts at 0); buffers
 * {@code running_mean [C]} (starts at 0) and {@code running_var [C]} (starts at 1), PyTorch's names,
 * saved in model files and restored with early stopping's best weights. {@code momentum = 0.1} and
 * {@code eps = 1e-5} by default. Put it between a convolution (or Dense) without activation and the
 * activation, as Ioffe and Szegedy do; the layer before it needs no bias.
 */
public final class BatchNorm extends LayerBase {
    /** PyTorch's default momentum: the weight of each batch's statistics in the running ones. */
    public static final float DEFAULT_MOMENTUM = 0.1f;
    /** PyTorch's default epsilon. */
    public static final float DEFAULT_EPS = 1e-5f;

    private final float momentum;
    private final float eps;
    private Parameter weight;
    private Parameter bias;
    private Buffer runningMean;
    private Buffer runningVar;

    public BatchNorm(String name, float momentum, float eps) {
        super(name);
        if (!(momentum >= 0f && momentum <= 1f)) {
            throw new IllegalArgumentException("BatchNorm: momentum must be in [0, 1], got " + momentum);
        }
        if (!(eps > 0f) || Float.isInfinite(eps)) {
            throw new IllegalArgumentException("BatchNorm: eps must be a positive number, got " + eps);
        }
        this.momentum = momentum;
        this.eps = eps;
    }

    /** Batch norm with PyTorch's defaults ({@code momentum = 0.1}, {@code eps = 1e-5}). */
    public static BatchNorm of() {
        return new BatchNorm(null, DEFAULT_MOMENTUM, DEFAULT_EPS);
    }

    @Override
    protected int[] create(int[] inputShape, BuildContext context) {
        if (inputShape.length == 0 || inputShape[0] < 1) {
            throw new IllegalArgumentException("BatchNorm '" + name() + "': input needs a known channel axis first ([C], [C, L] "
                    + "or [C, H, W]), got " + java.util.Arrays.toString(inputShape));
        }
        int channels = inputShape[0];
        weight = add(context, "weight", channels);
        weight.value().fill(1f);
        bias = add(context, "bias", channels);
        runningMean = addBuffer(context, "running_mean", channels);
        runningVar = addBuffer(context, "running_var", channels);
        runningVar.value().fill(1f);
        return inputShape;
    }

    @Override
    public Variable forward(Tape tape, Variable x) {
        requireBuilt();
        return BatchNormOps.batchNorm(tape, x, tape.parameter(weight), tape.parameter(bias), runningMean.value(),
                runningVar.value(), momentum, eps);
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = baseConfig();
        c.put("momentum", momentum);
        c.put("eps", eps);
        return c;
    }

    /** Rebuilds the layer from {@link #config()}. */
    public static BatchNorm fromConfig(Map<String, Object> c) {
        return new BatchNorm(Layers.string(c, "name"), Layers.number(c, "momentum"), Layers.number(c, "eps"));
    }
}
