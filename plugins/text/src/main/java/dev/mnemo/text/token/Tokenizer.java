package dev.mnemo.text.token;

import java.util.List;
import java.util.Map;

/**
 * Splits a text into tokens. Implementations are stateless and thread-safe, and describe
 * themselves with a string map so that a model file can restore them.
 */
public interface Tokenizer {
    /** The config key that holds {@link #name()}. */
    String NAME_KEY = "tokenizer";

    /** The tokens of {@code text} in order; an empty text gives an empty list. */
    List<String> tokens(String text);

    /** A short name: {@code char} or {@code word}. */
    String name();

    /**
     * Everything needed to rebuild this tokenizer: {@link #NAME_KEY} mapped to {@link #name()} plus
     * its options, all as strings (e.g. {@code tokenizer=word, lowercase=true, stop_words=none}).
     */
    Map<String, String> config();

    /**
     * The tokenizer that {@link #config()} describes.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones) or a
     *                                  bad option value
     */
    static Tokenizer fromConfig(Map<String, String> config) {
        String name = config.get(NAME_KEY);
        return switch (name) {
            case CharTokenizer.NAME -> CharTokenizer.fromConfig(config);
            case WordTokenizer.NAME -> WordTokenizer.fromConfig(config);
            case null, default -> throw new IllegalArgumentException("unknown tokenizer '" + name + "' in " + config
                    + "; known: " + CharTokenizer.NAME + ", " + WordTokenizer.NAME);
        };
    }
}
