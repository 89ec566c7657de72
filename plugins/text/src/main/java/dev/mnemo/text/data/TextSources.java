package dev.mnemo.text.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the user's labelled texts ({@code --data}) in whichever layout they come: a folder with one
 * subfolder per class ({@link FolderTexts}) or a CSV/TSV file with a header ({@link DelimitedTexts}).
 */
public final class TextSources {
    private TextSources() {}

    /**
     * Reads {@code path}: a folder as {@link FolderTexts}, a file as {@link DelimitedTexts} with the
     * given column names (used only for a file).
     *
     * @throws TextDataException if {@code path} does not exist, or as the chosen reader does
     */
    public static TextCorpus read(Path path, String textColumn, String labelColumn) {
        if (Files.isDirectory(path)) {
            return FolderTexts.read(path);
        }
        if (Files.isRegularFile(path)) {
            return DelimitedTexts.read(path, textColumn, labelColumn);
        }
        throw new TextDataException(path, "does not exist; give a folder with one subfolder of .txt files per "
                + "class, or a CSV/TSV file whose header names the '" + textColumn + "' and '"
                + labelColumn + "' columns");
    }
}
