package dev.mnemo.text.token;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins strings into one string, one per line, and splits it back: inside each string a backslash
 * is written {@code \\}, a line feed {@code \n} and a carriage return {@code \r}, so any strings
 * survive the round trip, line breaks included. The empty list and the list holding one empty
 * string both join to {@code ""}; {@link #split} returns the latter.
 */
final class EscapedLines {
    private EscapedLines() {}

    /** The strings, escaped, joined by {@code \n}. */
    static String join(List<String> strings) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < strings.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            for (char c : strings.get(i).toCharArray()) {
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(c);
                }
            }
        }
        return out.toString();
    }

    /**
     * The strings {@link #join} joined.
     *
     * @throws IllegalArgumentException on a backslash that starts no escape
     */
    static List<String> split(String joined) {
        List<String> strings = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '\n') {
                strings.add(current.toString());
                current.setLength(0);
            } else if (c == '\\') {
                char escaped = i + 1 < joined.length() ? joined.charAt(++i) : ' ';
                current.append(switch (escaped) {
                    case '\\' -> '\\';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> throw new IllegalArgumentException(
                            "bad escape at offset " + (i - 1) + " of a token list: only \\\\, \\n and \\r are allowed");
                });
            } else {
                current.append(c);
            }
        }
        strings.add(current.toString());
        return strings;
    }
}
