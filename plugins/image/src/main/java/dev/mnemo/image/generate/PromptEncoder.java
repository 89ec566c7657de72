package dev.mnemo.image.generate;

import java.util.Locale;

/**
 * Prompts as character ids for the LSTM that reads them: lower-cased, each of {@link #ALPHABET}
 * gets its position + 2, any other character the unknown id 1, and 0 is padding. At most
 * {@link #MAX_LENGTH} characters are read. Reading characters rather than words lets phrasings
 * the model never saw ("boots for winter") share pieces with those it did ("winter boots").
 */
final class PromptEncoder {
    /** The characters with their own id. */
    static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789 -'/,.";
    /** Ids: padding, unknown, then the alphabet. */
    static final int VOCABULARY = ALPHABET.length() + 2;
    /** Characters read per prompt; the rest is cut off. */
    static final int MAX_LENGTH = 48;

    private PromptEncoder() {}

    /** The ids of {@code prompt}; an empty or blank prompt is an error. */
    static int[] encode(String prompt) {
        String text = prompt.strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the prompt is empty; describe what to draw, e.g. \"a summer dress\"");
        }
        int n = Math.min(MAX_LENGTH, text.length());
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            int at = ALPHABET.indexOf(text.charAt(i));
            ids[i] = at < 0 ? 1 : at + 2;
        }
        return ids;
    }
}
