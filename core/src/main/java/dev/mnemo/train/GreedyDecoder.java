package dev.mnemo.train;

import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * Greedy decoding for an encoder-decoder {@link Model} trained with
 * {@link Inputs#teacherForcing(int)}: starting from {@code startId}, feed the tokens produced so
 * far as the decoder input and append the most likely next token, until {@code endId} or
 * {@code maxLength}. Each step reruns the whole network, which keeps decoding exactly the
 * computation that was trained (cost O(T²) in the output length; fine for short outputs).
 */
public final class GreedyDecoder {
    private GreedyDecoder() {}

    /**
     * Decodes every source sequence of {@code sources [B, Ts]} (ids, lengths per sample); returns the
     * produced ids per sample without the start token, up to and including {@code endId} if produced.
     */
    public static int[][] decode(Model model, Tensor sources, int[] lengths, int startId, int endId, int maxLength) {
        int batch = sources.dim(0);
        int[][] out = new int[batch][maxLength];
        int[] produced = new int[batch];
        boolean[] done = new boolean[batch];
        try (Scope scope = Scope.open()) {
            for (int step = 0; step < maxLength && !allTrue(done); step++) {
                Tensor decoderInput = scope.zeros(batch, step + 1);
                for (int b = 0; b < batch; b++) {
                    decoderInput.set((long) b * (step + 1), startId);
                    for (int j = 0; j < step; j++) {
                        decoderInput.set((long) b * (step + 1) + j + 1, out[b][j]);
                    }
                }
                int[] decoderLengths = new int[batch];
                Arrays.fill(decoderLengths, step + 1);
                Tensor logits = model.predict(scope, List.of(new Model.Input(sources, lengths), new Model.Input(decoderInput, decoderLengths)));
                int vocabulary = logits.dim(2);
                for (int b = 0; b < batch; b++) {
                    if (done[b]) {
                        continue;
                    }
                    int token = Metrics.argMax(logits, ((long) b * (step + 1) + step) * vocabulary, vocabulary);
                    out[b][produced[b]++] = token;
                    done[b] = token == endId;
                }
            }
        }
        int[][] result = new int[batch][];

        for (int b = 0; b < batch; b++) {
            result[b] = Arrays.copyOf(out[b], produced[b]);
        }
        return result;
    }

    private static boolean allTrue(boolean[] flags) {
        for (boolean f : flags) {
            if (!f) {
                return false;
            }
        }
        return true;
    }
}
