package dev.mnemo.text.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits English-like text into words and punctuation, the way simple Treebank-style tokenizers do:
 *
 * <ul>
 *   <li>a word is a run of letters, marks and digits, which may contain single inner apostrophes
 *       and hyphens ({@code slow-moving}, {@code o'clock}); a number with inner dots or commas
 *       ({@code 3.5}, {@code 1,000}) is one token;
 *   <li>English clitics become tokens of their own: {@code don't} → {@code do n't},
 *       {@code it's} → {@code it 's}, likewise {@code 'm 're 've 'll 'd}; the typographic
 *       apostrophe {@code ’} is read as {@code '};
 *   <li>every other non-space code point (punctuation, symbols, emoji) is a token by itself.
 * </ul>
 *
 * Options: lower-casing ({@link Locale#ROOT}) and dropping {@link StopWords#ENGLISH} stop words
 * (compared in lower case), which keeps negations.
 *
 * @param lowerCase     whether to lower-case the text first
 * @param dropStopWords whether to drop English stop words
 */
public record WordTokenizer(boolean lowerCase, boolean dropStopWords) implements Tokenizer {
    /** The name in a config. */
    public static final String NAME = "word";
    private static final String LOWERCASE = "lowercase";
    private static final String STOP_WORDS = "stop_words";

    private static final String WORD_CHAR = "[\\p{L}\\p{M}\\p{N}]";
    private static final Pattern TOKEN = Pattern.compile(
            "\\p{N}+(?:[.,]\\p{N}+)+|" + WORD_CHAR + "+(?:['-]" + WORD_CHAR + "+)*|\\S");
    private static final List<Pattern> CLITICS = List.of(
            Pattern.compile("(?i)(" + WORD_CHAR + "+)(n't)"),
            Pattern.compile("(?i)(" + WORD_CHAR + "+)('(?:s|m|re|ve|ll|d))"));

    @Override
    public List<String> tokens(String text) {
        String source = (lowerCase ? text.toLowerCase(Locale.ROOT) : text).replace('\u2019', '\'');
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(source);
        while (matcher.find()) {
            for (String token : splitClitic(matcher.group())) {
                if (!(dropStopWords && StopWords.ENGLISH.contains(token.toLowerCase(Locale.ROOT)))) {
                    tokens.add(token);
                }
            }
        }
        return tokens;
    }

    /** A word as one token, or as its stem and clitic ({@code do n't}, {@code it 's}). */
    private static List<String> splitClitic(String word) {
        for (Pattern clitic : CLITICS) {
            Matcher matcher = clitic.matcher(word);
            if (matcher.matches()) {
                return List.of(matcher.group(1), matcher.group(2));
            }
        }
        return List.of(word);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, String> config() {
        return Map.of(NAME_KEY, NAME, LOWERCASE, Boolean.toString(lowerCase),
                STOP_WORDS, Boolean.toString(dropStopWords));
    }

    /** The tokenizer a {@link #config()} describes. */
    static WordTokenizer fromConfig(Map<String, String> config) {
        return new WordTokenizer(ConfigValues.bool(config, LOWERCASE), ConfigValues.bool(config, STOP_WORDS));
    }
}
