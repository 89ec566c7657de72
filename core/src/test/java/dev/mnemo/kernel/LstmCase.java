package dev.mnemo.kernel;

import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One random LSTM problem: inputs, weights, options and incoming loss gradients
 * {@code dy, dhN, dcN}, so that {@code L = Σ y⊙dy + Σ hN⊙dhN + Σ cN⊙dcN}.
 */
public final class LstmCase implements RecurrentCase {
    public final int steps, batch, input, hidden;
    public final Tensor x, h0, c0, dy, dhN, dcN;
    public final LstmWeights w;
    public final SeqOptions seq;

    /** Forward outputs and gradients of one run. */
    public record Result(Tensor y, Tensor hN, Tensor cN, Tensor dx, Tensor dh0, Tensor dc0, LstmWeights dw) {
        /** Outputs and gradients by name ({@code y, hN, cN, dx, dh0, ...}). */
        public Map<String, Tensor> all() {
            Map<String, Tensor> m = new LinkedHashMap<>();
            m.put("y", y);
            m.put("hN", hN);
            m.put("cN", cN);
            gradients().forEach((k, v) -> m.put("d" + k, v));
            return m;
        }

        public Map<String, Tensor> gradients() {
            Map<String, Tensor> g = new LinkedHashMap<>();
            g.put("x", dx);
            if (dh0 != null) {
                g.put("h0", dh0);
                g.put("c0", dc0);
            }
            g.putAll(LstmCase.named(dw));
            return g;
        }
    }

    public LstmCase(TestData data, int steps, int batch, int input, int hidden,
                    boolean peepholes, boolean initialState, SeqOptions seq) {
        this.steps = steps;
        this.batch = batch;
        this.input = input;
        this.hidden = hidden;
        this.seq = seq;
        x = data.uniform(steps, batch, input);
        h0 = initialState ? data.uniform(0.5f, batch, hidden) : null;
        c0 = initialState ? data.uniform(0.5f, batch, hidden) : null;
        float s = (float) (1 / Math.sqrt(hidden));
        w = new LstmWeights(data.uniform(s, 4 * hidden, input), data.uniform(s, 4 * hidden, hidden),
                data.uniform(s, 4 * hidden), data.uniform(s, 4 * hidden),
                peepholes ? data.uniform(0.5f, hidden) : null, peepholes ? data.uniform(0.5f, hidden) : null,
                peepholes ? data.uniform(0.5f, hidden) : null);
        dy = data.uniform(steps, batch, hidden);
        dhN = data.uniform(batch, hidden);
        dcN = data.uniform(batch, hidden);
    }

    /** Forward in training mode, then backward, on {@code k}; results live in {@code scope}. */
    public Result run(KernelBackend k, Scope scope) {
        Tensor y = scope.zeros(steps, batch, hidden);
        Tensor hN = scope.zeros(batch, hidden);
        Tensor cN = scope.zeros(batch, hidden);
        Tensor ws = scope.zeros((int) k.lstmWorkspaceSize(steps, batch, input, hidden));
        k.lstmForward(y, hN, cN, ws, x, h0, c0, w, seq);
        Tensor dx = scope.zeros(steps, batch, input);
        Tensor dh0 = h0 == null ? null : scope.zeros(batch, hidden);
        Tensor dc0 = c0 == null ? null : scope.zeros(batch, hidden);
        LstmWeights dw = zerosLike(w, scope);
        k.lstmBackward(dx, dh0, dc0, dw, dy, dhN, dcN, x, h0, c0, w, seq, y, ws);
        return new Result(y, hN, cN, dx, dh0, dc0, dw);
    }

    /** The scalar loss from an inference-mode forward pass (no workspace). */
    @Override
    public double loss(KernelBackend k) {
        try (Scope scope = Scope.open()) {
            Tensor y = scope.zeros(steps, batch, hidden);
            Tensor hN = scope.zeros(batch, hidden);
            Tensor cN = scope.zeros(batch, hidden);
            k.lstmForward(y, hN, cN, null, x, h0, c0, w, seq);
            return TestData.dot(y, dy) + TestData.dot(hN, dhN) + TestData.dot(cN, dcN);
        }
    }

    @Override
    public Map<String, Tensor> outputsAndGradients(KernelBackend k, Scope scope) {
        return run(k, scope).all();
    }

    @Override
    public Tensor inferenceOutput(KernelBackend k, Scope scope) {
        Tensor y = scope.zeros(steps, batch, hidden);
            k.lstmForward(y, null, null, null, x, h0, c0, w, seq);
        return y;
    }

    @Override
    public Tensor x() {
        return x;
    }

    @Override
    public SeqOptions seq() {
        return seq;
    }

    /** Every differentiable input by name, matching {@link Result#gradients()}. */
    @Override
    public Map<String, Tensor> inputs() {
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("x", x);
        if (h0 != null) {
            in.put("h0", h0);
            in.put("c0", c0);
        }
        in.putAll(named(w));
        return in;
    }

    static Map<String, Tensor> named(LstmWeights w) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("wIh", w.wIh());
        m.put("wHh", w.wHh());
        m.put("bIh", w.bIh());
        m.put("bHh", w.bHh());
        if (w.hasPeepholes()) {
            m.put("wCi", w.wCi());
            m.put("wCf", w.wCf());
            m.put("wCo", w.wCo());
        }
        return m;
    }

    static LstmWeights zerosLike(LstmWeights w, Scope scope) {
        return new LstmWeights(scope.zeros(w.wIh().shape()), scope.zeros(w.wHh().shape()),
                scope.zeros(w.bIh().shape()), scope.zeros(w.bHh().shape()),
                w.hasPeepholes() ? scope.zeros(w.wCi().shape()) : null,
                w.hasPeepholes() ? scope.zeros(w.wCf().shape()) : null,
                w.hasPeepholes() ? scope.zeros(w.wCo().shape()) : null);
    }

    @Override
    public String toString() {
        return "LSTM[T=" + steps + " B=" + batch + " I=" + input + " H=" + hidden + " peepholes=" + w.hasPeepholes()
                + " state=" + (h0 != null) + " " + seq + "]";
    }
}
