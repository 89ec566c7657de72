package dev.mnemo.text.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenizerTest {
    @Test
    void configRestoresEveryTokenizer() {
        for (Tokenizer tokenizer : List.of(new CharTokenizer(true), new CharTokenizer(false),
                new WordTokenizer(true, true), new WordTokenizer(false, true), new WordTokenizer(true, false))) {
            assertEquals(tokenizer, Tokenizer.fromConfig(tokenizer.config()));
            assertEquals(tokenizer.name(), tokenizer.config().get(Tokenizer.NAME_KEY));
        }
    }

    @Test
    void theConfigIsPlainStrings() {
        assertEquals(Map.of("tokenizer", "word", "lowercase", "true", "stop_words", "false"),
                new WordTokenizer(true, false).config());
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tokenizer.fromConfig(Map.of("tokenizer", "bpe")));
        assertTrue(e.getMessage().contains("unknown tokenizer 'bpe'") && e.getMessage().contains("char, word"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tokenizer.fromConfig(Map.of()));
    }

    @Test
    void aBadOptionIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tokenizer.fromConfig(Map.of("tokenizer", "char", "lowercase", "yes")));
        assertTrue(e.getMessage().contains("'lowercase' must be true or false, got 'yes'"), e.getMessage());
    }
}
