package dev.mnemo.nn;

import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import dev.mnemo.io.SafeTensors;
import dev.mnemo.kernel.Compare;
import dev.mnemo.kernel.reference.ReferenceBackend;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PyTorch state_dicts of nn.LSTM, nn.GRU, nn.Linear, nn.Embedding and nn.Conv2d (written by {@code core/src/test/fixtures/make_interop_fixtures.py}) load
 * into the matching Mnemo layers by name and give PyTorch's outputs to 1e-5.
 */
class PyTorchInteropTest {
    private final Scope scope = Scope.open();
    private final Compare cmp = new Compare("mnemo vs torch");

    @AfterEach
    void close() {
        System.out.println(cmp.summary("interop"));
        scope.close();
    }

    private Path fixture(String name) throws Exception {
        return Path.of(getClass().getResource("/fixtures/" + name + ".safetensors").toURI());
    }

    private SafeTensors.Contents io(String name) throws Exception {
        return SafeTensors.read(fixture("torch_" + name + "_io"), scope);
    }

    private Layer loaded(Layer layer, String name, String prefix, int... inputShape) throws Exception {
        layer.build(inputShape, new BuildContext(scope, new Random(0)));
        StateDict.load(layer, fixture("torch_" + name), prefix);
        return layer;
    }

    @Test
    void stackedBidirectionalLstm() throws Exception {
        LSTM lstm = (LSTM) loaded(LSTM.builder().name("lstm").units(6).layers(2).bidirectional(true)
                .returnSequences(true).peepholes(false).build(), "lstm", "lstm.", -1, 4);
        SafeTensors.Contents f = io("lstm");
        try (Tape tape = Tape.inference(new ReferenceBackend())) {
            RecurrentLayer.Result r = lstm.run(tape, tape.input(f.get("input")), null, null);
            cmp.close("nn.LSTM output", f.get("output"), r.sequence().value(), 1e-5);
            cmp.close("nn.LSTM h_n (last layer, both directions)", lastLayerState(f.get("h_n")), r.state().value(), 1e-5);
        }
    }

    @Test
    void gru() throws Exception {
        GRU gru = (GRU) loaded(GRU.builder().name("gru").units(6).returnSequences(true).build(), "gru", "gru.", -1, 4);
        SafeTensors.Contents f = io("gru");
        try (Tape tape = Tape.inference(new ReferenceBackend())) {
            RecurrentLayer.Result r = gru.run(tape, tape.input(f.get("input")), null, null);
            cmp.close("nn.GRU output", f.get("output"), r.sequence().value(), 1e-5);
            cmp.close("nn.GRU h_n", f.get("h_n").slice(0), r.state().value(), 1e-5);
        }
    }

    @Test
    void linear() throws Exception {
        Layer dense = loaded(new Dense("linear", 3, null, true), "linear", "linear.", 4);
        check(dense, io("linear"), "nn.Linear");
    }

    @Test
    void embedding() throws Exception {
        Layer embedding = loaded(new Embedding("embedding", 10, 4, false), "embedding", "embedding.", -1);
        check(embedding, io("embedding"), "nn.Embedding");
    }

    @Test
    void conv2d() throws Exception {
        Layer conv = loaded(Conv2D.builder().name("conv").filters(4).kernel(3).padding(1).build(), "conv2d", "conv.", 3, 6, 5);
        check(conv, io("conv2d"), "nn.Conv2d");
    }

    private void check(Layer layer, SafeTensors.Contents f, String label) {
        try (Tape tape = Tape.inference(new ReferenceBackend())) {
            Variable out = layer.forward(tape, tape.input(f.get("input")));
            cmp.close(label, f.get("output"), out.value(), 1e-5);
        }
    }

    /** {@code h_n [L·D, B, H]} → the last layer's directions concatenated, {@code [B, D·H]}. */
    private Tensor lastLayerState(Tensor hN) {
        int batch = hN.dim(1), hidden = hN.dim(2);
        Tensor forward = hN.slice(hN.dim(0) - 2), backward = hN.slice(hN.dim(0) - 1);
        Tensor out = scope.zeros(batch, 2 * hidden);
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < hidden; j++) {
                out.set((long) b * 2 * hidden + j, forward.get((long) b * hidden + j));
                out.set((long) b * 2 * hidden + hidden + j, backward.get((long) b * hidden + j));
            }
        }
        return out;
    }
}
