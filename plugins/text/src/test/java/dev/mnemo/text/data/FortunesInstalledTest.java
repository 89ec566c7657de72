package dev.mnemo.text.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real Debian corpus. Skipped where it is not installed, unless {@code MNEMO_REQUIRE_DATA=1}
 * (CI after its install step), where its absence fails with the install command.
 */
class FortunesInstalledTest {
    @BeforeEach
    void requireCorpus() {
        if (Files.isDirectory(Fortunes.DEFAULT_DIR)) {
            return;
        }
        String problem = Fortunes.DEFAULT_DIR + " is missing; install it with: " + Fortunes.INSTALL_COMMAND;
        if ("1".equals(System.getenv("MNEMO_REQUIRE_DATA"))) {
            fail(problem);
        }
        assumeTrue(false, problem);
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
        assertEquals(704, Fortunes.records(Fortunes.DEFAULT_DIR.resolve("politics")).size());
    }
}
