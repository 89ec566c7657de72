package dev.mnemo.train.callbacks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file path with placeholders filled per epoch, as in Keras's checkpoint paths:
 * {@code {epoch}} is the epoch counted from 1, {@code {key}} any epoch-log value
 * ({@code {val_loss}}), each with an optional format after a colon written as in Python or
 * {@link String#format} without the {@code %}: {@code model-{epoch:03d}-{val_loss:.4f}.safetensors}
 * gives {@code model-007-0.1234.safetensors}.
 */
final class PathTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?}");

    private final String template;
    private final List<Placeholder> placeholders = new ArrayList<>();

    private record Placeholder(String whole, String key, String format) {}

    PathTemplate(Path path) {
        this.template = path.toString();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            String key = m.group(1);
            String spec = m.group(2) == null ? (key.equals("epoch") ? "d" : "s") : m.group(2);
            Placeholder p = new Placeholder(m.group(), key, "%" + spec);
            Object sample = key.equals("epoch") ? (Object) 1 : (Object) 0.5;   // casts keep the ternary from unboxing to double
            try {
                format(p, sample);
            } catch (IllegalFormatException e) {
                throw new IllegalArgumentException("checkpoint path " + template + ": placeholder " + p.whole()
                        + " has a format that does not fit a " + (key.equals("epoch") ? "whole number" : "decimal number")
                        + " (" + e.getMessage() + "); use e.g. {epoch:03d} or {val_loss:.4f}");
            }
            placeholders.add(p);
        }
    }

    /** Whether the path changes from epoch to epoch. */
    boolean hasPlaceholders() {
        return !placeholders.isEmpty();
    }

    /** The path for {@code epoch} (0-based, shown from 1) with values from {@code logs}. */
    Path resolve(int epoch, Map<String, Double> logs) {
        String path = template;
        for (Placeholder p : placeholders) {
            Object value;
            if (p.key().equals("epoch")) {
                value = epoch + 1;
            } else {
                value = logs.get(p.key());
                if (value == null) {
                    throw new IllegalArgumentException("checkpoint path " + template + " needs '" + p.key()
                            + "' but the epoch logs have only " + logs.keySet());
                }
            }
            path = path.replace(p.whole(), format(p, value));
        }
        return Path.of(path);
    }

    private static String format(Placeholder p, Object value) {
        return String.format(Locale.ROOT, p.format(), value);
    }

    @Override
    public String toString() {
        return template;
    }
}
