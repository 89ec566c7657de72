package dev.mnemo.text.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads labelled texts from a CSV or TSV file whose first row names the columns, e.g.
 *
 * <pre>
 * text,label
 * "Great battery, lasts all day",positive
 * Broke after a week.,negative
 * </pre>
 *
 * The file is UTF-8 (a byte order mark is skipped). The separator follows the file name or the
 * header (see {@link Delimiter}); CSV fields use RFC 4180 quoting (see {@link DelimitedRows}).
 * Column names are matched after trimming spaces; labels are trimmed, texts are kept as they are.
 * Other columns are ignored. The corpus is named after the file without its extension and keeps the
 * rows in file order.
 */
public final class DelimitedTexts {
    /** The text column's default name. */
    public static final String DEFAULT_TEXT_COLUMN = "text";
    /** The label column's default name. */
    public static final String DEFAULT_LABEL_COLUMN = "label";

    private DelimitedTexts() {}

    /** Reads {@code file} with the default column names {@code text} and {@code label}. */
    public static TextCorpus read(Path file) {
        return read(file, DEFAULT_TEXT_COLUMN, DEFAULT_LABEL_COLUMN);
    }

    /**
     * Reads {@code file}, taking texts from {@code textColumn} and labels from {@code labelColumn}.
     *
     * @throws TextDataException if the file cannot be read or is not UTF-8, has no header, lacks a
     *                           named column (the message lists the header's columns), a row has
     *                           a different number of fields than the header, a label is empty, a
     *                           quote is not closed, or there are fewer than 2 distinct labels
     */
    public static TextCorpus read(Path file, String textColumn, String labelColumn) {
        String text = Utf8Text.read(file);
        Delimiter delimiter = Delimiter.of(file, text.lines().findFirst().orElse(""));
        List<DelimitedRows.Row> rows = DelimitedRows.parse(file, text, delimiter);
        if (rows.isEmpty()) {
            throw new TextDataException(file, "is empty; its first line must name the columns, e.g. "
                    + textColumn + delimiter.separator + labelColumn);
        }
        DelimitedRows.Row header = rows.getFirst();
        int textIndex = columnIndex(file, header, textColumn, "--text-column");
        int labelIndex = columnIndex(file, header, labelColumn, "--label-column");
        List<LabelledText> items = new ArrayList<>();
        for (DelimitedRows.Row row : rows.subList(1, rows.size())) {
            items.add(item(file, header, row, textIndex, labelIndex, delimiter));
        }
        if (items.isEmpty()) {
            throw new TextDataException(file, "has a header but no rows; add one row per text");
        }
        TextCorpus corpus = TextCorpus.of(baseName(file), items, "rows of " + file.toAbsolutePath());
        if (corpus.labels().size() < 2) {
            throw new TextDataException(file, "the rows on lines " + rows.get(1).line() + "-"
                    + rows.getLast().line() + " all have the label " + corpus.labels()
                    + " in column '" + labelColumn + "'; a classifier needs at least 2 distinct labels");
        }
        return corpus;
    }

    private static int columnIndex(Path file, DelimitedRows.Row header, String column, String option) {
        List<String> names = header.fields().stream().map(String::strip).toList();
        int index = names.indexOf(column);
        if (index < 0) {
            throw new TextDataException(file, header.line(), "the header has no column '" + column
                    + "'; its columns are " + names + "; name the right one with " + option);
        }
        if (names.lastIndexOf(column) != index) {
            throw new TextDataException(file, header.line(), "the header names column '" + column
                    + "' more than once; rename one of them");
        }
        return index;
    }

    private static LabelledText item(Path file, DelimitedRows.Row header, DelimitedRows.Row row,
                                     int textIndex, int labelIndex, Delimiter delimiter) {
        List<String> fields = row.fields();
        if (fields.size() != header.fields().size()) {
            throw new TextDataException(file, row.line(), "the row has " + fields.size()
                    + " field(s) but the header has " + header.fields().size() + " (separated by "
                    + delimiter.displayName() + ")" + (delimiter.quoting
                    ? "; put a field that holds the separator in double quotes"
                    : "; a text must not contain a tab"));
        }
        String label = fields.get(labelIndex).strip();
        if (label.isEmpty()) {
            throw new TextDataException(file, row.line(), "the label is empty; give every row a label");
        }
        return new LabelledText(fields.get(textIndex), label);
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
