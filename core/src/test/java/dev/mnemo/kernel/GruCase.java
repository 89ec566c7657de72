package dev.mnemo.kernel;

import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** One random GRU problem with incoming loss gradients {@code dy, dhN}: {@code L = Σ y⊙dy + Σ hN⊙dhN}. */
public final class GruCase implements RecurrentCase {
    public final int steps, batch, input, hidden;
    public final Tensor x, h0, dy, dhN;
    public final GruWeights w;
    public final SeqOptions seq;

    /** Forward outputs and gradients of one run. */
    public record Result(Tensor y, Tensor hN, Tensor dx, Tensor dh0, GruWeights dw) {
        /** Outputs and gradients by name ({@code y, hN, dx, dh0, ...}). */
        public Map<String, Tensor> all() {
            Map<String, Tensor> m = new LinkedHashMap<>();
            m.put("y", y);
            m.put("hN", hN);
            gradients().forEach((k, v) -> m.put("d" + k, v));
            return m;
        }

        public Map<String, Tensor> gradients() {
            Map<String, Tensor> g = new LinkedHashMap<>();
            g.put("x", dx);
            if (dh0 != null) {
                g.put("h0", dh0);
            }
            g.putAll(GruCase.named(dw));
            return g;
        }
    }

    public GruCase(TestData data, int steps, int batch, int input, int hidden, boolean initialState, SeqOptions seq) {
        this.steps = steps;
        this.batch = batch;
        this.input = input;
        this.hidden = hidden;
        this.seq = seq;
        x = data.uniform(steps, batch, input);
        h0 = initialState ? data.uniform(0.5f, batch, hidden) : null;
        float s = (float) (1 / Math.sqrt(hidden));
        w = new GruWeights(data.uniform(s, 3 * hidden, input), data.uniform(s, 3 * hidden, hidden),
                data.uniform(s, 3 * hidden), data.uniform(s, 3 * hidden));
        dy = data.uniform(steps, batch, hidden);
        dhN = data.uniform(batch, hidden);
    }

    /** Forward in training mode, then backward. */
    public Result run(KernelBackend k, Scope scope) {
        Tensor y = scope.zeros(steps, batch, hidden);
        Tensor hN = scope.zeros(batch, hidden);
        Tensor ws = scope.zeros((int) k.gruWorkspaceSize(steps, batch, input, hidden));
        k.gruForward(y, hN, ws, x, h0, w, seq);
        Tensor dx = scope.zeros(steps, batch, input);
        Tensor dh0 = h0 == null ? null : scope.zeros(batch, hidden);
        GruWeights dw = new GruWeights(scope.zeros(w.wIh().shape()), scope.zeros(w.wHh().shape()),
                scope.zeros(w.bIh().shape()), scope.zeros(w.bHh().shape()));
        k.gruBackward(dx, dh0, dw, dy, dhN, x, h0, w, seq, y, ws);
        return new Result(y, hN, dx, dh0, dw);
    }

    /** The scalar loss from an inference-mode forward pass. */
    @Override
    public double loss(KernelBackend k) {
        try (Scope scope = Scope.open()) {
            Tensor y = scope.zeros(steps, batch, hidden);
            Tensor hN = scope.zeros(batch, hidden);
            k.gruForward(y, hN, null, x, h0, w, seq);
            return TestData.dot(y, dy) + TestData.dot(hN, dhN);
        }
    }

    @Override
    public Map<String, Tensor> outputsAndGradients(KernelBackend k, Scope scope) {
        return run(k, scope).all();
    }

    @Override
    public Tensor inferenceOutput(KernelBackend k, Scope scope) {
        Tensor y = scope.zeros(steps, batch, hidden);
            k.gruForward(y, null, null, x, h0, w, seq);
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
        }
        in.putAll(named(w));
        return in;
    }

    static Map<String, Tensor> named(GruWeights w) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("wIh", w.wIh());
        m.put("wHh", w.wHh());
        m.put("bIh", w.bIh());
        m.put("bHh", w.bHh());
        return m;
    }

    @Override
    public String toString() {
        return "GRU[T=" + steps + " B=" + batch + " I=" + input + " H=" + hidden + " state=" + (h0 != null) + " " + seq + "]";
    }
}
