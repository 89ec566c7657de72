package dev.mnemo.text.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fortunes on a small fake corpus folder; {@link FortunesInstalledTest} reads the real one. */
class FortunesTest {
    @TempDir
    Path dir;

    @BeforeEach
    void writeFakeCorpus() {
        TextFiles.write(dir.resolve("bold"), "A _\bu_\bn_\bd_\be_\br_\bl_\bi_\bn_\be_\bd word\n%\nB\bBo\bol\bld\bd\n%\nI *___\b\b\bknew*\n%\n%\n  \n%\nlast, no %\n");
        TextFiles.write(dir.resolve("bold.dat"), new byte[] {0, 1, 2});
        String many = IntStream.range(0, 20).mapToObj(i -> "fortune " + i + "\n50% off\n").reduce((a, b) -> a + "%\n" + b).orElseThrow();
        TextFiles.write(dir.resolve("many"), many);
        TextFiles.write(dir.resolve("many.dat"), new byte[] {0});
    }

    @Test
    void splitsRecordsOnPercentLinesAndStripsOverstrikes() {
        assertEquals(List.of("A underlined word", "Bold", "I *knew*", "last, no %"), Fortunes.records(dir.resolve("bold")));
    }

    @Test
    void capsEachShuffledCategoryAndLabelsItsRecords() {
        TextCorpus corpus = Fortunes.categories(dir, List.of("many", "bold"), 5, 42);

        assertEquals("fortunes-2", corpus.name());
        assertEquals(List.of("bold", "many"), corpus.labels());
        assertEquals(9, corpus.items().size());
        assertEquals(5, corpus.items().stream().filter(item -> item.label().equals("many")).count());
        assertTrue(corpus.items().stream().allMatch(item -> item.label().equals("bold") || item.text().endsWith("\n50% off")));
    }

    @Test
    void theSeedFixesTheSample() {
        List<LabelledText> first = Fortunes.categories(dir, List.of("many"), 5, 7).items();
        assertEquals(first, Fortunes.categories(dir, List.of("many"), 5, 7).items());
        assertNotEquals(first, Fortunes.categories(dir, List.of("many"), 5, 8).items());
    }

    @Test
    void listsCategoriesWithAnIndex() {
        assertEquals(List.of("bold", "many"), Fortunes.availableCategories(dir));
    }

    @Test
    void aMissingFolderGivesTheInstallCommand() {
        Path missing = dir.resolve("absent");
        TextDataException e = assertThrows(TextDataException.class, () -> Fortunes.categories(missing, List.of("x"), 1, 0));
        assertTrue(e.getMessage().startsWith(missing + ": is missing"), e.getMessage());
        assertTrue(e.getMessage().endsWith("sudo apt-get install -y fortunes fortunes-min"), e.getMessage());
    }

    @Test
    void aMissingCategoryListsTheOthersAndTheInstallCommand() {
        TextDataException e = assertThrows(TextDataException.class, () -> Fortunes.categories(dir, List.of("bold", "zen"), 1, 0));
        assertTrue(e.getMessage().startsWith(dir.resolve("zen") + ": is missing; the categories here are [bold, many]"),
                e.getMessage());
        assertTrue(e.getMessage().contains(Fortunes.INSTALL_COMMAND), e.getMessage());
    }
}
