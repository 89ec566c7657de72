package dev.mnemo.examples;

import dev.mnemo.data.DataLoader;
import dev.mnemo.data.Dataset;
import dev.mnemo.nn.Dense;
import dev.mnemo.nn.Embedding;
import dev.mnemo.nn.LSTM;
import dev.mnemo.nn.Sequential;
import dev.mnemo.optim.Optimizer;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import dev.mnemo.train.Losses;
import dev.mnemo.train.Metrics;
import dev.mnemo.train.Model;
import dev.mnemo.train.ModelFile;
import dev.mnemo.train.callbacks.ProgressBar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds, trains, saves, reloads and uses an LSTM sentiment classifier on generated reviews.
 *
 * <p>The reviews are made here from word lists, so the example needs no download: filler words,
 * one opinion word ("great", "awful", ...) and sometimes a negation ("not", "never") before it,
 * which flips the label. Word order matters ("not good" is negative), so a bag of words cannot
 * solve it; the LSTM reads the padded, variable-length batches with exact masking.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am -DskipTests package exec:exec}
 */
public final class SentimentExample {
    private static final String[] FILLER = {"the", "movie", "film", "plot", "acting", "was", "is", "really", "quite",
        "and", "story", "cast", "it", "this", "very", "ending", "music", "felt", "overall", "i", "thought"};
    private static final String[] POSITIVE = {"good", "great", "wonderful", "excellent", "fun", "brilliant"};
    private static final String[] NEGATIVE = {"bad", "awful", "boring", "terrible", "dull", "weak"};
    private static final String[] NEGATION = {"not", "never"};

    private SentimentExample() {}

    public static void main(String[] args) throws Exception {
        Vocabulary vocabulary = new Vocabulary();
        Random random = new Random(7);
        Reviews train = Reviews.generate(2000, random, vocabulary);
        Reviews test = Reviews.generate(400, random, vocabulary);
        System.out.printf("%d training and %d test reviews, vocabulary of %d words; e.g. \"%s\" -> %s%n",
                train.size(), test.size(), vocabulary.size(), train.texts.get(0), train.labels[0] == 1 ? "positive" : "negative");

        Path file = Path.of("target", "sentiment-lstm.safetensors");
        try (Model model = Model.of(Sequential.of(
                Embedding.masked(vocabulary.size(), 16),                 // id 0 = padding, masked
                LSTM.builder().units(32).bidirectional(true).build(),    // peephole LSTM, both directions
                Dense.of(2)), 42)) {                                      // logits for negative/positive
            model.build(-1);
            model.compile(Optimizer.adam(5e-3).build(), Losses.sparseCategoricalCrossEntropy(), Metrics.accuracy());
            String backend = model.kernels().name();
            System.out.printf("model: %d parameters on the '%s' kernel backend%n", model.parameterCount(), backend);

            DataLoader trainLoader = DataLoader.builder(train.dataset()).batchSize(32).shuffle(1).build();
            DataLoader testLoader = DataLoader.builder(test.dataset()).batchSize(100).build();
            model.fit(trainLoader).validationData(testLoader).epochs(6).callbacks(new ProgressBar()).run();  // a live bar on a terminal, epoch lines otherwise

            Model.Evaluation evaluation = model.evaluate(testLoader);
            System.out.printf("test accuracy %.3f%n%s%n", evaluation.logs().get("accuracy"), evaluation.confusion());
            Files.createDirectories(file.getParent());
            ModelFile.save(model, file);
            System.out.println("saved to " + file + " (" + Files.size(file) + " bytes)");
        }

        try (Model reloaded = ModelFile.load(file); Scope scope = Scope.open()) {
            String[] reviews = {"the movie was not good", "really great acting", "the plot was never boring",
                "i thought the ending was awful"};
            Tensor ids = vocabulary.encode(scope, reviews);
            Tensor logits = reloaded.predict(scope, ids, null);
            for (int i = 0; i < reviews.length; i++) {
                float margin = logits.get(2L * i + 1) - logits.get(2L * i);
                System.out.printf("  %-34s -> %s (logit margin %+.2f)%n", '"' + reviews[i] + '"',
                        margin > 0 ? "positive" : "negative", margin);
            }
        }
    }

    /** Word ids: 0 is padding, words get 1, 2, ... in order of first sight. */
    private static final class Vocabulary {
        private final Map<String, Integer> ids = new HashMap<>();

        int id(String word) {
            return ids.computeIfAbsent(word, w -> ids.size() + 1);
        }

        int size() {
            return ids.size() + 1;
        }

        /** Right-padded ids {@code [B, T]} of known words. */
        Tensor encode(Scope scope, String[] texts) {
            int longest = 0;
            for (String t : texts) {
                longest = Math.max(longest, t.split(" ").length);
            }
            Tensor out = scope.zeros(texts.length, longest);
            for (int i = 0; i < texts.length; i++) {
                String[] words = texts[i].split(" ");
                for (int j = 0; j < words.length; j++) {
                    Integer id = ids.get(words[j]);
                    if (id == null) {
                        throw new IllegalArgumentException("unknown word '" + words[j] + "'");
                    }
                    out.set((long) i * longest + j, id);
                }
            }
            return out;
        }
    }

    /** Generated labelled reviews. */
    private record Reviews(List<String> texts, int[][] ids, int[] labels) {
        static Reviews generate(int count, Random random, Vocabulary vocabulary) {
            List<String> texts = new ArrayList<>();
            int[][] ids = new int[count][];
            int[] labels = new int[count];
            for (int n = 0; n < count; n++) {
                boolean positive = random.nextBoolean();
                boolean negated = random.nextInt(3) == 0;
                String opinion = (positive ^ negated ? POSITIVE : NEGATIVE)[random.nextInt(POSITIVE.length)];
                List<String> words = new ArrayList<>();
                int before = 1 + random.nextInt(6), after = random.nextInt(5);
                for (int i = 0; i < before; i++) {
                    words.add(FILLER[random.nextInt(FILLER.length)]);
                }
                if (negated) {
                    words.add(NEGATION[random.nextInt(NEGATION.length)]);
                }
                words.add(opinion);
                for (int i = 0; i < after; i++) {
                    words.add(FILLER[random.nextInt(FILLER.length)]);
                }
                texts.add(String.join(" ", words));
                ids[n] = words.stream().mapToInt(vocabulary::id).toArray();
                labels[n] = positive ? 1 : 0;
            }
            return new Reviews(texts, ids, labels);
        }

        int size() {
            return labels.length;
        }

        Dataset dataset() {
            return Dataset.ofSequences(ids, labels);
        }
    }
}
