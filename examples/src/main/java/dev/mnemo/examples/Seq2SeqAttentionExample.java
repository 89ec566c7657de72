package dev.mnemo.examples;

import dev.mnemo.data.Dataset;
import dev.mnemo.nn.Dense;
import dev.mnemo.nn.DotProductAttention;
import dev.mnemo.nn.Embedding;
import dev.mnemo.nn.Graph;
import dev.mnemo.nn.LSTM;
import dev.mnemo.optim.Optimizer;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import dev.mnemo.train.GreedyDecoder;
import dev.mnemo.train.Inputs;
import dev.mnemo.train.Losses;
import dev.mnemo.train.Metrics;
import dev.mnemo.train.Model;
import dev.mnemo.train.callbacks.ProgressBar;
import java.util.Arrays;
import java.util.Random;

/**
 * Sequence to sequence with attention: an encoder-decoder learns to sort lists of 3 to 7 digits
 * (its input and output lengths vary, and every output token needs the whole input), built with the
 * functional {@link Graph}: the decoder LSTM starts from the encoder's state and attends over its
 * outputs (Luong dot-product attention), trained with teacher forcing, decoded greedily.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am -DskipTests package exec:exec -Dexample.main=dev.mnemo.examples.Seq2SeqAttentionExample}
 */
public final class Seq2SeqAttentionExample {
    private static final int START = 1, END = 2, VOCABULARY = 13; // 0 padding; digits 0-9 are ids 3-12

    private Seq2SeqAttentionExample() {}

    /** {@code count} random digit lists and their sorted copies followed by END. */
    private static Dataset sortingTasks(int count, long seed) {
        Random random = new Random(seed);
        int[][] sources = new int[count][], targets = new int[count][];
        for (int n = 0; n < count; n++) {
            sources[n] = random.ints(3 + random.nextInt(5), 3, VOCABULARY).toArray();
            targets[n] = Arrays.copyOf(Arrays.stream(sources[n]).sorted().toArray(), sources[n].length + 1);
            targets[n][sources[n].length] = END;
        }
        return Dataset.ofSequences(sources, targets);
    }

    private static Graph encoderDecoder() {
        Graph.Builder g = Graph.builder();
        Graph.Node source = g.input("source", -1);
        Graph.Node decoderInput = g.input("decoder_input", -1);
        Graph.Recurrent encoder = g.recurrent(LSTM.builder().units(64).returnSequences(true).build(),
                g.apply(Embedding.masked(VOCABULARY, 16), source), null, null);
        Graph.Recurrent decoder = g.recurrent(LSTM.builder().units(64).returnSequences(true).build(),
                g.apply(Embedding.of(VOCABULARY, 16), decoderInput), encoder.state(), encoder.cell());
        Graph.Node context = g.attend(DotProductAttention.luong(), decoder.sequence(), encoder.sequence());
        return g.build(g.apply(Dense.of(VOCABULARY), g.concat(decoder.sequence(), context)));
    }

    /** The digits a decoded id sequence spells, END dropped. */
    private static int[] digits(int[] ids) {
        return Arrays.stream(ids).filter(id -> id != END).map(id -> id - 3).toArray();
    }

    public static void main(String[] args) {
        try (Model model = Model.of(encoderDecoder(), 5); Scope scope = Scope.open()) {
            model.build().inputs(Inputs.teacherForcing(START));
            model.compile(Optimizer.adam(1e-2).build(), Losses.sparseCategoricalCrossEntropy(), Metrics.accuracy())
                    .clipGradientNorm(1.0);
            System.out.printf("encoder-decoder with attention, %d parameters on %s%n", model.parameterCount(), model.kernels().name());
            model.fit(sortingTasks(3000, 1)).epochs(8).batchSize(32).shuffle(2).validationData(sortingTasks(300, 3))
                    .callbacks(ProgressBar.builder().output(System.out).build()).run();

            int[][] unseen = {{9, 4, 7, 1}, {5, 5, 0, 8, 2, 6, 3}, {8, 1, 4}};
            Tensor ids = scope.zeros(unseen.length, 7);
            int[] lengths = new int[unseen.length];
            for (int b = 0; b < unseen.length; b++) {
                lengths[b] = unseen[b].length;
                for (int t = 0; t < unseen[b].length; t++) {
                    ids.set((long) b * 7 + t, unseen[b][t] + 3);
                }
            }
            int[][] decoded = GreedyDecoder.decode(model, ids, lengths, START, END, 10);
            int right = 0;
            for (int b = 0; b < unseen.length; b++) {
                int[] expected = Arrays.stream(unseen[b]).sorted().toArray();
                int[] got = digits(decoded[b]);
                boolean sorted = Arrays.equals(expected, got);
                right += sorted ? 1 : 0;
                System.out.printf("  %-24s -> %-24s %s%n", Arrays.toString(unseen[b]), Arrays.toString(got),
                        sorted ? "right" : "wrong, " + Arrays.toString(expected));
            }
            System.out.printf("%d of %d unseen lists sorted right%n", right, unseen.length);
        }
    }
}
