package dev.mnemo.benchmarks;

import dev.mnemo.kernel.GruWeights;
import dev.mnemo.kernel.LstmWeights;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.util.Random;

/** Random recurrent weights (PyTorch layout) and zeroed gradient records of the same shapes. */
final class RecurrentWeights {
    private RecurrentWeights() {}

    /** Peephole-free LSTM weights {@code W_ih [4H, I]}, {@code W_hh [4H, H]}, biases {@code [4H]}: random, or zeros. */
    static LstmWeights lstm(Scope scope, Random random, int in, int hidden, boolean zeros) {
        return LstmWeights.withoutPeepholes(tensor(scope, random, zeros, 4 * hidden, in),
                tensor(scope, random, zeros, 4 * hidden, hidden), tensor(scope, random, zeros, 4 * hidden),
                tensor(scope, random, zeros, 4 * hidden));
    }

    /** GRU weights {@code W_ih [3H, I]}, {@code W_hh [3H, H]}, biases {@code [3H]}: random, or zeros. */
    static GruWeights gru(Scope scope, Random random, int in, int hidden, boolean zeros) {
        return new GruWeights(tensor(scope, random, zeros, 3 * hidden, in), tensor(scope, random, zeros, 3 * hidden, hidden),
                tensor(scope, random, zeros, 3 * hidden), tensor(scope, random, zeros, 3 * hidden));
    }

    private static Tensor tensor(Scope scope, Random random, boolean zeros, int... shape) {
        return zeros ? scope.zeros(shape) : Data.gaussian(scope, random, shape);
    }
}
