package dev.mnemo.kernels.vector.rnn;

import dev.mnemo.kernels.vector.gemm.Gemm;

/**
 * Writes single values of a {@code [rows, depth]} matrix straight into GEMM's packed-A layout,
 * so the fused gate passes produce the next recurrent GEMM's left operand (the hidden state,
 * or the gate gradients) without a separate packing pass:
 * {@code packed[(r / MR)·MR·depth + p·MR + r % MR] = value}.
 */
final class PackedRows {
    private static final int MR = Gemm.panelHeight();

    private PackedRows() {}

    static int size(int rows, int depth) {
        return Gemm.packedSize(rows, depth, true);
    }

    static int index(int row, int p, int depth) {
        return (row / MR) * MR * depth + p * MR + row % MR;
    }

    /** Writes {@code values[from .. from+n)} as entries {@code (row, p0 .. p0+n)}. */
    static void put(float[] packed, int row, int p0, int depth, float[] values, int from, int n) {
        int base = index(row, p0, depth);
        for (int l = 0; l < n; l++) {
            packed[base + l * MR] = values[from + l];
        }
    }

    /** Copies entries {@code (row, p0 .. p0+n)} from one packed matrix to another (a frozen state). */
    static void copy(float[] from, float[] to, int row, int p0, int n, int depth) {
        int base = index(row, p0, depth);
        for (int l = 0; l < n; l++) {
            to[base + l * MR] = from[base + l * MR];
        }
    }
}
