package dev.mnemo.text.data;

import dev.mnemo.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The UCI "Sentiment Labelled Sentences" (Kotzias, Denil, de Freitas and Smyth, "From Group to
 * Individual Labels using Deep Features", KDD 2015; CC BY 4.0): short reviews from amazon.com,
 * imdb.com and yelp.com, labelled {@code negative} or {@code positive}, bundled in this jar.
 *
 * <p>The three files under {@code dev/mnemo/text/data/uci-sentiment/} are the unchanged copies
 * from the npm package {@code sentiment@5.0.2} ({@code test/fixtures/*.json}; see the README there
 * for their sha256): each a JSON array of {@code {"text": "...", "class": 0|1}} whose last entry is
 * a dummy {@code {"text": "", "class": null}}. Reading drops the dummy rows, strips trailing
 * whitespace, and keeps each text once ({@link DistinctTexts}): 2,982 sentences, 1,492 negative and
 * 1,490 positive, in the order amazon, imdb, yelp.
 */
public final class SentimentSentences {
    /** The corpus name. */
    public static final String NAME = "uci-sentiment";
    /** Where the data comes from and its licence. */
    public static final String SOURCE = "UCI Sentiment Labelled Sentences (Kotzias et al., KDD 2015), "
            + "CC BY 4.0, https://archive.ics.uci.edu/dataset/331/sentiment+labelled+sentences, "
            + "as shipped in npm sentiment@5.0.2";
    /** The bundled files, in reading order. */
    public static final List<String> FILES = List.of("amazon.json", "imdb.json", "yelp.json");
    /** The SHA-256 of each bundled file, as published in its README; checked on every read. */
    static final Map<String, String> SHA256 = Map.of(
            "amazon.json", "bc5eb0cac49fc45987301f1dc2d02cf5ca356ba6c882be179dce77d74e666ed9",
            "imdb.json", "44a7b9082ed732ee2de3c858ea5ee2e99aca34f239a1c4359d3a300bf099bdb5",
            "yelp.json", "9f3f47983f21eeb819380767b74bfa648eca208f156241111454b3e122773ff7");

    private static final String RESOURCE_FOLDER = "uci-sentiment/";
    private static final List<String> LABELS = List.of("negative", "positive");

    private SentimentSentences() {}

    /** All sentences of the three sources, deduplicated; a file whose hash differs fails as a damaged jar. */
    public static TextCorpus load() {
        List<LabelledText> items = new ArrayList<>();
        for (String file : FILES) {
            items.addAll(sentences(file));
        }
        return TextCorpus.of(NAME, DistinctTexts.of(items), SOURCE);
    }

    private static List<LabelledText> sentences(String file) {
        List<LabelledText> sentences = new ArrayList<>();
        if (!(Json.parse(resourceText(file)) instanceof List<?> rows)) {
            throw new IllegalStateException(file + " in the jar is not a JSON array; the jar is damaged");
        }
        for (Object row : rows) {
            if (!(row instanceof Map<?, ?> fields) || !(fields.get("text") instanceof String text)) {
                throw new IllegalStateException(file + " in the jar holds a row without text: " + row);
            }
            Object label = fields.get("class");
            if (label == null && text.isEmpty()) {
                continue; // the dummy last row
            }
            if (!(label instanceof Number number) || (number.doubleValue() != 0 && number.doubleValue() != 1)) {
                throw new IllegalStateException(file + " in the jar holds a row with a bad class: " + row);
            }
            sentences.add(new LabelledText(text.stripTrailing(), LABELS.get(number.intValue())));
        }
        return sentences;
    }

    private static String resourceText(String file) {
        try (InputStream in = SentimentSentences.class.getResourceAsStream(RESOURCE_FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE_FOLDER + file + " is missing from the jar; rebuild the text plugin");
            }
            byte[] bytes = in.readAllBytes();
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            if (!sha256.equals(SHA256.get(file))) {
                throw new IllegalStateException(RESOURCE_FOLDER + file + " in the jar has SHA-256 " + sha256 + ", not "
                        + SHA256.get(file) + "; the jar is damaged: rebuild the text plugin");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " from the jar", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
