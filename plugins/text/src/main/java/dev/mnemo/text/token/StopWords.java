package dev.mnemo.text.token;

import java.util.Set;

/**
 * A small English stop-word list: articles, pronouns, auxiliaries, prepositions and conjunctions,
 * written in lower case and as {@link WordTokenizer} splits them ({@code 's}, {@code 're}, ...).
 * Negations ({@code not}, {@code no}, {@code nor}, {@code never}, {@code n't}, {@code cannot}) and
 * intensifiers such as {@code very} or {@code too} are deliberately absent: they carry sentiment.
 */
final class StopWords {
    /** The words. */
    static final Set<String> ENGLISH = Set.of(
            "a", "an", "the", "and", "or", "but", "if", "so", "as", "than", "then",
            "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her",
            "it", "its", "they", "them", "their", "this", "that", "these", "those",
            "what", "which", "who", "whom", "there", "here",
            "is", "are", "was", "were", "be", "been", "being", "am",
            "have", "has", "had", "do", "does", "did", "will", "would", "shall", "should", "can", "could",
            "'s", "'m", "'re", "'ve", "'ll", "'d",
            "of", "at", "by", "for", "with", "about", "into", "to", "from", "in", "on", "up", "out",
            "over", "under");

    private StopWords() {}
}
