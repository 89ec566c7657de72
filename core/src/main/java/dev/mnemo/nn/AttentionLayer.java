package dev.mnemo.nn;

import dev.mnemo.autograd.AttentionOps.Attention;
import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;

/**
 * A layer with two inputs: decoder queries attend over an encoder's outputs, which serve as
 * both keys and values; padded encoder steps (the lengths of {@code keysValues}) get no weight.
 * Used by a functional model (encoder-decoder); as a plain {@link Layer} it is self-attention,
 * {@code forward(x) = call(x, x).context()}.
 *
 * <p>Shapes (batch axis excluded in {@code build}): query {@code [Tq, Dq]} or {@code [Dq]},
 * keys/values {@code [Tk, Dk]}; the context is {@code [Tq, Dk]} (or {@code [Dk]}), the weights
 * {@code [Tq, Tk]} (or {@code [Tk]}).
 */
public interface AttentionLayer extends Layer {

    /** Creates the parameters for queries of {@code queryShape} over keys of {@code keysShape}; returns the context shape. */
    int[] build(int[] queryShape, int[] keysShape, BuildContext context);

    /**
     * Attends from {@code query [B, Tq, Dq]} (or {@code [B, Dq]}) over {@code keysValues [B, Tk, Dk]},
     * masking the steps beyond {@code keysValues.lengths()}.
     *
     * @return the context {@code [B, Tq, Dk]} (keeping the query's lengths) and the weights {@code [B, Tq, Tk]}
     */
    Attention call(Tape tape, Variable query, Variable keysValues);

    @Override
    default Variable forward(Tape tape, Variable x) {
        return call(tape, x, x).context();
    }
}
