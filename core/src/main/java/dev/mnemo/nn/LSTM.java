package dev.mnemo.nn;

import dev.mnemo.autograd.Parameter;
import dev.mnemo.autograd.RecurrentOps;
import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import dev.mnemo.kernel.SeqOptions;
import java.util.HashMap;
import java.util.Map;

/**
 * Long short-term memory (Hochreiter and Schmidhuber 1997) with peephole connections (Gers and
 * Schmidhuber 2000), by default:
 * <pre>
 *   i = σ(W_xi x + W_hi h_prev + w_ci ⊙ c_prev + b_i)     f = σ(W_xf x + W_hf h_prev + w_cf ⊙ c_prev + b_f)
 *   c = f ⊙ c_prev + i ⊙ tanh(W_xc x + W_hc h_prev + b_c)  o = σ(W_xo x + W_ho h_prev + w_co ⊙ c + b_o)
 *   h = o ⊙ tanh(c)
 * </pre>
 * {@code peepholes(false)} gives the peephole-free cell of {@code torch.nn.LSTM} / Keras, whose
 * weights load from PyTorch state_dicts by name ({@code weight_ih_l0}, {@code weight_hh_l0},
 * {@code bias_ih_l0}, {@code bias_hh_l0}, {@code _reverse} for the backward direction). Peephole
 * vectors are {@code weight_ci_lK}, {@code weight_cf_lK}, {@code weight_co_lK}.
 *
 * <p>Initialisation as Keras: Glorot-uniform input weights, orthogonal recurrent weights per gate,
 * zero biases except the forget gate's, set to {@code forgetBias} (1 by default, Jozefowicz et al.
 * 2015), small uniform peepholes.
 *
 * <pre>{@code
 * LSTM lstm = LSTM.builder().units(128).layers(2).bidirectional(true).returnSequences(true).dropout(0.2f).build();
 * }</pre>
 */
public final class LSTM extends RecurrentLayer {
    private final boolean peepholes;
    private final float forgetBias;
    private final Map<String, Parameter> cells = new HashMap<>();

    private LSTM(String name, Options options, boolean peepholes, float forgetBias) {
        super(name, options);
        this.peepholes = peepholes;
        this.forgetBias = forgetBias;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void createCell(BuildContext context, int layer, int direction, int inputSize) {
        int h = options.units();
        String s = suffix(layer, direction);
        Parameter wIh = add(context, "weight_ih" + s, 4 * h, inputSize);
        Parameter wHh = add(context, "weight_hh" + s, 4 * h, h);
        Parameter bIh = add(context, "bias_ih" + s, 4 * h);
        Parameter bHh = add(context, "bias_hh" + s, 4 * h);
        for (int gate = 0; gate < 4; gate++) {
            Init.glorotUniform(wIh.value().narrow(gate * h, h), context.random());
            Init.orthogonal(wHh.value().narrow(gate * h, h), context.random());
        }
        bIh.value().narrow(h, h).fill(forgetBias);
        cells.put("wIh" + s, wIh);
        cells.put("wHh" + s, wHh);
        cells.put("bIh" + s, bIh);
        cells.put("bHh" + s, bHh);
        if (peepholes) {
            for (String p : new String[] {"ci", "cf", "co"}) {
                Parameter v = add(context, "weight_" + p + s, h);
                Init.uniform(v.value(), context.random(), 0.1);
                cells.put(p + s, v);
            }
        }
    }

    @Override
    protected RecurrentOps.Outputs runCell(Tape tape, Variable x, Variable h0, Variable c0,
                                           int layer, int direction, SeqOptions seq) {
        String s = suffix(layer, direction);
        RecurrentOps.LstmParams p = new RecurrentOps.LstmParams(
                tape.parameter(cells.get("wIh" + s)), recurrentWeight(tape, cells.get("wHh" + s)),
                tape.parameter(cells.get("bIh" + s)), tape.parameter(cells.get("bHh" + s)),
                peepholes ? tape.parameter(cells.get("ci" + s)) : null,
                peepholes ? tape.parameter(cells.get("cf" + s)) : null,
                peepholes ? tape.parameter(cells.get("co" + s)) : null);
        return RecurrentOps.lstm(tape, x, h0, c0, p, seq);
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = recurrentConfig();
        c.put("peepholes", peepholes);
        c.put("forgetBias", forgetBias);
        return c;
    }

    /** Rebuilds an LSTM from {@link #config()}. */
    public static LSTM fromConfig(Map<String, Object> c) {
        return new LSTM(Layers.string(c, "name"), RecurrentLayer.optionsFrom(c), Layers.bool(c, "peepholes"),
                Layers.number(c, "forgetBias"));
    }

    /** Builder; {@code units} is required. */
    public static final class Builder extends RecurrentLayer.Builder<Builder> {
        private boolean peepholes = true;
        private float forgetBias = 1f;

        @Override
        protected Builder self() {
            return this;
        }

        /** Peephole connections (default true; false gives {@code torch.nn.LSTM}'s cell). */
        public Builder peepholes(boolean peepholes) {
            this.peepholes = peepholes;
            return this;
        }

        /** Initial forget-gate bias (default 1, Keras's {@code unit_forget_bias}). */
        public Builder forgetBias(float forgetBias) {
            this.forgetBias = forgetBias;
            return this;
        }

        public LSTM build() {
            return new LSTM(name(), options(), peepholes, forgetBias);
        }
    }
}
