package dev.mnemo.kernel.reference;

import dev.mnemo.tensor.Tensor;

/** The few element-wise ops and reductions layers and optimizers need. */
final class ReferenceElementwise {
    private ReferenceElementwise() {}

    static void add(Tensor out, Tensor a, Tensor b) {
        for (long i = 0; i < out.size(); i++) {
            out.set(i, a.get(i) + b.get(i));
        }
    }

    static void mul(Tensor out, Tensor a, Tensor b) {
        for (long i = 0; i < out.size(); i++) {
            out.set(i, a.get(i) * b.get(i));
        }
    }

    static void axpy(float alpha, Tensor x, Tensor y) {
        for (long i = 0; i < y.size(); i++) {
            y.add(i, alpha * x.get(i));
        }
    }

    static void scale(Tensor x, float alpha) {
        for (long i = 0; i < x.size(); i++) {
            x.set(i, alpha * x.get(i));
        }
    }

    static void addRowVector(Tensor y, Tensor bias) {
        int cols = bias.dim(0);
        for (long i = 0; i < y.size(); i++) {
            y.add(i, bias.get(i % cols));
        }
    }

    static void sumRows(Tensor out, Tensor x) {
        int cols = out.dim(0);
        for (long i = 0; i < x.size(); i++) {
            out.add(i % cols, x.get(i));
        }
    }

    static double sumOfSquares(Tensor x) {
        double sum = 0;
        for (long i = 0; i < x.size(); i++) {
            double v = x.get(i);
            sum += v * v;
        }
        return sum;
    }
}
