package dev.mnemo.text.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordTokenizerTest {
    private static final WordTokenizer PLAIN = new WordTokenizer(false, false);

    @Test
    void splitsPunctuationIntoTokens() {
        assertEquals(List.of("A", "very", ",", "very", "slow-moving", "film", "(", "10", "/", "10", ")", "!", "!"),
                PLAIN.tokens("A very, very slow-moving film (10/10)!!"));
    }

    @Test
    void splitsClitics() {
        assertEquals(List.of("I", "do", "n't", "think", "it", "'s", "good", ";", "we", "'re", "done", "."),
                PLAIN.tokens("I don't think it's good; we're done."));
        assertEquals(List.of("ca", "n't", "o'clock", "dogs", "'"), PLAIN.tokens("can\u2019t o'clock dogs'"));
    }

    @Test
    void keepsNumbersWhole() {
        assertEquals(List.of("costs", "3.50", "or", "1,000", "."), PLAIN.tokens("costs 3.50 or 1,000."));
    }

    @Test
    void handlesUnicodeLettersAndSymbols() {
        assertEquals(List.of("naïve", "café", "😀", "日本語"), PLAIN.tokens("naïve café😀 日本語"));
    }

    @Test
    void lowerCasesWhenAsked() {
        assertEquals(List.of("do", "n't", "shout"), new WordTokenizer(true, false).tokens("DON'T SHOUT"));
    }

    @Test
    void dropsStopWordsButKeepsNegations() {
        assertEquals(List.of("movie", "not", "good", "never", "n't", "no", "fun", "!"),
                new WordTokenizer(true, true).tokens("The movie was not good it was never I don't no fun!"));
    }

    @Test
    void emptyAndBlankTextsHaveNoTokens() {
        assertEquals(List.of(), PLAIN.tokens(""));
        assertEquals(List.of(), PLAIN.tokens(" \n\t"));
    }
}
