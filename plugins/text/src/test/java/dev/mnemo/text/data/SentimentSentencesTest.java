package dev.mnemo.text.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SentimentSentencesTest {
    private static final Map<String, String> SHA256 = Map.of(
            "amazon.json", "bc5eb0cac49fc45987301f1dc2d02cf5ca356ba6c882be179dce77d74e666ed9",
            "imdb.json", "44a7b9082ed732ee2de3c858ea5ee2e99aca34f239a1c4359d3a300bf099bdb5",
            "yelp.json", "9f3f47983f21eeb819380767b74bfa648eca208f156241111454b3e122773ff7");

    @Test
    void bundledFilesAreTheUnchangedNpmCopies() throws IOException, NoSuchAlgorithmException {
        for (String file : SentimentSentences.FILES) {
            try (InputStream in = SentimentSentences.class.getResourceAsStream("uci-sentiment/" + file)) {
                assertNotNull(in, file);
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
                assertEquals(SHA256.get(file), HexFormat.of().formatHex(digest), file);
            }
        }
    }

    @Test
    void loadsTheDistinctSentencesOfAllThreeSources() {
        TextCorpus corpus = SentimentSentences.load();

        assertEquals("uci-sentiment", corpus.name());
        assertEquals(2982, corpus.items().size());
        assertEquals(List.of("negative", "positive"), corpus.labels());
        Map<String, Long> perLabel = corpus.items().stream()
                .collect(Collectors.groupingBy(LabelledText::label, Collectors.counting()));
        assertEquals(Map.of("negative", 1492L, "positive", 1490L), perLabel);
        assertEquals(corpus.items().size(), corpus.items().stream().map(LabelledText::text).distinct().count());
        corpus.items().forEach(item -> {
            assertFalse(item.text().isBlank());
            assertEquals(item.text().stripTrailing(), item.text());
        });
        assertEquals(new LabelledText("So there is no way for me to plug it in here in the US unless I go by a converter.",
                "negative"), corpus.items().getFirst());
    }
}
