package dev.mnemo.nn;

import dev.mnemo.autograd.Parameter;
import dev.mnemo.autograd.AttentionOps;
import dev.mnemo.autograd.AttentionOps.Attention;
import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import java.util.Map;

/**
 * Additive attention (Bahdanau et al. 2015) of queries over an encoder's outputs:
 * <pre>
 *   e_ij = score_weight · tanh(query_weight q_i + key_weight h_j + bias)
 *   α_ij = softmax_j(e_ij) over valid encoder steps      c_i = Σ_j α_ij h_j
 * </pre>
 * Parameters: {@code query_weight [A, Dq]}, {@code key_weight [A, Dk]} (Glorot uniform),
 * {@code bias [A]} (zeros) and {@code score_weight [A]} (uniform ±1/√A), where A = {@code units}.
 * Queries and keys may differ in size.
 *
 * <pre>{@code
 * AdditiveAttention attention = AdditiveAttention.of(64);
 * attention.build(new int[] {decoderSteps, 128}, new int[] {encoderSteps, 256}, context);
 * Attention att = attention.call(tape, decoderStates, encoderOutputs);   // context [B, Tq, 256]
 * }</pre>
 */
public final class AdditiveAttention extends AttentionLayerBase {
    private final int units;
    private Parameter queryWeight;
    private Parameter keyWeight;
    private Parameter bias;
    private Parameter scoreWeight;

    public AdditiveAttention(String name, int units) {
        super(name);
        if (units < 1) {
            throw new IllegalArgumentException("AdditiveAttention: units must be >= 1, got " + units);
        }
        this.units = units;
    }

    /** Additive attention with {@code units} hidden units A. */
    public static AdditiveAttention of(int units) {
        return new AdditiveAttention(null, units);
    }

    @Override
    protected void createParameters(int dq, int dk, BuildContext context) {
        queryWeight = add(context, "query_weight", units, dq);
        keyWeight = add(context, "key_weight", units, dk);
        bias = add(context, "bias", units);
        scoreWeight = add(context, "score_weight", units);
        Init.glorotUniform(queryWeight.value(), context.random());
        Init.glorotUniform(keyWeight.value(), context.random());
        Init.uniform(scoreWeight.value(), context.random(), 1 / Math.sqrt(units));
    }

    @Override
    public Attention call(Tape tape, Variable query, Variable keysValues) {
        requireBuilt();
        return AttentionOps.additive(tape, query, keysValues, keysValues, keysValues.lengths(),
                tape.parameter(queryWeight), tape.parameter(keyWeight), tape.parameter(bias), tape.parameter(scoreWeight));
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = baseConfig();
        c.put("units", units);
        return c;
    }

    /** Rebuilds the layer from {@link #config()}. */
    public static AdditiveAttention fromConfig(Map<String, Object> c) {
        return new AdditiveAttention(Layers.string(c, "name"), Layers.integer(c, "units"));
    }
}
