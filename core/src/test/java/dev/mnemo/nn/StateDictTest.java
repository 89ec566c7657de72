package dev.mnemo.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.io.InvalidModelFileException;
import dev.mnemo.io.SafeTensors;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State dicts load strictly, as PyTorch's load_state_dict(strict=True): missing and unexpected keys are named, never skipped. */
class StateDictTest {
    @TempDir
    Path dir;

    private final Scope scope = Scope.open();

    @AfterEach
    void close() {
        scope.close();
    }

    private Path write(String name, Map<String, Tensor> tensors) throws Exception {
        Path file = dir.resolve(name + ".safetensors");
        SafeTensors.write(file, tensors, Map.of());
        return file;
    }

    /** torch.nn.LSTM(2, 3, num_layers) weights under "rnn.", every value {@code fill}. */
    private Map<String, Tensor> torchLstm(int layers, float fill) {
        Map<String, Tensor> t = new LinkedHashMap<>();
        for (int l = 0; l < layers; l++) {
            int in = l == 0 ? 2 : 3;
            t.put("rnn.weight_ih_l" + l, filled(fill, 12, in));
            t.put("rnn.weight_hh_l" + l, filled(fill, 12, 3));
            t.put("rnn.bias_ih_l" + l, filled(fill, 12));
            t.put("rnn.bias_hh_l" + l, filled(fill, 12));
        }
        return t;
    }

    private Tensor filled(float value, int... shape) {
        Tensor t = scope.zeros(shape);
        t.fill(value);
        return t;
    }

    private LSTM lstm(int layers) {
        LSTM lstm = LSTM.builder().name("lstm").units(3).layers(layers).peepholes(false).build();
        lstm.build(new int[] {-1, 2}, new BuildContext(scope, new Random(1)));
        return lstm;
    }

    @Test
    void aTwoLayerFileDoesNotLoadSilentlyIntoAOneLayerLstm() throws Exception {
        Path file = write("two", torchLstm(2, 0.5f));

        InvalidModelFileException e = assertThrows(InvalidModelFileException.class, () -> StateDict.load(lstm(1), file, "rnn."));
        assertTrue(e.getMessage().contains("unexpected key(s): [rnn.bias_hh_l1, rnn.bias_ih_l1, rnn.weight_hh_l1, rnn.weight_ih_l1]"),
                e.getMessage());

        StateDict.Report report = StateDict.load(lstm(1), file, "rnn.", false);
        assertEquals(List.of(), report.missing());
        assertEquals(4, report.unexpected().size());
    }

    @Test
    void missingKeysAreNamedAndNonStrictLoadingKeepsTheRest() throws Exception {
        Path file = write("one", torchLstm(1, 0.5f));

        InvalidModelFileException e = assertThrows(InvalidModelFileException.class, () -> StateDict.load(lstm(2), file, "rnn."));
        assertTrue(e.getMessage().contains("missing key(s): [rnn.weight_ih_l1, rnn.weight_hh_l1, rnn.bias_ih_l1, rnn.bias_hh_l1]"),
                e.getMessage());

        LSTM partly = lstm(2);
        StateDict.Report report = StateDict.load(partly, file, "rnn.", false);
        assertEquals(4, report.missing().size());
        assertEquals(0.5f, partly.parameters().getFirst().value().get(0), "what matched was loaded");
    }

    @Test
    void aWholeModelLoadsByItsLayersNames() throws Exception {
        Sequential model = Sequential.of(new Embedding("embedding", 10, 2, true),
                LSTM.builder().name("lstm").units(3).peepholes(false).build(), new Dense("fc", 4, null, true));
        model.build(new int[] {-1}, new BuildContext(scope, new Random(2)));
        Map<String, Tensor> torch = new LinkedHashMap<>();
        torch.put("embedding.weight", filled(0.25f, 10, 2));
        torchLstm(1, 0.5f).forEach((key, value) -> torch.put(key.replace("rnn.", "lstm."), value));
        torch.put("fc.weight", filled(0.75f, 4, 3));
        torch.put("fc.bias", filled(1f, 4));

        StateDict.loadModel(model, write("model", torch));

        for (var p : model.parameters()) {
            assertArrayEquals(torch.get(p.name()).toArray(), p.value().toArray(), p.name());
        }
        torch.put("fc.scale", filled(1f, 4));
        InvalidModelFileException e = assertThrows(InvalidModelFileException.class,
                () -> StateDict.loadModel(model, write("extra", torch)));
        assertTrue(e.getMessage().contains("unexpected key(s): [fc.scale]"), e.getMessage());
    }
}
