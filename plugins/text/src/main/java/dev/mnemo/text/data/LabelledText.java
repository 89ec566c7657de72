package dev.mnemo.text.data;

import java.util.Objects;

/**
 * One text and its class label.
 *
 * @param text  the text as read (may be empty; never null)
 * @param label the class name, not blank
 */
public record LabelledText(String text, String label) {
    /** Checks that both parts are present and the label is not blank. */
    public LabelledText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
        if (label.isBlank()) {
            throw new IllegalArgumentException("a label must not be blank");
        }
    }
}
