package dev.mnemo.text.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads labelled texts laid out as for Keras' {@code text_dataset_from_directory}:
 *
 * <pre>
 * reviews/            the corpus is named after this folder
 *   negative/         one subfolder per class; its name is the label
 *     001.txt         one text per file, the whole file (UTF-8)
 *     more/002.txt    nested folders belong to the class they are in
 *   positive/
 *     ...
 * </pre>
 *
 * Only files ending in {@code .txt} (any case) are read; hidden folders (name starting with
 * {@code .}) and files directly in the top folder are ignored. Classes are read in sorted order and
 * each class's files in sorted path order, so the result does not depend on the file system.
 */
public final class FolderTexts {
    private FolderTexts() {}

    /**
     * Reads every class folder of {@code dir}.
     *
     * @throws TextDataException if {@code dir} is not a folder, has fewer than 2 class folders, a
     *                           class folder holds no {@code .txt} file, or a file cannot be read
     *                           or is not valid UTF-8
     */
    public static TextCorpus read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new TextDataException(dir, "is not a folder; give a folder with one subfolder of .txt files per class");
        }
        List<Path> classes = classFolders(dir);
        if (classes.size() < 2) {
            throw new TextDataException(dir, "has " + classes.size() + " class folder(s) " + names(classes)
                    + "; a classifier needs at least 2, one subfolder of .txt files per class");
        }
        List<LabelledText> items = new ArrayList<>();
        for (Path classDir : classes) {
            String label = classDir.getFileName().toString();
            List<Path> files = textFiles(classDir);
            if (files.isEmpty()) {
                throw new TextDataException(classDir, "holds no .txt files; put one text per .txt file in each class folder");
            }
            for (Path file : files) {
                items.add(new LabelledText(Utf8Text.read(file), label));
            }
        }
        return TextCorpus.of(dir.getFileName().toString(), items, "text files under " + dir.toAbsolutePath());
    }

    private static List<Path> classFolders(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory)
                    .filter(child -> !child.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new TextDataException(dir, "cannot be listed (" + e + "); check its permissions");
        }
    }

    private static List<Path> textFiles(Path classDir) {
        try (Stream<Path> tree = Files.walk(classDir)) {
            return tree.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt"))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new TextDataException(classDir, "cannot be listed (" + e + "); check its permissions");
        }
    }

    private static List<String> names(List<Path> folders) {
        return folders.stream().map(folder -> folder.getFileName().toString()).toList();
    }
}
