package dev.mnemo.nn;

import dev.mnemo.autograd.Parameter;
import dev.mnemo.autograd.MathOps;
import dev.mnemo.autograd.RecurrentOps;
import dev.mnemo.autograd.ShapeOps;
import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import dev.mnemo.kernel.SeqOptions;
import java.util.Map;

/**
 * What LSTM and GRU layers share: stacking, bidirectionality (a reversed pass over each sample's
 * valid steps, outputs concatenated), dropout between stacked layers, weight-dropped recurrent
 * connections, exact masking from the input's lengths, and the batch-first ↔ time-major
 * transposes around the fused sequence kernels.
 *
 * <p>Input {@code [B, T, I]}; output {@code [B, T, D·H]} with {@code returnSequences}, else the
 * final state {@code [B, D·H]} (D = 2 when bidirectional: forward final state, then the reverse
 * pass's final state, as Keras's {@code Bidirectional}).
 */
public abstract class RecurrentLayer extends LayerBase {
    /** Options common to recurrent layers. */
    protected record Options(int units, int layers, boolean bidirectional, boolean returnSequences,
                             float dropout, float recurrentDropout) {}

    protected final Options options;

    protected RecurrentLayer(String name, Options options) {
        super(name);
        String what = getClass().getSimpleName();
        if (options.units() < 1) {
            throw new IllegalArgumentException(what + ": units is required and must be >= 1 (call units(n)), got "
                    + options.units());
        }
        if (options.layers() < 1) {
            throw new IllegalArgumentException(what + ": layers must be >= 1, got " + options.layers());
        }
        if (options.dropout() < 0 || options.dropout() >= 1 || options.recurrentDropout() < 0
                || options.recurrentDropout() >= 1) {
            throw new IllegalArgumentException(what + ": dropout and recurrentDropout must be in [0, 1), got "
                    + options.dropout() + " and " + options.recurrentDropout());
        }
        this.options = options;
    }

    protected int directions() {
        return options.bidirectional() ? 2 : 1;
    }

    /** PyTorch's parameter suffix for layer {@code l}, direction {@code d}: {@code _l0}, {@code _l0_reverse}. */
    protected static String suffix(int layer, int direction) {
        return "_l" + layer + (direction == 1 ? "_reverse" : "");
    }

    @Override
    protected int[] create(int[] inputShape, BuildContext context) {
        if (inputShape.length != 2) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " '" + name()
                    + "' expects sequences [T, features] per sample, got " + java.util.Arrays.toString(inputShape));
        }
        int in = lastAxis(inputShape, "input");
        for (int l = 0; l < options.layers(); l++) {
            for (int d = 0; d < directions(); d++) {
                createCell(context, l, d, l == 0 ? in : options.units() * directions());
            }
        }
        int width = options.units() * directions();
        return options.returnSequences() ? new int[] {inputShape[0], width} : new int[] {width};
    }

    /** Creates and initialises the parameters of one cell (layer {@code l}, direction {@code d}). */
    protected abstract void createCell(BuildContext context, int layer, int direction, int inputSize);

    /** Runs one direction of one layer over time-major {@code x [T, B, I]}. */
    protected abstract RecurrentOps.Outputs runCell(Tape tape, Variable x, Variable h0, Variable c0,
                                                    int layer, int direction, SeqOptions seq);

    @Override
    public Variable forward(Tape tape, Variable x) {
        Result r = run(tape, x, null, null);
        return options.returnSequences() ? r.sequence() : r.state();
    }

    /**
     * Runs the layer and returns everything: the output sequence {@code [B, T, D·H]}, and the last
     * layer's final state and cell {@code [B, D·H]} (cell null for GRU). Initial state {@code h0}
     * (and {@code c0} for LSTM), {@code [B, H]}, is accepted for a one-layer unidirectional layer
     * (the decoder of an encoder-decoder).
     */
    public Result run(Tape tape, Variable x, Variable h0, Variable c0) {
        requireBuilt();
        if ((h0 != null || c0 != null) && (options.layers() != 1 || options.bidirectional())) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " '" + name()
                    + "': an initial state needs layers=1 and no bidirectional; stack separate layers to pass states");
        }
        if (x.value().rank() != 3) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " '" + name()
                    + "' expects [B, T, features], got " + x.value());
        }
        int[] lengths = x.lengths();
        SeqOptions seq = lengths == null ? SeqOptions.FORWARD : SeqOptions.lengths(lengths);
        Variable current = ShapeOps.swapFirstAxes(tape, x, null);
        Variable state = null, cell = null;
        for (int l = 0; l < options.layers(); l++) {
            if (l > 0) {
                current = MathOps.dropout(tape, current, options.dropout());
            }
            RecurrentOps.Outputs forward = runCell(tape, current, h0, c0, l, 0, seq);
            if (options.bidirectional()) {
                RecurrentOps.Outputs backward = runCell(tape, current, null, null, l, 1, seq.reversed());
                current = ShapeOps.concatLast(tape, forward.y(), backward.y());
                state = ShapeOps.concatLast(tape, forward.h(), backward.h());
                cell = forward.c() == null ? null : ShapeOps.concatLast(tape, forward.c(), backward.c());
            } else {
                current = forward.y();
                state = forward.h();
                cell = forward.c();
            }
        }
        Variable sequence = ShapeOps.swapFirstAxes(tape, current, lengths);
        return new Result(sequence, state, cell);
    }

    /** All outputs of a recurrent layer. */
    public record Result(Variable sequence, Variable state, Variable cell) {}

    /** The recurrent weight as used this step: weight-dropped (DropConnect) in training when configured. */
    protected Variable recurrentWeight(Tape tape, Parameter wHh) {
        return MathOps.dropout(tape, tape.parameter(wHh), options.recurrentDropout());
    }

    protected Map<String, Object> recurrentConfig() {
        Map<String, Object> c = baseConfig();
        c.put("units", options.units());
        c.put("layers", options.layers());
        c.put("bidirectional", options.bidirectional());
        c.put("returnSequences", options.returnSequences());
        c.put("dropout", options.dropout());
        c.put("recurrentDropout", options.recurrentDropout());
        return c;
    }
    static Options optionsFrom(Map<String, Object> c) {
        return new Options(Layers.integer(c, "units"), Layers.integer(c, "layers"), Layers.bool(c, "bidirectional"),
                Layers.bool(c, "returnSequences"), Layers.number(c, "dropout"), Layers.number(c, "recurrentDropout"));
    }

    /** The options every recurrent layer's builder shares; {@code units} is required. */
    public abstract static class Builder<B extends Builder<B>> {
        private String name;
        private int units;
        private int layers = 1;
        private boolean bidirectional;
        private boolean returnSequences;
        private float dropout;
        private float recurrentDropout;

        protected abstract B self();

        /** Hidden size H (required). */
        public B units(int units) {
            this.units = units;
            return self();
        }

        /** Layer name (default: assigned by the model, e.g. {@code lstm_1}). */
        public B name(String name) {
            this.name = name;
            return self();
        }

        /** Number of stacked layers (default 1). */
        public B layers(int layers) {
            this.layers = layers;
            return self();
        }

        /** Also run each sequence backwards and concatenate (default false). */
        public B bidirectional(boolean bidirectional) {
            this.bidirectional = bidirectional;
            return self();
        }

        /** Output every step {@code [B, T, D·H]} instead of the final state {@code [B, D·H]} (default false). */
        public B returnSequences(boolean returnSequences) {
            this.returnSequences = returnSequences;
            return self();
        }

        /** Dropout on the outputs of each stacked layer but the last (default 0). */
        public B dropout(float rate) {
            this.dropout = rate;
            return self();
        }

        /**
         * Recurrent dropout as weight drop (DropConnect on {@code W_hh}, Merity et al. 2017): one mask
         * per training step shared by all samples and time steps, so the fused kernels still run
         * (default 0).
         */
        public B recurrentDropout(float rate) {
            this.recurrentDropout = rate;
            return self();
        }

        protected String name() {
            return name;
        }

        protected Options options() {
            return new Options(units, layers, bidirectional, returnSequences, dropout, recurrentDropout);
        }
    }
}
