package dev.mnemo.text.token;

import java.util.Map;

/** Reads typed options from a tokenizer's string config. */
final class ConfigValues {
    private ConfigValues() {}

    /** The boolean at {@code key}: exactly {@code true} or {@code false}. */
    static boolean bool(Map<String, String> config, String key) {
        return switch (config.get(key)) {
            case "true" -> true;
            case "false" -> false;
            case null, default -> throw new IllegalArgumentException(
                    "tokenizer option '" + key + "' must be true or false, got '" + config.get(key) + "' in " + config);
        };
    }
}
