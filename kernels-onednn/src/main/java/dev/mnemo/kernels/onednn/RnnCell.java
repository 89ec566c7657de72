package dev.mnemo.kernels.onednn;

import static org.bytedeco.dnnl.global.dnnl.dnnl_lbr_gru;
import static org.bytedeco.dnnl.global.dnnl.dnnl_vanilla_lstm;

/**
 * How a recurrent cell of the SPI maps onto oneDNN's RNN primitive.
 *
 * <ul>
 *   <li>LSTM = {@code vanilla_lstm}: same gate order as PyTorch (i, f, g, o), one bias per gate
 *       ({@code b_ih + b_hh}), optional peepholes {@code [3, H]} for i, f, o with the output
 *       gate's peephole on the new cell, exactly as the SPI defines them.</li>
 *   <li>GRU = {@code lbr_gru} ("linear before reset", PyTorch's GRU): oneDNN orders the gates
 *       u (= PyTorch's z), r, n, so PyTorch blocks (r, z, n) are permuted; its bias has four
 *       blocks: {@code b_z, b_r} (input + hidden), {@code b_in}, and {@code b_hn} which stays
 *       inside the reset product.</li>
 * </ul>
 */
enum RnnCell {
    LSTM(dnnl_vanilla_lstm, new int[] {0, 1, 2, 3}, 4),
    GRU(dnnl_lbr_gru, new int[] {1, 0, 2}, 4);

    /** oneDNN's algorithm kind. */
    final int algorithm;
    /** For oneDNN gate g, the PyTorch gate block it comes from. */
    final int[] torchGate;
    /** Number of H-sized bias blocks oneDNN takes. */
    final int biasGates;

    RnnCell(int algorithm, int[] torchGate, int biasGates) {
        this.algorithm = algorithm;
        this.torchGate = torchGate;
        this.biasGates = biasGates;
    }

    int gates() {
        return torchGate.length;
    }

    /** Whether oneDNN's gate order equals PyTorch's, so weights can be used in place. */
    boolean sameGateOrder() {
        for (int g = 0; g < torchGate.length; g++) {
            if (torchGate[g] != g) {
                return false;
            }
        }
        return true;
    }

    /** Whether the cell has a cell state c besides h. */
    boolean hasCellState() {
        return this == LSTM;
    }
}
