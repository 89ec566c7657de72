package dev.mnemo.text.data;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The field separator of a delimited text file, and whether fields may be quoted.
 *
 * <p>{@code .tsv} and {@code .tab} files are tab-separated without quoting (as IANA's
 * {@code text/tab-separated-values}: a field cannot hold a tab or a line break), {@code .csv} files
 * are comma-separated with RFC 4180 quoting. For other names the header line decides: a tab makes
 * it {@link #TAB}, else a comma {@link #COMMA}, else a semicolon {@link #SEMICOLON}, else
 * {@link #COMMA} (a one-column header).
 */
enum Delimiter {
    TAB('\t', false),
    COMMA(',', true),
    SEMICOLON(';', true);

    final char separator;
    final boolean quoting;

    Delimiter(char separator, boolean quoting) {
        this.separator = separator;
        this.quoting = quoting;
    }

    /** The delimiter for {@code file}, from its extension or else from its header line. */
    static Delimiter of(Path file, String headerLine) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tsv") || name.endsWith(".tab")) {
            return TAB;
        }
        if (name.endsWith(".csv")) {
            return COMMA;
        }
        for (Delimiter candidate : values()) {
            if (headerLine.indexOf(candidate.separator) >= 0) {
                return candidate;
            }
        }
        return COMMA;
    }

    /** How a message names it. */
    String displayName() {
        return this == TAB ? "tab" : "'" + separator + "'";
    }
}
