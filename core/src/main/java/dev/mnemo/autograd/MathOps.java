package dev.mnemo.autograd;

import dev.mnemo.kernel.Activation;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.tensor.Tensor;

/** Dense algebra, element-wise ops, activations, softmax and reductions, with their gradients. */
public final class MathOps {
    private MathOps() {}

    /**
     * Affine map over the last axis, PyTorch's {@code nn.Linear}: {@code y = x Wᵀ + b}.
     *
     * @param x [..., I] (leading axes are flattened into rows and restored)
     * @param w [O, I]
     * @param b [O], or null
     * @return [..., O], keeping {@code x}'s sequence lengths
     */
    public static Variable linear(Tape tape, Variable x, Variable w, Variable b) {
        int[] xs = x.shape();
        int in = xs[xs.length - 1], out = w.value().dim(0);
        if (w.value().rank() != 2 || w.value().dim(1) != in) {
            throw new IllegalArgumentException("linear: weight must be [O, I] with I = " + in + " (the last axis of x "
                    + x.value() + ") but is " + w.value());
        }
        int rows = (int) (x.value().size() / Math.max(1, in));
        Tensor x2 = x.value().view(rows, in);
        int[] ys = xs.clone();
        ys[ys.length - 1] = out;
        Tensor y = tape.zeros(ys);
        Tensor y2 = y.view(rows, out);
        KernelBackend k = tape.kernels();
        k.gemm(y2, x2, false, w.value(), true, 1f, 0f);
        if (b != null) {
            k.addRowVector(y2, b.value());
        }
        return tape.result(y, x.lengths(), gy -> {
            Tensor gy2 = gy.view(rows, out);
            Tensor gx = tape.grad(x);
            if (gx != null) {
                k.gemm(gx.view(rows, in), gy2, false, w.value(), false, 1f, 1f);
            }
            Tensor gw = tape.grad(w);
            if (gw != null) {
                k.gemm(gw, gy2, true, x2, false, 1f, 1f);
            }
            Tensor gb = tape.grad(b);
            if (gb != null) {
                k.sumRows(gb, gy2);
            }
        }, x, w, b);
    }

    /** {@code a + b} (same shapes). */
    public static Variable add(Tape tape, Variable a, Variable b) {
        Tensor y = tape.zeros(a.shape());
        tape.kernels().add(y, a.value(), b.value());
        return tape.result(y, a.lengths(), gy -> {
            accumulate(tape, a, gy, 1f);
            accumulate(tape, b, gy, 1f);
        }, a, b);
    }

    /** {@code a ⊙ b} (same shapes). */
    public static Variable mul(Tape tape, Variable a, Variable b) {
        Tensor y = tape.zeros(a.shape());
        KernelBackend k = tape.kernels();
        k.mul(y, a.value(), b.value());
        return tape.result(y, a.lengths(), gy -> {
            Tensor tmp = tape.zeros(gy.shape());
            if (a.requiresGrad()) {
                k.mul(tmp, gy, b.value());
                k.axpy(1f, tmp, tape.grad(a));
            }
            if (b.requiresGrad()) {
                k.mul(tmp, gy, a.value());
                k.axpy(1f, tmp, tape.grad(b));
            }
        }, a, b);
    }

    /** {@code alpha · x}. */
    public static Variable scale(Tape tape, Variable x, float alpha) {
        Tensor y = tape.zeros(x.shape());
        tape.kernels().axpy(alpha, x.value(), y);
        return tape.result(y, x.lengths(), gy -> accumulate(tape, x, gy, alpha), x);
    }

    /** Element-wise activation {@code f(x)}. */
    public static Variable activation(Tape tape, Activation f, Variable x) {
        Tensor y = tape.zeros(x.shape());
        KernelBackend k = tape.kernels();
        k.activation(f, y, x.value());
        return tape.result(y, x.lengths(), gy -> k.activationBackward(f, tape.grad(x), gy, x.value(), y), x);
    }

    /** Softmax over the last axis. */
    public static Variable softmax(Tape tape, Variable x) {
        Tensor y = tape.zeros(x.shape());
        KernelBackend k = tape.kernels();
        k.softmax(y, x.value());
        return tape.result(y, x.lengths(), gy -> k.softmaxBackward(tape.grad(x), gy, y), x);
    }

    /** Log-softmax over the last axis. */
    public static Variable logSoftmax(Tape tape, Variable x) {
        Tensor y = tape.zeros(x.shape());
        KernelBackend k = tape.kernels();
        k.logSoftmax(y, x.value());
        return tape.result(y, x.lengths(), gy -> k.logSoftmaxBackward(tape.grad(x), gy, y), x);
    }

    /**
     * Inverted dropout: in training, each element is kept with probability {@code 1 - rate} and
     * scaled by {@code 1 / (1 - rate)}; at inference the identity.
     */
    public static Variable dropout(Tape tape, Variable x, float rate) {
        if (rate < 0f || rate >= 1f) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
        }
        if (!tape.isTraining() || rate == 0f) {
            return x;
        }
        Tensor mask = tape.zeros(x.shape());
        float keep = 1f / (1f - rate);
        for (long i = 0; i < mask.size(); i++) {
            mask.set(i, tape.random().nextFloat() < rate ? 0f : keep);
        }
        Tensor y = tape.zeros(x.shape());
        KernelBackend k = tape.kernels();
        k.mul(y, x.value(), mask);
        return tape.result(y, x.lengths(), gy -> {
            Tensor tmp = tape.zeros(gy.shape());
            k.mul(tmp, gy, mask);
            k.axpy(1f, tmp, tape.grad(x));
        }, x);
    }

    /** Sum of all elements, a one-element tensor. */
    public static Variable sum(Tape tape, Variable x) {
        Tensor y = tape.zeros(1);
        double s = 0;
        for (long i = 0; i < x.value().size(); i++) {
            s += x.value().get(i);
        }
        y.set(0, (float) s);
        return tape.result(y, null, gy -> {
            Tensor gx = tape.grad(x);
            float g = gy.get(0);
            for (long i = 0; i < gx.size(); i++) {
                gx.add(i, g);
            }
        }, x);
    }

    /** Adds {@code alpha · g} into {@code v}'s gradient when it needs one. */
    static void accumulate(Tape tape, Variable v, Tensor g, float alpha) {
        Tensor gv = tape.grad(v);
        if (gv != null) {
            tape.kernels().axpy(alpha, g, gv.view(g.shape()));
        }
    }
}
