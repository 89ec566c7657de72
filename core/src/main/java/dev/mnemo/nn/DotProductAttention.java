package dev.mnemo.nn;

import dev.mnemo.autograd.AttentionOps;
import dev.mnemo.autograd.AttentionOps.Attention;
import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import java.util.Map;

/**
 * Dot-product attention of queries over an encoder's outputs (Luong et al. 2015, "dot" score;
 * scaled by {@code 1/√D} as in Vaswani et al. 2017 when asked), with no parameters:
 * <pre>
 *   e_ij = s · q_i · h_j      α_ij = softmax_j(e_ij) over valid encoder steps      c_i = Σ_j α_ij h_j
 * </pre>
 * Queries and encoder outputs must have the same size D. Keras's {@code Attention} layer without
 * a learned scale; with scaling, {@code F.scaled_dot_product_attention} with a key-padding mask.
 *
 * <pre>{@code
 * Attention att = DotProductAttention.scaled().call(tape, decoderStates, encoderOutputs);
 * Variable context = att.context();   // [B, Tq, D]
 * }</pre>
 */
public final class DotProductAttention extends AttentionLayerBase {
    private final boolean scaled;

    /** @param scaled multiply scores by {@code 1/√D} */
    public DotProductAttention(String name, boolean scaled) {
        super(name);
        this.scaled = scaled;
    }

    /** Luong's unscaled dot score. */
    public static DotProductAttention luong() {
        return new DotProductAttention(null, false);
    }

    /** Scores scaled by {@code 1/√D}. */
    public static DotProductAttention scaled() {
        return new DotProductAttention(null, true);
    }

    @Override
    protected void createParameters(int dq, int dk, BuildContext context) {
        if (dq != dk) {
            throw new IllegalArgumentException("DotProductAttention '" + name() + "': queries (size " + dq
                    + ") and keys (size " + dk + ") must have the same size; project one with a Dense layer"
                    + " or use AdditiveAttention");
        }
    }

    @Override
    public Attention call(Tape tape, Variable query, Variable keysValues) {
        return AttentionOps.dotProduct(tape, query, keysValues, keysValues, keysValues.lengths(), scaled);
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = baseConfig();
        c.put("scaled", scaled);
        return c;
    }

    /** Rebuilds the layer from {@link #config()}. */
    public static DotProductAttention fromConfig(Map<String, Object> c) {
        return new DotProductAttention(Layers.string(c, "name"), Layers.bool(c, "scaled"));
    }
}
