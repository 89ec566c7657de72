package dev.mnemo.nn;

import dev.mnemo.autograd.Parameter;
import dev.mnemo.autograd.RecurrentOps;
import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import dev.mnemo.kernel.SeqOptions;
import java.util.HashMap;
import java.util.Map;

/**
 * Gated recurrent unit (Cho et al. 2014) with PyTorch's semantics ({@code torch.nn.GRU}, Keras
 * {@code reset_after=True}):
 * <pre>
 *   r = σ(W_ir x + b_ir + W_hr h + b_hr)     z = σ(W_iz x + b_iz + W_hz h + b_hz)
 *   n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))     h' = (1 - z) ⊙ n + z ⊙ h
 * </pre>
 * Parameters are named as PyTorch's ({@code weight_ih_l0} ... {@code _reverse}), so its
 * state_dicts load directly. Same options as {@link LSTM} where they apply.
 */
public final class GRU extends RecurrentLayer {
    private final Map<String, Parameter> cells = new HashMap<>();

    private GRU(String name, Options options) {
        super(name, options);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void createCell(BuildContext context, int layer, int direction, int inputSize) {
        int h = options.units();
        String s = suffix(layer, direction);
        Parameter wIh = add(context, "weight_ih" + s, 3 * h, inputSize);
        Parameter wHh = add(context, "weight_hh" + s, 3 * h, h);
        for (int gate = 0; gate < 3; gate++) {
            Init.glorotUniform(wIh.value().narrow(gate * h, h), context.random());
            Init.orthogonal(wHh.value().narrow(gate * h, h), context.random());
        }
        cells.put("wIh" + s, wIh);
        cells.put("wHh" + s, wHh);
        cells.put("bIh" + s, add(context, "bias_ih" + s, 3 * h));
        cells.put("bHh" + s, add(context, "bias_hh" + s, 3 * h));
    }

    @Override
    protected RecurrentOps.Outputs runCell(Tape tape, Variable x, Variable h0, Variable c0,
                                           int layer, int direction, SeqOptions seq) {
        if (c0 != null) {
            throw new IllegalArgumentException("GRU '" + name() + "' has no cell state; pass only h0");
        }
        String s = suffix(layer, direction);
        RecurrentOps.GruParams p = new RecurrentOps.GruParams(tape.parameter(cells.get("wIh" + s)),
                recurrentWeight(tape, cells.get("wHh" + s)), tape.parameter(cells.get("bIh" + s)),
                tape.parameter(cells.get("bHh" + s)));
        return RecurrentOps.gru(tape, x, h0, p, seq);
    }

    @Override
    public Map<String, Object> config() {
        return recurrentConfig();
    }

    /** Rebuilds a GRU from {@link #config()}. */
    public static GRU fromConfig(Map<String, Object> c) {
        return new GRU(Layers.string(c, "name"), RecurrentLayer.optionsFrom(c));
    }

    /** Builder; {@code units} is required. */
    public static final class Builder extends RecurrentLayer.Builder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }

        public GRU build() {
            return new GRU(name(), options());
        }
    }
}
