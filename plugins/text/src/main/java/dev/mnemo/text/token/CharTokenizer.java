package dev.mnemo.text.token;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One token per Unicode code point (so an emoji outside the Basic Multilingual Plane is one token,
 * not two surrogates), optionally lower-cased first ({@link Locale#ROOT}). Whitespace characters are
 * tokens too: character models learn spacing.
 *
 * @param lowerCase whether to lower-case the text first
 */
public record CharTokenizer(boolean lowerCase) implements Tokenizer {
    /** The name in a config. */
    public static final String NAME = "char";
    private static final String LOWERCASE = "lowercase";

    @Override
    public List<String> tokens(String text) {
        String source = lowerCase ? text.toLowerCase(Locale.ROOT) : text;
        return source.codePoints().mapToObj(Character::toString).toList();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, String> config() {
        return Map.of(NAME_KEY, NAME, LOWERCASE, Boolean.toString(lowerCase));
    }

    /** The tokenizer a {@link #config()} describes. */
    static CharTokenizer fromConfig(Map<String, String> config) {
        return new CharTokenizer(ConfigValues.bool(config, LOWERCASE));
    }
}
