package dev.mnemo.text.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits delimited text into rows of fields, remembering the line each row starts on.
 *
 * <p>Rules (RFC 4180 when the delimiter quotes): rows end at {@code \n} or {@code \r\n}; a field
 * that starts with {@code "} is quoted and may hold delimiters, line breaks and doubled quotes
 * ({@code ""} stands for one {@code "}); after its closing quote only a delimiter or the end of the
 * row may follow. A quote inside an unquoted field is an ordinary character. Empty lines outside
 * quotes are skipped.
 */
final class DelimitedRows {
    /**
     * One row.
     *
     * @param line   the 1-based line on which the row starts
     * @param fields the row's fields, unquoted
     */
    record Row(int line, List<String> fields) {}

    private final Path file;
    private final String text;
    private final Delimiter delimiter;
    private int pos;
    private int line = 1;

    private DelimitedRows(Path file, String text, Delimiter delimiter) {
        this.file = file;
        this.text = text.replace("\r\n", "\n");
        this.delimiter = delimiter;
    }

    /**
     * The rows of {@code text}, read from {@code file} (named in errors).
     *
     * @throws TextDataException if a quote is never closed or text follows a closing quote
     */
    static List<Row> parse(Path file, String text, Delimiter delimiter) {
        return new DelimitedRows(file, text, delimiter).rows();
    }

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        while (pos < text.length()) {
            if (text.charAt(pos) == '\n') {
                pos++;
                line++;
                continue;
            }
            int start = line;
            rows.add(new Row(start, row()));
        }
        return rows;
    }

    /** Reads fields up to and including the end of the row. */
    private List<String> row() {
        List<String> fields = new ArrayList<>();
        while (true) {
            boolean quoted = delimiter.quoting && pos < text.length() && text.charAt(pos) == '"';
            fields.add(quoted ? quotedField() : plainField());
            if (pos >= text.length()) {
                return fields;
            }
            char end = text.charAt(pos++);
            if (end == '\n') {
                line++;
                return fields;
            }
        }
    }

    /** An unquoted field; stops at the delimiter or the end of the row without consuming it. */
    private String plainField() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != delimiter.separator && text.charAt(pos) != '\n') {
            pos++;
        }
        return text.substring(start, pos);
    }

    /** A quoted field; stops after the closing quote. */
    private String quotedField() {
        int openingLine = line;
        StringBuilder field = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw new TextDataException(file, openingLine,
                        "a quoted field is never closed; end it with \" and write a \" inside it as \"\"");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                if (pos < text.length() && text.charAt(pos) == '"') {
                    field.append('"');
                    pos++;
                    continue;
                }
                if (pos < text.length() && text.charAt(pos) != delimiter.separator && text.charAt(pos) != '\n') {
                    throw new TextDataException(file, line, "text follows the closing quote of a field; "
                            + "write a \" inside a quoted field as \"\"");
                }
                return field.toString();
            }
            if (c == '\n') {
                line++;
            }
            field.append(c);
        }
    }
}
