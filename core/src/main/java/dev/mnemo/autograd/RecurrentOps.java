package dev.mnemo.autograd;

import dev.mnemo.kernel.GruWeights;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.kernel.LstmWeights;
import dev.mnemo.kernel.SeqOptions;
import dev.mnemo.tensor.Tensor;

/**
 * Whole-sequence LSTM and GRU as single graph nodes: forward is one SPI call, backward one SPI
 * call (backpropagation through time inside the kernel). Sequences are time-major {@code [T, B, F]}.
 */
public final class RecurrentOps {
    private RecurrentOps() {}

    /** LSTM weights as variables (peepholes null for the peephole-free cell). */
    public record LstmParams(Variable wIh, Variable wHh, Variable bIh, Variable bHh,
                             Variable wCi, Variable wCf, Variable wCo) {
        LstmWeights values() {
            return new LstmWeights(wIh.value(), wHh.value(), bIh.value(), bHh.value(), val(wCi), val(wCf), val(wCo));
        }

        LstmWeights grads(Tape tape) {
            return new LstmWeights(tape.grad(wIh), tape.grad(wHh), tape.grad(bIh), tape.grad(bHh),
                    tape.grad(wCi), tape.grad(wCf), tape.grad(wCo));
        }

        boolean requiresGrad() {
            return wIh.requiresGrad();
        }
    }

    /** GRU weights as variables. */
    public record GruParams(Variable wIh, Variable wHh, Variable bIh, Variable bHh) {
        GruWeights values() {
            return new GruWeights(wIh.value(), wHh.value(), bIh.value(), bHh.value());
        }

        GruWeights grads(Tape tape) {
            return new GruWeights(tape.grad(wIh), tape.grad(wHh), tape.grad(bIh), tape.grad(bHh));
        }
    }

    /** Outputs of a recurrent op: all steps {@code y [T, B, H]}, final state {@code h [B, H]}, final cell (LSTM only). */
    public record Outputs(Variable y, Variable h, Variable c) {}

    /**
     * LSTM over {@code x [T, B, I]} (see {@link KernelBackend#lstmForward} for the equations).
     *
     * @param h0 initial state {@code [B, H]} or null; {@code c0} likewise
     */
    public static Outputs lstm(Tape tape, Variable x, Variable h0, Variable c0, LstmParams p, SeqOptions seq) {
        KernelBackend k = tape.kernels();
        int steps = x.value().dim(0), batch = x.value().dim(1), input = x.value().dim(2), hidden = p.wHh().value().dim(1);
        LstmWeights w = p.values();
        boolean grad = tape.anyRequiresGrad(x, h0, c0, p.wIh(), p.wHh());
        Tensor y = tape.zeros(steps, batch, hidden), hN = tape.zeros(batch, hidden), cN = tape.zeros(batch, hidden);
        Tensor ws = grad ? tape.zeros(Math.toIntExact(k.lstmWorkspaceSize(steps, batch, input, hidden))) : null;
        k.lstmForward(y, hN, cN, ws, x.value(), val(h0), val(c0), w, seq);
        Outputs out = new Outputs(tape.output(y, grad, null), tape.output(hN, grad, null), tape.output(cN, grad, null));
        if (grad) {
            tape.record(() -> {
                Tensor dy = out.y().gradOrNull(), dhN = out.h().gradOrNull(), dcN = out.c().gradOrNull();
                if (dy == null && dhN == null && dcN == null) {
                    return;
                }
                k.lstmBackward(tape.grad(x), tape.grad(h0), tape.grad(c0), gradsOrScratch(tape, p), dy, dhN, dcN,
                        x.value(), val(h0), val(c0), w, seq, y, ws);
            });
        }
        return out;
    }

    /** GRU over {@code x [T, B, I]} (PyTorch semantics; see {@link KernelBackend#gruForward}). */
    public static Outputs gru(Tape tape, Variable x, Variable h0, GruParams p, SeqOptions seq) {
        KernelBackend k = tape.kernels();
        int steps = x.value().dim(0), batch = x.value().dim(1), input = x.value().dim(2), hidden = p.wHh().value().dim(1);
        GruWeights w = p.values();
        boolean grad = tape.anyRequiresGrad(x, h0, p.wIh(), p.wHh());
        Tensor y = tape.zeros(steps, batch, hidden), hN = tape.zeros(batch, hidden);
        Tensor ws = grad ? tape.zeros(Math.toIntExact(k.gruWorkspaceSize(steps, batch, input, hidden))) : null;
        k.gruForward(y, hN, ws, x.value(), val(h0), w, seq);
        Outputs out = new Outputs(tape.output(y, grad, null), tape.output(hN, grad, null), null);
        if (grad) {
            tape.record(() -> {
                Tensor dy = out.y().gradOrNull(), dhN = out.h().gradOrNull();
                if (dy == null && dhN == null) {
                    return;
                }
                GruWeights dw = p.wIh().requiresGrad() ? p.grads(tape) : new GruWeights(
                        tape.zeros(w.wIh().shape()), tape.zeros(w.wHh().shape()),
                        tape.zeros(w.bIh().shape()), tape.zeros(w.bHh().shape()));
                k.gruBackward(tape.grad(x), tape.grad(h0), dw, dy, dhN, x.value(), val(h0), w, seq, y, ws);
            });
        }
        return out;
    }

    /** Weight gradients, or scratch tensors when the weights are frozen (the SPI always writes them). */
    private static LstmWeights gradsOrScratch(Tape tape, LstmParams p) {
        if (p.requiresGrad()) {
            return p.grads(tape);
        }
        LstmWeights w = p.values();
        return new LstmWeights(tape.zeros(w.wIh().shape()), tape.zeros(w.wHh().shape()),
                tape.zeros(w.bIh().shape()), tape.zeros(w.bHh().shape()),
                w.hasPeepholes() ? tape.zeros(w.wCi().shape()) : null,
                w.hasPeepholes() ? tape.zeros(w.wCf().shape()) : null,
                w.hasPeepholes() ? tape.zeros(w.wCo().shape()) : null);
    }

    static Tensor val(Variable v) {
        return v == null ? null : v.value();
    }
}
