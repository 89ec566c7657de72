package dev.mnemo.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.data.DataLoader;
import dev.mnemo.data.Dataset;
import dev.mnemo.nn.Dense;
import dev.mnemo.nn.DotProductAttention;
import dev.mnemo.nn.Embedding;
import dev.mnemo.nn.Graph;
import dev.mnemo.nn.LSTM;
import dev.mnemo.optim.Optimizer;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An encoder-decoder with attention, built with the functional {@link Graph}, learns to reverse
 * digit sequences of length 3 to 7 (teacher forcing, masked padding on both sides), decodes
 * unseen sequences greedily, and survives a save/load round trip.
 */
class Seq2SeqLearningTest {
    private static final int START = 1, END = 2, VOCABULARY = 12; // 0 is padding, digits are ids 3..11

    @TempDir
    Path dir;

    private static Dataset reversals(int count, long seed) {
        Random random = new Random(seed);
        int[][] sources = new int[count][], targets = new int[count][];
        for (int n = 0; n < count; n++) {
            int length = 3 + random.nextInt(5);
            sources[n] = new int[length];
            targets[n] = new int[length + 1];
            for (int t = 0; t < length; t++) {
                sources[n][t] = 3 + random.nextInt(9);
            }
            for (int t = 0; t < length; t++) {
                targets[n][t] = sources[n][length - 1 - t];
            }
            targets[n][length] = END;
        }
        return Dataset.ofSequences(sources, targets);
    }

    private static Graph encoderDecoder() {
        Graph.Builder g = Graph.builder();
        Graph.Node source = g.input("source", -1);
        Graph.Node target = g.input("decoder_input", -1);
        Graph.Recurrent encoder = g.recurrent(LSTM.builder().units(48).returnSequences(true).build(),
                g.apply(Embedding.masked(VOCABULARY, 16), source), null, null);
        Graph.Recurrent decoder = g.recurrent(LSTM.builder().units(48).returnSequences(true).build(),
                g.apply(Embedding.of(VOCABULARY, 16), target), encoder.state(), encoder.cell());
        Graph.Node context = g.attend(DotProductAttention.luong(), decoder.sequence(), encoder.sequence());
        return g.build(g.apply(Dense.of(VOCABULARY), g.concat(decoder.sequence(), context)));
    }

    @Test
    void attentionEncoderDecoderLearnsToReverseSequences() throws Exception {
        DataLoader train = DataLoader.builder(reversals(2000, 1)).batchSize(32).shuffle(2).build();
        DataLoader test = DataLoader.builder(reversals(200, 3)).batchSize(100).build();
        Path file = dir.resolve("reverser.safetensors");
        try (Model model = Model.of(encoderDecoder(), 5)) {
            model.build().inputs(Inputs.teacherForcing(START));
            model.compile(Optimizer.adam(1e-2).build(), Losses.sparseCategoricalCrossEntropy(), Metrics.accuracy());
            History history = model.fit(train).validationData(test).epochs(4).run();
            double accuracy = history.last("val_accuracy");
            System.out.printf("seq2seq reversal: per-token validation accuracy by epoch %s%n", history.get("val_accuracy"));
            assertTrue(accuracy > 0.95, "per-token accuracy " + accuracy + " should exceed 0.95 (chance 1/9)");
            ModelFile.save(model, file);
        }
        try (Model loaded = ModelFile.load(file); Scope scope = Scope.open()) {
            int[][] sources = {{3, 4, 5, 6}, {11, 10, 9, 8, 7, 6, 5}, {7, 7, 3}};
            int longest = 7;
            Tensor ids = scope.zeros(sources.length, longest);
            int[] lengths = new int[sources.length];
            for (int b = 0; b < sources.length; b++) {
                lengths[b] = sources[b].length;
                for (int t = 0; t < sources[b].length; t++) {
                    ids.set((long) b * longest + t, sources[b][t]);
                }
            }
            int[][] decoded = GreedyDecoder.decode(loaded, ids, lengths, START, END, 10);
            for (int b = 0; b < sources.length; b++) {
                int[] expected = new int[sources[b].length + 1];
                for (int t = 0; t < sources[b].length; t++) {
                    expected[t] = sources[b][sources[b].length - 1 - t];
                }
                expected[sources[b].length] = END;
                assertArrayEquals(expected, decoded[b], "reversal of " + Arrays.toString(sources[b]));
            }
        }
    }
}
