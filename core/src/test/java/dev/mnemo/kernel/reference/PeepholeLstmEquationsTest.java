package dev.mnemo.kernel.reference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.kernel.Compare;
import dev.mnemo.kernel.LstmCase;
import dev.mnemo.kernel.SeqOptions;
import dev.mnemo.kernel.TestData;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * PyTorch has no peephole LSTM, so the peephole path is checked against an independent
 * double-precision implementation of the Gers-Schmidhuber equations written here from the
 * formulas (not from the reference code): outputs must agree to 1e-5 and every gradient must
 * agree to 1e-4 (float32 accumulation over the sequence) with central differences of the double implementation. Inputs are stored as
 * float32, so the steps are float-representable (1e-3 and 5e-4, divided by the exact stored
 * difference) and Richardson extrapolation cancels the eps² truncation error; the loss itself
 * is evaluated in double, so no float32 noise enters the numeric gradient.
 */
class PeepholeLstmEquationsTest {

    /** The equations, in double, over whole sequences with per-sample lengths and direction. */
    private static double loss(LstmCase c) {
        int steps = c.steps, batch = c.batch, in = c.input, hid = c.hidden;
        double total = 0;
        for (int b = 0; b < batch; b++) {
            double[] h = new double[hid], cell = new double[hid];
            for (int j = 0; j < hid; j++) {
                h[j] = c.h0 == null ? 0 : c.h0.get((long) b * hid + j);
                cell[j] = c.c0 == null ? 0 : c.c0.get((long) b * hid + j);
            }
            int length = c.seq.length(b, steps);
            for (int k = 0; k < length; k++) {
                int t = c.seq.timeIndex(k, length);
                double[] hNew = new double[hid], cNew = new double[hid];
                for (int j = 0; j < hid; j++) {
                    double[] a = new double[4];
                    for (int gate = 0; gate < 4; gate++) {
                        int row = gate * hid + j;
                        double sum = c.w.bIh().get(row) + c.w.bHh().get(row);
                        for (int i = 0; i < in; i++) {
                            sum += (double) c.w.wIh().get((long) row * in + i) * c.x.get(((long) t * batch + b) * in + i);
                        }
                        for (int i = 0; i < hid; i++) {
                            sum += (double) c.w.wHh().get((long) row * hid + i) * h[i];
                        }
                        a[gate] = sum;
                    }
                    double inputGate = sigmoid(a[0] + c.w.wCi().get(j) * cell[j]);
                    double forgetGate = sigmoid(a[1] + c.w.wCf().get(j) * cell[j]);
                    double candidate = Math.tanh(a[2]);
                    cNew[j] = forgetGate * cell[j] + inputGate * candidate;
                    double outputGate = sigmoid(a[3] + c.w.wCo().get(j) * cNew[j]);
                    hNew[j] = outputGate * Math.tanh(cNew[j]);
                    total += hNew[j] * c.dy.get(((long) t * batch + b) * hid + j);
                }
                h = hNew;
                cell = cNew;
            }
            for (int j = 0; j < hid; j++) {
                total += h[j] * c.dhN.get((long) b * hid + j) + cell[j] * c.dcN.get((long) b * hid + j);
            }
        }
        return total;
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    @Test
    void peepholeGradientsMatchDoublePrecisionEquations() {
        try (Scope scope = Scope.open()) {
            TestData data = new TestData(scope, new Random(7));
            for (SeqOptions seq : new SeqOptions[] {SeqOptions.FORWARD, SeqOptions.lengths(5, 2, 0).reversed()}) {
                LstmCase c = new LstmCase(data, 5, 3, 4, 6, true, true, seq);
                LstmCase.Result r = c.run(new ReferenceBackend(), scope);
                double floatLoss = TestData.dot(r.y(), c.dy) + TestData.dot(r.hN(), c.dhN) + TestData.dot(r.cN(), c.dcN);
                double exactLoss = loss(c);
                assertTrue(Math.abs(floatLoss - exactLoss) <= 1e-5 * Math.max(1, Math.abs(exactLoss)),
                        "forward: float loss " + floatLoss + " vs double equations " + exactLoss);
                Compare cmp = new Compare("reference vs double equations");
                Map<String, Tensor> grads = r.gradients();
                c.inputs().forEach((name, input) -> {
                    Tensor numeric = scope.zeros(input.shape());
                    for (long i = 0; i < input.size(); i++) {
                        numeric.set(i, (float) derivative(c, input, i));
                    }
                    cmp.close(c + " d" + name, numeric, grads.get(name), 1e-4);
                });
                System.out.println(cmp.summary("peephole LSTM gradients"));
            }
        }
    }

    /** dL/d input[i] of the double equations: two central differences combined by Richardson extrapolation. */
    private static double derivative(LstmCase c, Tensor input, long i) {
        float original = input.get(i);
        double d1 = central(c, input, i, original, 1e-3f);
        double d2 = central(c, input, i, original, 5e-4f);
        input.set(i, original);
        return (4 * d2 - d1) / 3; // Richardson: removes the eps² error term
    }

    private static double central(LstmCase c, Tensor input, long i, float original, float eps) {
        float plus = original + eps, minus = original - eps;
        input.set(i, plus);
        double lp = loss(c);
        input.set(i, minus);
        double lm = loss(c);
        return (lp - lm) / ((double) plus - minus);
    }
}
