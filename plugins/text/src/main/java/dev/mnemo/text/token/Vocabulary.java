package dev.mnemo.text.token;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Token ↔ id. Id {@value #PADDING_ID} is padding ({@value #PADDING_TOKEN}, what masked embeddings
 * skip), id {@value #UNKNOWN_ID} the unknown token ({@value #UNKNOWN_TOKEN}, for every token not in
 * the vocabulary), then the known tokens from id 2 on.
 *
 * <p>A model file keeps it as the JSON list of {@link #tokens()} and restores it with {@link #of(List)}.
 */
public final class Vocabulary {
    /** The padding id. */
    public static final int PADDING_ID = 0;
    /** The id of every token the vocabulary does not hold. */
    public static final int UNKNOWN_ID = 1;
    /** The padding token, at id 0. */
    public static final String PADDING_TOKEN = "<pad>";
    /** The unknown token, at id 1. */
    public static final String UNKNOWN_TOKEN = "<unk>";

    private final List<String> tokens;
    private final Map<String, Integer> ids = new HashMap<>();

    private Vocabulary(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        for (int id = UNKNOWN_ID + 1; id < this.tokens.size(); id++) {
            ids.put(this.tokens.get(id), id);
        }
    }

    /**
     * Builds a vocabulary from tokenized texts: tokens seen at least {@code minCount} times, most
     * frequent first, ties broken by {@link String#compareTo}, cut so that the whole vocabulary
     * (padding and unknown included) has at most {@code maxSize} ids. Texts spelling
     * {@value #PADDING_TOKEN} or {@value #UNKNOWN_TOKEN} are not counted: they encode as unknown.
     *
     * @param texts    each text's tokens
     * @param minCount the least number of occurrences a kept token has, at least 1
     * @param maxSize  the most ids, at least 2
     */
    public static Vocabulary build(Collection<? extends List<String>> texts, int minCount, int maxSize) {
        if (minCount < 1 || maxSize < 2) {
            throw new IllegalArgumentException("need minCount >= 1 and maxSize >= 2, got " + minCount + " and " + maxSize);
        }
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> text : texts) {
            for (String token : text) {
                counts.merge(token, 1, Integer::sum);
            }
        }
        counts.remove(PADDING_TOKEN);
        counts.remove(UNKNOWN_TOKEN);
        Stream<String> known = counts.entrySet().stream()
                .filter(entry -> entry.getValue() >= minCount)
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(maxSize - 2L)
                .map(Map.Entry::getKey);
        return new Vocabulary(Stream.concat(Stream.of(PADDING_TOKEN, UNKNOWN_TOKEN), known).toList());
    }

    /**
     * The vocabulary whose tokens, in id order, are {@code tokens} (as {@link #tokens()} gives them).
     *
     * @throws IllegalArgumentException if the list does not start with {@value #PADDING_TOKEN} and
     *                                  {@value #UNKNOWN_TOKEN} or repeats a token
     */
    public static Vocabulary of(List<String> tokens) {
        if (tokens.size() < 2 || !tokens.get(PADDING_ID).equals(PADDING_TOKEN) || !tokens.get(UNKNOWN_ID).equals(UNKNOWN_TOKEN)) {
            throw new IllegalArgumentException("a vocabulary starts with " + PADDING_TOKEN + " and " + UNKNOWN_TOKEN
                    + ", got " + tokens.subList(0, Math.min(2, tokens.size())));
        }
        Vocabulary vocabulary = new Vocabulary(tokens);
        if (vocabulary.ids.size() != tokens.size() - 2 || vocabulary.ids.containsKey(PADDING_TOKEN)
                || vocabulary.ids.containsKey(UNKNOWN_TOKEN)) {
            throw new IllegalArgumentException("a vocabulary holds each token once; this list repeats one");
        }
        return vocabulary;
    }

    /** The id of {@code token}, or {@link #UNKNOWN_ID}. */
    public int id(String token) {
        return ids.getOrDefault(token, UNKNOWN_ID);
    }

    /** The ids of {@code tokens}. */
    public int[] encode(List<String> tokens) {
        return tokens.stream().mapToInt(this::id).toArray();
    }

    /** The token with id {@code id}. */
    public String token(int id) {
        return tokens.get(id);
    }

    /** The number of ids, padding and unknown included. */
    public int size() {
        return tokens.size();
    }

    /** All tokens in id order, starting with {@value #PADDING_TOKEN} and {@value #UNKNOWN_TOKEN}. */
    public List<String> tokens() {
        return tokens;
    }
}
