package dev.mnemo.text.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mnemo.io.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {
    private static final List<List<String>> TEXTS = List.of(
            List.of("b", "a", "c", "a"), List.of("c", "b", "d", "<unk>", "<pad>"), List.of("a", "e"));

    @Test
    void mostFrequentFirstTiesInStringOrder() {
        Vocabulary vocabulary = Vocabulary.build(TEXTS, 1, 100);
        assertEquals(List.of("<pad>", "<unk>", "a", "b", "c", "d", "e"), vocabulary.tokens());
        assertEquals(7, vocabulary.size());
        assertEquals("c", vocabulary.token(4));
    }

    @Test
    void minCountAndMaxSizeCutTheRareTokens() {
        assertEquals(List.of("<pad>", "<unk>", "a", "b", "c"), Vocabulary.build(TEXTS, 2, 100).tokens());
        assertEquals(List.of("<pad>", "<unk>", "a", "b"), Vocabulary.build(TEXTS, 1, 4).tokens());
        assertEquals(List.of("<pad>", "<unk>"), Vocabulary.build(TEXTS, 1, 2).tokens());
        assertEquals(List.of("<pad>", "<unk>"), Vocabulary.build(List.of(), 1, 10).tokens());
    }

    @Test
    void unknownTokensAndReservedSpellingsEncodeAsUnknown() {
        Vocabulary vocabulary = Vocabulary.build(TEXTS, 2, 100);
        assertArrayEquals(new int[] {2, 4, 1, 1, 1}, vocabulary.encode(List.of("a", "c", "zzz", "<pad>", "<unk>")));
        assertEquals(Vocabulary.UNKNOWN_ID, vocabulary.id("e"));
        assertArrayEquals(new int[0], vocabulary.encode(List.of()));
    }

    @Test
    void tokensRoundTripThroughJson() {
        List<List<String>> awkward = List.of(List.of("line\nbreak", "back\\slash", "\\n", "cr\r", "é😀", "", " "));
        Vocabulary vocabulary = Vocabulary.build(awkward, 1, 100);
        @SuppressWarnings("unchecked")
        List<String> read = (List<String>) Json.parse(Json.write(vocabulary.tokens()));
        Vocabulary restored = Vocabulary.of(read);
        assertEquals(vocabulary.tokens(), restored.tokens());
        assertEquals(vocabulary.id("line\nbreak"), restored.id("line\nbreak"));
        assertEquals(vocabulary.id("é😀"), restored.id("é😀"));
    }

    @Test
    void ofRejectsBadLists() {
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(List.of("a", "<unk>")));
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(List.of("<pad>")));
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(List.of("<pad>", "<unk>", "x", "x")));
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(List.of("<pad>", "<unk>", "<pad>")));
    }

    @Test
    void buildChecksItsLimits() {
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.build(TEXTS, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.build(TEXTS, 1, 1));
    }
}
