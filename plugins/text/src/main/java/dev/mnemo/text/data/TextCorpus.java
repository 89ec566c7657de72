package dev.mnemo.text.data;

import java.util.List;
import java.util.Objects;

/**
 * A named collection of labelled texts, ready for a text task.
 *
 * @param name   a short identifier, e.g. {@code uci-sentiment} or the user's folder name
 * @param items  the texts in a deterministic order (immutable)
 * @param labels the distinct labels of {@code items}, sorted by {@link String#compareTo}, so that a
 *               label's index is a stable class id
 * @param source one line saying where the data comes from and under which licence
 */
public record TextCorpus(String name, List<LabelledText> items, List<String> labels, String source) {
    /** Copies the lists and checks that {@code labels} are exactly the items' sorted distinct labels. */
    public TextCorpus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        items = List.copyOf(items);
        labels = List.copyOf(labels);
        if (!labels.equals(labelsOf(items))) {
            throw new IllegalArgumentException(
                    "labels " + labels + " are not the sorted distinct labels of the items " + labelsOf(items));
        }
    }

    /** A corpus whose labels are derived from its items. */
    public static TextCorpus of(String name, List<LabelledText> items, String source) {
        return new TextCorpus(name, items, labelsOf(items), source);
    }

    private static List<String> labelsOf(List<LabelledText> items) {
        return items.stream().map(LabelledText::label).distinct().sorted().toList();
    }
}
