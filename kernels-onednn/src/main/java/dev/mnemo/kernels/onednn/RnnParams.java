package dev.mnemo.kernels.onednn;

import dev.mnemo.kernel.GruWeights;
import dev.mnemo.kernel.LstmWeights;
import dev.mnemo.tensor.Tensor;

/**
 * The weights (or weight gradients) of one recurrent layer in PyTorch's layout, whatever the
 * cell: {@code wIh [G·H, I]}, {@code wHh [G·H, H]}, {@code bIh, bHh [G·H]}, and for peephole
 * LSTMs {@code wCi, wCf, wCo [H]} (else null).
 */
record RnnParams(Tensor wIh, Tensor wHh, Tensor bIh, Tensor bHh, Tensor wCi, Tensor wCf, Tensor wCo) {

    static RnnParams of(LstmWeights w) {
        return new RnnParams(w.wIh(), w.wHh(), w.bIh(), w.bHh(), w.wCi(), w.wCf(), w.wCo());
    }

    static RnnParams of(GruWeights w) {
        return new RnnParams(w.wIh(), w.wHh(), w.bIh(), w.bHh(), null, null, null);
    }

    boolean hasPeepholes() {
        return wCi != null;
    }

    int hidden() {
        return wHh.dim(1);
    }

    int input() {
        return wIh.dim(1);
    }
}
