package dev.mnemo.text.data;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes repeated texts, so that no text lands in both a training and a test split: the first copy
 * of a text is kept, and a text that appears with different labels is dropped altogether (its label
 * is unknowable).
 */
final class DistinctTexts {
    private DistinctTexts() {}

    /** {@code items} without repeats, in their original order. */
    static List<LabelledText> of(List<LabelledText> items) {
        Map<String, String> labelOf = new HashMap<>();
        Set<String> conflicting = new HashSet<>();
        for (LabelledText item : items) {
            String previous = labelOf.putIfAbsent(item.text(), item.label());
            if (previous != null && !previous.equals(item.label())) {
                conflicting.add(item.text());
            }
        }
        Set<String> seen = new HashSet<>();
        return items.stream()
                .filter(item -> !conflicting.contains(item.text()))
                .filter(item -> seen.add(item.text()))
                .toList();
    }
}
