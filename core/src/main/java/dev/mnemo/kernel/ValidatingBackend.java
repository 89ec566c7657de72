package dev.mnemo.kernel;

import dev.mnemo.tensor.Tensor;

/**
 * Checks every argument of the SPI (shapes, ranks, sequence lengths, workspace sizes), then
 * delegates. {@link Backends} wraps each backend it hands out in one, so backends themselves
 * can trust their inputs and every backend rejects bad input with the same messages. A shared
 * backend's {@link #close()} does nothing (others use it; {@link Backends} closes it at exit); an
 * owned one closes the backend it wraps.
 */
final class ValidatingBackend implements KernelBackend {
    private final KernelBackend inner;
    private final boolean owned;

    /** An owned wrapper: closing it closes {@code inner}. */
    ValidatingBackend(KernelBackend inner) {
        this(inner, true);
    }

    ValidatingBackend(KernelBackend inner, boolean owned) {
        this.inner = inner;
        this.owned = owned;
    }

    @Override
    public void close() {
        if (owned) {
            inner.close();
        }
    }

    /** The unchecked backend underneath. */
    KernelBackend inner() {
        return inner;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public int threads() {
        return inner.threads();
    }

    @Override
    public void gemm(Tensor c, Tensor a, boolean transA, Tensor b, boolean transB, float alpha, float beta) {
        ShapeCheck check = new ShapeCheck("gemm");
        check.rank("a", a, transA ? "[K, M]" : "[M, K]", 2);
        check.rank("b", b, transB ? "[N, K]" : "[K, N]", 2);
        int m = transA ? a.dim(1) : a.dim(0);
        int k = transA ? a.dim(0) : a.dim(1);
        int kb = transB ? b.dim(1) : b.dim(0);
        int n = transB ? b.dim(0) : b.dim(1);
        check.require(k == kb, "inner dimensions differ: op(a) is [" + m + ", " + k + "] (transA=" + transA
                + "), op(b) is [" + kb + ", " + n + "] (transB=" + transB + ")");
        check.shape("c", c, "[M, N]", m, n);
        inner.gemm(c, a, transA, b, transB, alpha, beta);
    }

    @Override
    public long lstmWorkspaceSize(int steps, int batch, int input, int hidden) {
        requireNonNegative("lstmWorkspaceSize", steps, batch, input, hidden);
        return inner.lstmWorkspaceSize(steps, batch, input, hidden);
    }

    @Override
    public void lstmForward(Tensor y, Tensor hN, Tensor cN, Tensor workspace,
                            Tensor x, Tensor h0, Tensor c0, LstmWeights w, SeqOptions seq) {
        ShapeCheck check = new ShapeCheck("lstmForward");
        int[] tbih = checkLstm(check, x, h0, c0, w, seq);
        int t = tbih[0], b = tbih[1], i = tbih[2], h = tbih[3];
        check.shape("y", y, "[T, B, H]", t, b, h);
        check.optional("hN", hN, "[B, H]", b, h);
        check.optional("cN", cN, "[B, H]", b, h);
        if (workspace != null) {
            checkWorkspace(check, workspace, inner.lstmWorkspaceSize(t, b, i, h));
        }
        inner.lstmForward(y, hN, cN, workspace, x, h0, c0, w, seq);
    }

    @Override
    public void lstmBackward(Tensor dx, Tensor dh0, Tensor dc0, LstmWeights dw, Tensor dy, Tensor dhN, Tensor dcN,
                             Tensor x, Tensor h0, Tensor c0, LstmWeights w, SeqOptions seq, Tensor y, Tensor workspace) {
        ShapeCheck check = new ShapeCheck("lstmBackward");
        int[] tbih = checkLstm(check, x, h0, c0, w, seq);
        int t = tbih[0], b = tbih[1], i = tbih[2], h = tbih[3];
        check.optional("dx", dx, "[T, B, I]", t, b, i);
        check.require(dh0 == null || h0 != null, "dh0 given but h0 is null");
        check.require(dc0 == null || c0 != null, "dc0 given but c0 is null");
        check.optional("dh0", dh0, "[B, H]", b, h);
        check.optional("dc0", dc0, "[B, H]", b, h);
        check.require(dw != null, "dw must not be null");
        checkLstmWeights(check, "dw.", dw, i, h, w.hasPeepholes());
        check.optional("dy", dy, "[T, B, H]", t, b, h);
        check.optional("dhN", dhN, "[B, H]", b, h);
        check.optional("dcN", dcN, "[B, H]", b, h);
        check.shape("y", y, "[T, B, H]", t, b, h);
        checkWorkspace(check, workspace, inner.lstmWorkspaceSize(t, b, i, h));
        inner.lstmBackward(dx, dh0, dc0, dw, dy, dhN, dcN, x, h0, c0, w, seq, y, workspace);
    }

    private static int[] checkLstm(ShapeCheck check, Tensor x, Tensor h0, Tensor c0, LstmWeights w, SeqOptions seq) {
        check.rank("x", x, "[T, B, I]", 3);
        check.require(w != null, "weights must not be null");
        check.rank("w.wHh", w.wHh(), "[4H, H]", 2);
        int t = x.dim(0), b = x.dim(1), i = x.dim(2), h = w.wHh().dim(1);
        checkLstmWeights(check, "w.", w, i, h, w.hasPeepholes());
        check.optional("h0", h0, "[B, H]", b, h);
        check.optional("c0", c0, "[B, H]", b, h);
        check.lengths(seq, t, b);
        return new int[] {t, b, i, h};
    }

    private static void checkLstmWeights(ShapeCheck check, String prefix, LstmWeights w, int i, int h, boolean peep) {
        check.shape(prefix + "wIh", w.wIh(), "[4H, I]", 4 * h, i);
        check.shape(prefix + "wHh", w.wHh(), "[4H, H]", 4 * h, h);
        check.shape(prefix + "bIh", w.bIh(), "[4H]", 4 * h);
        check.shape(prefix + "bHh", w.bHh(), "[4H]", 4 * h);
        if (peep) {
            check.shape(prefix + "wCi", w.wCi(), "[H]", h);
            check.shape(prefix + "wCf", w.wCf(), "[H]", h);
            check.shape(prefix + "wCo", w.wCo(), "[H]", h);
        } else {
            check.require(w.wCi() == null && w.wCf() == null && w.wCo() == null,
                    prefix + "wCi, wCf, wCo: peephole vectors must be given all three or none");
        }
    }

    @Override
    public long gruWorkspaceSize(int steps, int batch, int input, int hidden) {
        requireNonNegative("gruWorkspaceSize", steps, batch, input, hidden);
        return inner.gruWorkspaceSize(steps, batch, input, hidden);
    }

    @Override
    public void gruForward(Tensor y, Tensor hN, Tensor workspace, Tensor x, Tensor h0, GruWeights w, SeqOptions seq) {
        ShapeCheck check = new ShapeCheck("gruForward");
        int[] tbih = checkGru(check, x, h0, w, seq);
        int t = tbih[0], b = tbih[1], i = tbih[2], h = tbih[3];
        check.shape("y", y, "[T, B, H]", t, b, h);
        check.optional("hN", hN, "[B, H]", b, h);
        if (workspace != null) {
            checkWorkspace(check, workspace, inner.gruWorkspaceSize(t, b, i, h));
        }
        inner.gruForward(y, hN, workspace, x, h0, w, seq);
    }

    @Override
    public void gruBackward(Tensor dx, Tensor dh0, GruWeights dw, Tensor dy, Tensor dhN,
                            Tensor x, Tensor h0, GruWeights w, SeqOptions seq, Tensor y, Tensor workspace) {
        ShapeCheck check = new ShapeCheck("gruBackward");
        int[] tbih = checkGru(check, x, h0, w, seq);
        int t = tbih[0], b = tbih[1], i = tbih[2], h = tbih[3];
        check.optional("dx", dx, "[T, B, I]", t, b, i);
        check.require(dh0 == null || h0 != null, "dh0 given but h0 is null");
        check.optional("dh0", dh0, "[B, H]", b, h);
        check.require(dw != null, "dw must not be null");
        checkGruWeights(check, "dw.", dw, i, h);
        check.optional("dy", dy, "[T, B, H]", t, b, h);
        check.optional("dhN", dhN, "[B, H]", b, h);
        check.shape("y", y, "[T, B, H]", t, b, h);
        checkWorkspace(check, workspace, inner.gruWorkspaceSize(t, b, i, h));
        inner.gruBackward(dx, dh0, dw, dy, dhN, x, h0, w, seq, y, workspace);
    }

    private static int[] checkGru(ShapeCheck check, Tensor x, Tensor h0, GruWeights w, SeqOptions seq) {
        check.rank("x", x, "[T, B, I]", 3);
        check.require(w != null, "weights must not be null");
        check.rank("w.wHh", w.wHh(), "[3H, H]", 2);
        int t = x.dim(0), b = x.dim(1), i = x.dim(2), h = w.wHh().dim(1);
        checkGruWeights(check, "w.", w, i, h);
        check.optional("h0", h0, "[B, H]", b, h);
        check.lengths(seq, t, b);
        return new int[] {t, b, i, h};
    }

    private static void checkGruWeights(ShapeCheck check, String prefix, GruWeights w, int i, int h) {
        check.shape(prefix + "wIh", w.wIh(), "[3H, I]", 3 * h, i);
        check.shape(prefix + "wHh", w.wHh(), "[3H, H]", 3 * h, h);
        check.shape(prefix + "bIh", w.bIh(), "[3H]", 3 * h);
        check.shape(prefix + "bHh", w.bHh(), "[3H]", 3 * h);
    }

    private static void checkWorkspace(ShapeCheck check, Tensor workspace, long size) {
        check.require(workspace != null, "workspace must not be null (run the forward op with one)");
        check.require(workspace.size() >= size, "workspace holds " + workspace.size()
                + " floats but this backend needs " + size + " (ask lstmWorkspaceSize/gruWorkspaceSize)");
    }

    @Override
    public void conv2dForward(Tensor y, Tensor x, Tensor w, Tensor bias, ConvSpec spec) {
        checkConvForward("conv2dForward", y, x, w, bias, spec);
        inner.conv2dForward(y, x, w, bias, spec);
    }

    @Override
    public void conv2dBackwardData(Tensor dx, Tensor dy, Tensor w, ConvSpec spec) {
        checkConvBackwardData("conv2dBackwardData", dx, dy, w, spec);
        inner.conv2dBackwardData(dx, dy, w, spec);
    }

    @Override
    public void conv2dBackwardWeights(Tensor dw, Tensor db, Tensor dy, Tensor x, ConvSpec spec) {
        checkConvBackwardWeights("conv2dBackwardWeights", dw, db, dy, x, spec);
        inner.conv2dBackwardWeights(dw, db, dy, x, spec);
    }

    /** Checked as the height-1 convolution it is, then run by the backend's own 1-D op (which may be faster). */
    @Override
    public void conv1dForward(Tensor y, Tensor x, Tensor w, Tensor bias, ConvSpec spec) {
        require1d("conv1dForward", spec);
        checkConvForward("conv1dForward", Conv1d.as2d(y), Conv1d.as2d(x), Conv1d.as2d(w), bias, spec);
        inner.conv1dForward(y, x, w, bias, spec);
    }

    @Override
    public void conv1dBackwardData(Tensor dx, Tensor dy, Tensor w, ConvSpec spec) {
        require1d("conv1dBackwardData", spec);
        checkConvBackwardData("conv1dBackwardData", Conv1d.as2d(dx), Conv1d.as2d(dy), Conv1d.as2d(w), spec);
        inner.conv1dBackwardData(dx, dy, w, spec);
    }

    @Override
    public void conv1dBackwardWeights(Tensor dw, Tensor db, Tensor dy, Tensor x, ConvSpec spec) {
        require1d("conv1dBackwardWeights", spec);
        checkConvBackwardWeights("conv1dBackwardWeights", Conv1d.as2d(dw), db, Conv1d.as2d(dy), Conv1d.as2d(x), spec);
        inner.conv1dBackwardWeights(dw, db, dy, x, spec);
    }

    private static void checkConvForward(String op, Tensor y, Tensor x, Tensor w, Tensor bias, ConvSpec spec) {
        ShapeCheck check = new ShapeCheck(op);
        int[] nkpq = checkConv(check, "x", x, "w", w, spec);
        check.optional("bias", bias, "[K]", w.dim(0));
        check.shape("y", y, "[N, K, P, Q]", nkpq);
    }

    private static void checkConvBackwardData(String op, Tensor dx, Tensor dy, Tensor w, ConvSpec spec) {
        ShapeCheck check = new ShapeCheck(op);
        check.shape("dy", dy, "[N, K, P, Q]", checkConv(check, "dx", dx, "w", w, spec));
    }

    private static void checkConvBackwardWeights(String op, Tensor dw, Tensor db, Tensor dy, Tensor x, ConvSpec spec) {
        ShapeCheck check = new ShapeCheck(op);
        int[] nkpq = checkConv(check, "x", x, "dw", dw, spec);
        check.optional("db", db, "[K]", dw.dim(0));
        check.shape("dy", dy, "[N, K, P, Q]", nkpq);
    }

    private static void require1d(String op, ConvSpec spec) {
        new ShapeCheck(op).require(spec != null && spec.is1d(), "spec " + spec
                + " has a non-trivial height axis; build 1-D geometry with ConvSpec.of1d(stride, pad, dilation)");
    }

    /** The output shape {@code [N, K, P, Q]} of input {@code x} (named {@code xName}) under weights {@code w}. */
    private static int[] checkConv(ShapeCheck check, String xName, Tensor x, String wName, Tensor w, ConvSpec spec) {
        check.require(spec != null, "spec must not be null");
        check.rank(xName, x, "[N, C, H, W]", 4);
        check.rank(wName, w, "[K, C, R, S]", 4);
        check.require(w.dim(1) == x.dim(1), wName + " is " + w + " but " + xName + " is " + x + ": input channels C differ");
        int p = spec.outHeight(x.dim(2), w.dim(2));
        int q = spec.outWidth(x.dim(3), w.dim(3));
        check.require(p >= 1 && q >= 1, "kernel " + w + " with " + spec + " does not fit input " + x
                + " (output would be " + p + "x" + q + ")");
        return new int[] {x.dim(0), w.dim(0), p, q};
    }

    @Override
    public void pool2dForward(Tensor y, Tensor x, PoolSpec spec) {
        ShapeCheck check = new ShapeCheck("pool2dForward");
        check.shape("y", y, "[N, C, P, Q]", checkPool(check, x, spec));
        inner.pool2dForward(y, x, spec);
    }

    @Override
    public void pool2dBackward(Tensor dx, Tensor dy, Tensor x, Tensor y, PoolSpec spec) {
        ShapeCheck check = new ShapeCheck("pool2dBackward");
        int[] out = checkPool(check, x, spec);
        check.shape("y", y, "[N, C, P, Q]", out);
        check.shape("dy", dy, "[N, C, P, Q]", out);
        check.same("dx", dx, "x", x);
        inner.pool2dBackward(dx, dy, x, y, spec);
    }

    private static int[] checkPool(ShapeCheck check, Tensor x, PoolSpec spec) {
        check.require(spec != null, "spec must not be null");
        check.rank("x", x, "[N, C, H, W]", 4);
        int p = spec.outHeight(x.dim(2));
        int q = spec.outWidth(x.dim(3));
        check.require(p >= 1 && q >= 1, spec + " does not fit input " + x);
        return new int[] {x.dim(0), x.dim(1), p, q};
    }

    @Override
    public void activation(Activation f, Tensor y, Tensor x) {
        ShapeCheck check = new ShapeCheck("activation " + f);
        check.require(f != null, "activation must not be null");
        check.same("y", y, "x", x);
        inner.activation(f, y, x);
    }

    @Override
    public void activationBackward(Activation f, Tensor dx, Tensor dy, Tensor x, Tensor y) {
        ShapeCheck check = new ShapeCheck("activationBackward " + f);
        check.require(f != null, "activation must not be null");
        check.same("dx", dx, "x", x);
        check.same("dy", dy, "x", x);
        check.same("y", y, "x", x);
        inner.activationBackward(f, dx, dy, x, y);
    }

    @Override
    public void softmax(Tensor y, Tensor x) {
        checkRows("softmax", y, x);
        inner.softmax(y, x);
    }

    @Override
    public void logSoftmax(Tensor y, Tensor x) {
        checkRows("logSoftmax", y, x);
        inner.logSoftmax(y, x);
    }

    @Override
    public void softmaxBackward(Tensor dx, Tensor dy, Tensor y) {
        checkRows("softmaxBackward", dx, y);
        new ShapeCheck("softmaxBackward").same("dy", dy, "y", y);
        inner.softmaxBackward(dx, dy, y);
    }

    @Override
    public void logSoftmaxBackward(Tensor dx, Tensor dy, Tensor y) {
        checkRows("logSoftmaxBackward", dx, y);
        new ShapeCheck("logSoftmaxBackward").same("dy", dy, "y", y);
        inner.logSoftmaxBackward(dx, dy, y);
    }

    private static void checkRows(String op, Tensor out, Tensor in) {
        ShapeCheck check = new ShapeCheck(op);
        check.same("output", out, "input", in);
        check.require(in.rank() >= 1 && in.dim(-1) >= 1, "input " + in + " needs a non-empty last axis");
    }

    @Override
    public void add(Tensor out, Tensor a, Tensor b) {
        ShapeCheck check = new ShapeCheck("add");
        check.same("a", a, "b", b);
        check.same("out", out, "a", a);
        inner.add(out, a, b);
    }

    @Override
    public void mul(Tensor out, Tensor a, Tensor b) {
        ShapeCheck check = new ShapeCheck("mul");
        check.same("a", a, "b", b);
        check.same("out", out, "a", a);
        inner.mul(out, a, b);
    }

    @Override
    public void axpy(float alpha, Tensor x, Tensor y) {
        new ShapeCheck("axpy").same("x", x, "y", y);
        inner.axpy(alpha, x, y);
    }

    @Override
    public void scale(Tensor x, float alpha) {
        new ShapeCheck("scale").require(x != null, "x must not be null");
        inner.scale(x, alpha);
    }

    @Override
    public void addRowVector(Tensor y, Tensor bias) {
        ShapeCheck check = new ShapeCheck("addRowVector");
        check.rank("y", y, "[R, J]", 2);
        check.shape("bias", bias, "[J]", y.dim(1));
        inner.addRowVector(y, bias);
    }

    @Override
    public void sumRows(Tensor out, Tensor x) {
        ShapeCheck check = new ShapeCheck("sumRows");
        check.rank("x", x, "[R, J]", 2);
        check.shape("out", out, "[J]", x.dim(1));
        inner.sumRows(out, x);
    }

    @Override
    public double sumOfSquares(Tensor x) {
        new ShapeCheck("sumOfSquares").require(x != null, "x must not be null");
        return inner.sumOfSquares(x);
    }

    private static void requireNonNegative(String op, int steps, int batch, int input, int hidden) {
        new ShapeCheck(op).require(steps >= 0 && batch >= 0 && input >= 0 && hidden >= 0,
                "sizes must be >= 0, got T=" + steps + ", B=" + batch + ", I=" + input + ", H=" + hidden);
    }

    @Override
    public String toString() {
        return inner.toString();
    }
}
