package dev.mnemo.autograd;

import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.tensor.Tensor;
import java.lang.foreign.MemorySegment;

/**
 * Attention of decoder queries over an encoder's outputs, with padded encoder steps masked out.
 *
 * <p>Shapes: B batch, Tq query steps, Tk key steps, D query/key size, Dv value size, A
 * attention units. For each query {@code q_i} and keys {@code k_j}, values {@code v_j} of
 * sample b, with {@code len_b} valid keys:
 * <pre>
 *   e_ij = s · q_i · k_j                                   dot product (Luong et al. 2015), s = 1 or 1/√D
 *   e_ij = u · tanh(W_q q_i + W_k k_j + b)                 additive (Bahdanau et al. 2015)
 *   α_ij = exp(e_ij) / Σ_{j' &lt; len_b} exp(e_ij')   for j &lt; len_b, else 0
 *   c_i  = Σ_j α_ij v_j
 * </pre>
 * A sample with no valid keys gets zero weights and a zero context (where PyTorch would give
 * NaN). The dot-product form with s = 1/√D is {@code torch.nn.functional.scaled_dot_product_attention}
 * with a key-padding mask.
 */
public final class AttentionOps {
    private AttentionOps() {}

    /**
     * The result of an attention op.
     *
     * @param context [B, Tq, Dv] (or [B, Dv] for a single query [B, D]), keeping the query's lengths
     * @param weights [B, Tq, Tk] (or [B, Tk]): the attention weights α, 0 at padded keys
     */
    public record Attention(Variable context, Variable weights) {}

    /**
     * Dot-product attention.
     *
     * @param query      [B, Tq, D] or [B, D]
     * @param keys       [B, Tk, D]
     * @param values     [B, Tk, Dv] (often the same variable as {@code keys})
     * @param keyLengths valid keys per sample, or null (all Tk valid)
     * @param scaled     scale the scores by 1/√D (Vaswani et al. 2017) or not (Luong's "dot")
     */
    public static Attention dotProduct(Tape tape, Variable query, Variable keys, Variable values, int[] keyLengths,
                                       boolean scaled) {
        boolean single = query.value().rank() == 2;
        Variable q = single ? asSteps(tape, query) : query;
        checkShapes(q, keys, values, keyLengths);
        int d = q.value().dim(2);
        if (keys.value().dim(2) != d) {
            throw new IllegalArgumentException("dot-product attention: query " + query.value() + " and keys "
                    + keys.value() + " must have the same last axis");
        }
        Variable scores = batchedMatmul(tape, q, false, keys, true, scaled ? (float) (1 / Math.sqrt(d)) : 1f);
        return attend(tape, scores, values, keyLengths, single);
    }

    /**
     * Additive (Bahdanau) attention; {@code W_q}, {@code W_k} and {@code b} project queries and keys
     * to A units, {@code u} scores them.
     *
     * @param query      [B, Tq, Dq] or [B, Dq]
     * @param keys       [B, Tk, Dk]
     * @param values     [B, Tk, Dv]
     * @param keyLengths valid keys per sample, or null
     * @param wQuery     [A, Dq]
     * @param wKey       [A, Dk]
     * @param bias       [A], or null
     * @param u          [A]
     */
    public static Attention additive(Tape tape, Variable query, Variable keys, Variable values, int[] keyLengths,
                                     Variable wQuery, Variable wKey, Variable bias, Variable u) {
        boolean single = query.value().rank() == 2;
        Variable q = single ? asSteps(tape, query) : query;
        checkShapes(q, keys, values, keyLengths);
        Variable qp = MathOps.linear(tape, q, wQuery, null);
        Variable kp = MathOps.linear(tape, keys, wKey, bias);
        return attend(tape, additiveScores(tape, qp, kp, u), values, keyLengths, single);
    }

    private static Attention attend(Tape tape, Variable scores, Variable values, int[] keyLengths, boolean single) {
        Variable weights = maskedSoftmax(tape, scores, keyLengths);
        Variable context = batchedMatmul(tape, weights, false, values, false, 1f);
        if (!single) {
            return new Attention(context, weights);
        }
        int b = context.value().dim(0);
        return new Attention(LayoutOps.reshape(tape, context, context.lengths(), b, context.value().dim(2)),
                LayoutOps.reshape(tape, weights, weights.lengths(), b, weights.value().dim(2)));
    }

    /**
     * Batched matrix product {@code C_b = alpha · op(A_b) · op(B_b)} for every sample b, where
     * {@code op} transposes when asked: {@code A [B, M, K]} (or {@code [B, K, M]}),
     * {@code B [B, K, N]} (or {@code [B, N, K]}), {@code C [B, M, N]}, keeping A's lengths.
     * Backward: {@code dop(A) += alpha · dC · op(B)ᵀ}, {@code dop(B) += alpha · op(A)ᵀ · dC}.
     */
    public static Variable batchedMatmul(Tape tape, Variable a, boolean transA, Variable b, boolean transB,
                                         float alpha) {
        Tensor av = a.value(), bv = b.value();
        if (av.rank() != 3 || bv.rank() != 3 || av.dim(0) != bv.dim(0)) {
            throw new IllegalArgumentException("batchedMatmul: operands must be [B, ., .] with the same batch, got "
                    + av + " and " + bv);
        }
        int m = av.dim(transA ? 2 : 1), inner = av.dim(transA ? 1 : 2);
        int n = bv.dim(transB ? 1 : 2);
        if (bv.dim(transB ? 2 : 1) != inner) {
            throw new IllegalArgumentException("batchedMatmul: inner sizes differ: " + av + (transA ? "ᵀ" : "") + " · "
                    + bv + (transB ? "ᵀ" : ""));
        }
        int batch = av.dim(0);
        KernelBackend k = tape.kernels();
        Tensor c = tape.zeros(batch, m, n);
        for (int s = 0; s < batch; s++) {
            k.gemm(c.slice(s), av.slice(s), transA, bv.slice(s), transB, alpha, 0f);
        }
        return tape.result(c, a.lengths(), gc -> {
            Tensor ga = tape.grad(a), gb = tape.grad(b);
            for (int s = 0; s < batch; s++) {
                Tensor dc = gc.slice(s), as = av.slice(s), bs = bv.slice(s);
                if (ga != null && !transA) {
                    k.gemm(ga.slice(s), dc, false, bs, !transB, alpha, 1f);
                } else if (ga != null) {
                    k.gemm(ga.slice(s), bs, transB, dc, true, alpha, 1f);
                }
                if (gb != null && !transB) {
                    k.gemm(gb.slice(s), as, !transA, dc, false, alpha, 1f);
                } else if (gb != null) {
                    k.gemm(gb.slice(s), dc, true, as, transA, alpha, 1f);
                }
            }
        }, a, b);
    }

    /**
     * Softmax over the last axis of {@code scores [B, Tq, Tk]} restricted to the first
     * {@code keyLengths[b]} keys; the other weights are 0 (and a row without valid keys is all 0).
     * The kernel backend's {@code softmax} computes it, on the valid keys packed together.
     * Backward is the softmax gradient {@code de += α ⊙ (dα - Σ_j dα_j α_j)}, which is 0 at masked
     * keys since their α is 0.
     */
    public static Variable maskedSoftmax(Tape tape, Variable scores, int[] keyLengths) {
        Tensor e = scores.value();
        int batch = e.dim(0), rows = e.dim(1), keys = e.dim(2);
        Tensor y = tape.zeros(e.shape());
        KernelBackend k = tape.kernels();
        for (int b = 0; b < batch; b++) {
            int valid = keyLengths == null ? keys : Math.min(keyLengths[b], keys);
            if (valid == keys) {
                k.softmax(y.slice(b), e.slice(b));
            } else if (valid > 0) {
                Tensor packed = tape.zeros(rows, valid), weights = tape.zeros(rows, valid);
                copyColumns(e.slice(b), keys, packed, valid, rows, valid);
                k.softmax(weights, packed);
                copyColumns(weights, valid, y.slice(b), keys, rows, valid);
            }
        }
        return tape.result(y, scores.lengths(), gy -> k.softmaxBackward(tape.grad(scores), gy, y), scores);
    }

    /** Copies the first {@code columns} values of each of {@code rows} rows from {@code from} to {@code to} (row widths given). */
    private static void copyColumns(Tensor from, int fromWidth, Tensor to, int toWidth, int rows, int columns) {
        long bytes = (long) columns * Float.BYTES;
        for (int i = 0; i < rows; i++) {
            to.segment().asSlice((long) i * toWidth * Float.BYTES, bytes)
                    .copyFrom(from.segment().asSlice((long) i * fromWidth * Float.BYTES, bytes));
        }
    }

    /**
     * Bahdanau scores from projected queries and keys: {@code e[b,i,j] = Σ_a u_a tanh(qp[b,i,a] + kp[b,j,a])}.
     * Backward, with {@code t = tanh(·)} recomputed and {@code δ = de[b,i,j] · u_a · (1 - t²)}:
     * {@code dqp[b,i,a] += Σ_j δ}, {@code dkp[b,j,a] += Σ_i δ}, {@code du_a += Σ_{b,i,j} de[b,i,j] · t}.
     *
     * @param qp [B, Tq, A]
     * @param kp [B, Tk, A]
     * @param u  [A]
     * @return [B, Tq, Tk]
     */
    public static Variable additiveScores(Tape tape, Variable qp, Variable kp, Variable u) {
        Tensor q = qp.value(), kv = kp.value(), uv = u.value();
        int batch = q.dim(0), rows = q.dim(1), keys = kv.dim(1), units = q.dim(2);
        if (kv.rank() != 3 || kv.dim(0) != batch || kv.dim(2) != units || !uv.hasShape(units)) {
            throw new IllegalArgumentException("additiveScores: need qp [B, Tq, A], kp [B, Tk, A] and u [A], got "
                    + q + ", " + kv + " and " + uv);
        }
        Tensor e = tape.zeros(batch, rows, keys);
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < rows; i++) {
                long qBase = ((long) b * rows + i) * units;
                for (int j = 0; j < keys; j++) {
                    long kBase = ((long) b * keys + j) * units;
                    double sum = 0;
                    for (int a = 0; a < units; a++) {
                        sum += uv.get(a) * Math.tanh(q.get(qBase + a) + kv.get(kBase + a));
                    }
                    e.set(((long) b * rows + i) * keys + j, (float) sum);
                }
            }
        }
        return tape.result(e, qp.lengths(), ge -> {
            Tensor gq = tape.grad(qp), gk = tape.grad(kp), gu = tape.grad(u);
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < rows; i++) {
                    long qBase = ((long) b * rows + i) * units;
                    for (int j = 0; j < keys; j++) {
                        float g = ge.get(((long) b * rows + i) * keys + j);
                        if (g == 0f) {
                            continue;
                        }
                        long kBase = ((long) b * keys + j) * units;
                        for (int a = 0; a < units; a++) {
                            float t = (float) Math.tanh(q.get(qBase + a) + kv.get(kBase + a));
                            float delta = g * uv.get(a) * (1 - t * t);
                            if (gq != null) {
                                gq.add(qBase + a, delta);
                            }
                            if (gk != null) {
                                gk.add(kBase + a, delta);
                            }
                            if (gu != null) {
                                gu.add(a, g * t);
                            }
                        }
                    }
                }
            }
        }, qp, kp, u);
    }

    /** {@code [B, D] → [B, 1, D]}: a single query as a one-step sequence. */
    private static Variable asSteps(Tape tape, Variable query) {
        return LayoutOps.reshape(tape, query, query.lengths(), query.value().dim(0), 1, query.value().dim(1));
    }

    private static void checkShapes(Variable q, Variable keys, Variable values, int[] keyLengths) {
        Tensor qv = q.value(), kv = keys.value(), vv = values.value();
        if (qv.rank() != 3 || kv.rank() != 3 || vv.rank() != 3) {
            throw new IllegalArgumentException("attention: query must be [B, Tq, D] or [B, D], keys [B, Tk, D] and values"
                    + " [B, Tk, Dv], got " + qv + ", " + kv + " and " + vv);
        }
        if (kv.dim(0) != qv.dim(0) || vv.dim(0) != qv.dim(0) || vv.dim(1) != kv.dim(1)) {
            throw new IllegalArgumentException("attention: query " + qv + ", keys " + kv + " and values " + vv
                    + " must share the batch, and keys and values the steps");
        }
        if (keyLengths != null && keyLengths.length != qv.dim(0)) {
            throw new IllegalArgumentException("attention: " + keyLengths.length + " key lengths for a batch of "
                    + qv.dim(0));
        }
        for (int b = 0; keyLengths != null && b < keyLengths.length; b++) {
            if (keyLengths[b] < 0 || keyLengths[b] > kv.dim(1)) {
                throw new IllegalArgumentException("attention: key length " + keyLengths[b] + " of sample " + b
                        + " is outside [0, " + kv.dim(1) + "] (the key steps of " + kv + ")");
            }
        }
    }
}
