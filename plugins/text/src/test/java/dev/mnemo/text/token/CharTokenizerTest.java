package dev.mnemo.text.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CharTokenizerTest {
    @Test
    void oneTokenPerCodePoint() {
        assertEquals(List.of("É", "t", "é", " ", "😀", "!"), new CharTokenizer(false).tokens("Été 😀!"));
    }

    @Test
    void lowerCasesWhenAsked() {
        assertEquals(List.of("é", "t", "é"), new CharTokenizer(true).tokens("ÉTÉ"));
    }

    @Test
    void emptyTextHasNoTokens() {
        assertEquals(List.of(), new CharTokenizer(true).tokens(""));
    }
}
