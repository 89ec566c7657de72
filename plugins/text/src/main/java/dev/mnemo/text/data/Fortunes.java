package dev.mnemo.text.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Debian {@code fortunes} corpus (packages {@code fortunes} and {@code fortunes-min}, BSD
 * licence), read from {@code /usr/share/games/fortunes}.
 *
 * <p>Each category is a UTF-8 text file named after it (the {@code .dat} strfile indexes and the
 * {@code .u8} links beside them are not read). Its records are separated by lines holding only
 * {@code %}. Reading strips {@code X\b} overstrikes (a character followed by a backspace), trims
 * each record and drops empty ones.
 */
public final class Fortunes {
    /** Where Debian installs the corpus. */
    public static final Path DEFAULT_DIR = Path.of("/usr/share/games/fortunes");
    /** The balanced four-way classification set recommended for text classification. */
    public static final List<String> DEFAULT_CATEGORIES = List.of("computers", "definitions", "politics", "songs-poems");
    /** Records kept per category of {@link #DEFAULT_CATEGORIES} (each has at least 700). */
    public static final int DEFAULT_CAP_PER_CLASS = 700;
    /** The command that installs the corpus. */
    public static final String INSTALL_COMMAND = "sudo apt-get install -y fortunes fortunes-min";
    /** Where the data comes from and its licence. */
    public static final String SOURCE = "Debian packages fortunes + fortunes-min (BSD licence)";

    private static final Pattern RECORD_SEPARATOR = Pattern.compile("(?m)^%$\\n?");
    /** A character struck over by a backspace; {@code ____\b\b\b\b} nests, so it is removed until none is left. */
    private static final Pattern OVERSTRIKE = Pattern.compile("[^\u0008]\u0008");

    private Fortunes() {}

    /** The default set: {@link #DEFAULT_CATEGORIES} from {@link #DEFAULT_DIR}, 700 each, named {@code fortunes-4}. */
    public static TextCorpus categories(long seed) {
        return categories(DEFAULT_DIR, DEFAULT_CATEGORIES, DEFAULT_CAP_PER_CLASS, seed);
    }

    /**
     * Labelled records of the given categories, the category being the label: each category's
     * records are shuffled with a {@code new Random(seed)} and cut to {@code capPerClass} (a
     * category with fewer keeps them all). Items come category by category in the given order. The
     * corpus is named {@code fortunes-N}, N being the number of categories.
     *
     * @throws TextDataException if {@code dir} or a category file is missing (the message gives
     *                           {@link #INSTALL_COMMAND}), or a file is not valid UTF-8
     */
    public static TextCorpus categories(Path dir, List<String> categories, int capPerClass, long seed) {
        if (capPerClass < 1) {
            throw new IllegalArgumentException("capPerClass must be at least 1, got " + capPerClass);
        }
        requireDir(dir);
        List<LabelledText> items = new ArrayList<>();
        for (String category : categories) {
            List<String> records = new ArrayList<>(records(categoryFile(dir, category)));
            Collections.shuffle(records, new Random(seed));
            for (String record : records.subList(0, Math.min(capPerClass, records.size()))) {
                items.add(new LabelledText(record, category));
            }
        }
        return TextCorpus.of("fortunes-" + categories.size(), items, SOURCE + ", categories " + categories);
    }

    /**
     * The records of one category file, in file order, overstrikes stripped, trimmed, none empty.
     *
     * @throws TextDataException if the file is missing or is not valid UTF-8
     */
    public static List<String> records(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TextDataException(file, "is missing; install the fortunes corpus with: " + INSTALL_COMMAND);
        }
        String text = withoutOverstrikes(Utf8Text.read(file).replace("\r\n", "\n"));
        return RECORD_SEPARATOR.splitAsStream(text).map(String::strip).filter(record -> !record.isEmpty()).toList();
    }

    /** {@code text} without {@code X\b} overstrikes (nested ones included) and stray backspaces. */
    static String withoutOverstrikes(String text) {
        String previous;
        do {
            previous = text;
            text = OVERSTRIKE.matcher(text).replaceAll("");
        } while (!text.equals(previous));
        return text.replace("\u0008", "");
    }

    /**
     * The category names found in {@code dir}: every file that has a {@code .dat} index beside it,
     * sorted.
     *
     * @throws TextDataException if {@code dir} is missing (the message gives {@link #INSTALL_COMMAND})
     */
    public static List<String> availableCategories(Path dir) {
        requireDir(dir);
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".dat"))
                    .map(name -> name.substring(0, name.length() - ".dat".length()))
                    .filter(name -> Files.isRegularFile(dir.resolve(name)))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new TextDataException(dir, "cannot be listed (" + e + "); check its permissions");
        }
    }

    private static Path categoryFile(Path dir, String category) {
        Path file = dir.resolve(category);
        if (!Files.isRegularFile(file)) {
            throw new TextDataException(file, "is missing; the categories here are " + availableCategories(dir)
                    + "; the Debian ones come with: " + INSTALL_COMMAND);
        }
        return file;
    }

    private static void requireDir(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new TextDataException(dir, "is missing; install the fortunes corpus with: " + INSTALL_COMMAND);
        }
    }
}
