package dev.mnemo.text.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Debian corpus ({@link RequiredData#fortunes()}: skipped where missing, failing in CI). */
class FortunesInstalledTest {
    @BeforeEach
    void requireCorpus() {
        RequiredData.fortunes();
    }

    @Test
    void theDefaultSetHas700OfEachCategory() {
        TextCorpus corpus = Fortunes.categories(42);

        assertEquals("fortunes-4", corpus.name());
        assertEquals(Fortunes.DEFAULT_CATEGORIES, corpus.labels());
        Map<String, Long> perLabel = corpus.items().stream()
                .collect(Collectors.groupingBy(LabelledText::label, Collectors.counting()));
        assertEquals(Map.of("computers", 700L, "definitions", 700L, "politics", 700L, "songs-poems", 700L), perLabel);
        corpus.items().forEach(item -> {
            assertFalse(item.text().isBlank());
            assertFalse(item.text().contains("\b"), item.text());
        });
    }

    @Test
    void categoryFilesHoldTheDocumentedRecordCounts() {
        assertEquals(1051, Fortunes.records(Fortunes.DEFAULT_DIR.resolve("computers")).size());
        // DATA.md's table says 704: it counts the empty piece after the file's last '%'.
        assertEquals(703, Fortunes.records(Fortunes.DEFAULT_DIR.resolve("politics")).size());
    }
}
