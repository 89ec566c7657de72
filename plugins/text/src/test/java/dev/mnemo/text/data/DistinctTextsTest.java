package dev.mnemo.text.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DistinctTextsTest {
    @Test
    void keepsTheFirstCopyAndDropsTextsWithConflictingLabels() {
        List<LabelledText> items = List.of(
                new LabelledText("good", "pos"), new LabelledText("meh", "neg"), new LabelledText("good", "pos"),
                new LabelledText("bad", "neg"), new LabelledText("meh", "pos"));
        assertEquals(List.of(new LabelledText("good", "pos"), new LabelledText("bad", "neg")), DistinctTexts.of(items));
    }
}
