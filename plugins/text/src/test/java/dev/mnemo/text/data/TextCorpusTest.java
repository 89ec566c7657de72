package dev.mnemo.text.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextCorpusTest {
    @Test
    void ofDerivesSortedDistinctLabels() {
        TextCorpus corpus = TextCorpus.of("c", List.of(new LabelledText("a", "pos"), new LabelledText("b", "neg"),
                new LabelledText("c", "pos")), "test");
        assertEquals(List.of("neg", "pos"), corpus.labels());
    }

    @Test
    void rejectsLabelsThatDoNotMatchTheItems() {
        List<LabelledText> items = List.of(new LabelledText("a", "pos"), new LabelledText("b", "neg"));
        assertThrows(IllegalArgumentException.class, () -> new TextCorpus("c", items, List.of("pos", "neg"), "test"));
        assertThrows(IllegalArgumentException.class, () -> new TextCorpus("c", items, List.of("neg"), "test"));
    }

    @Test
    void rejectsBlankLabels() {
        assertThrows(IllegalArgumentException.class, () -> new LabelledText("text", " "));
    }
}
