package dev.mnemo.text.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DelimitedTextsTest {
    @TempDir
    Path dir;

    private TextDataException failure(String fileName, String content, int line, String problemStart) {
        Path file = TextFiles.write(dir.resolve(fileName), content);
        TextDataException e = assertThrows(TextDataException.class, () -> DelimitedTexts.read(file));
        assertEquals(file, e.file());
        String where = line > 0 ? file + ", line " + line + ": " : file + ": ";
        assertTrue(e.getMessage().startsWith(where + problemStart), e.getMessage());
        return e;
    }

    @Test
    void readsCsvWithRfc4180Quoting() {
        Path file = TextFiles.write(dir.resolve("reviews.csv"), "\uFEFFid,text,label\r\n"
                + "1,\"Great battery, lasts all day\",positive\r\n"
                + "2,\"She said \"\"meh\"\"\nand left\", negative \r\n"
                + "\r\n"
                + "3,plain \"inner\" quotes,negative\r\n");

        TextCorpus corpus = DelimitedTexts.read(file);

        assertEquals("reviews", corpus.name());
        assertEquals(List.of(new LabelledText("Great battery, lasts all day", "positive"),
                new LabelledText("She said \"meh\"\nand left", "negative"),
                new LabelledText("plain \"inner\" quotes", "negative")), corpus.items());
    }

    @Test
    void readsTsvWithoutQuotingAndNamedColumns() {
        Path file = TextFiles.write(dir.resolve("pairs.tsv"), "sentence\tsentiment\n\"Quoted\" start, with comma\t1\nno\t0");
        TextCorpus corpus = DelimitedTexts.read(file, "sentence", "sentiment");
        assertEquals(List.of(new LabelledText("\"Quoted\" start, with comma", "1"), new LabelledText("no", "0")),
                corpus.items());
    }

    @Test
    void sniffsTheDelimiterFromTheHeaderOfOtherFiles() {
        Path tabs = TextFiles.write(dir.resolve("data.txt"), "label\ttext\na\tx, y\nb\tz");
        assertEquals(new LabelledText("x, y", "a"), DelimitedTexts.read(tabs).items().getFirst());
        Path semicolons = TextFiles.write(dir.resolve("data.dat"), "label;text\na;\"x; y\"\nb;z");
        assertEquals(new LabelledText("x; y", "a"), DelimitedTexts.read(semicolons).items().getFirst());
    }

    @Test
    void aMissingColumnListsTheHeader() {
        TextDataException e = failure("m.csv", "review,label\nx,a\ny,b\n", 1, "the header has no column 'text'");
        assertTrue(e.getMessage().contains("[review, label]"), e.getMessage());
        assertTrue(e.getMessage().contains("--text-column"), e.getMessage());
    }

    @Test
    void aRowWithTheWrongFieldCountNamesItsLine() {
        failure("f.csv", "text,label\n\"a\nb\",x\nc,d,e\n", 4, "the row has 3 field(s) but the header has 2");
    }

    @Test
    void anEmptyLabelNamesItsLine() {
        failure("e.csv", "text,label\nx,a\ny, \n", 3, "the label is empty");
    }

    @Test
    void anUnterminatedQuoteNamesTheLineItOpensOn() {
        failure("u.csv", "text,label\nx,a\n\"never closed,b\ny,c\n", 3, "a quoted field is never closed");
    }

    @Test
    void textAfterAClosingQuoteNamesItsLine() {
        failure("t.csv", "text,label\n\"one\ntwo\"x,a\n", 3, "text follows the closing quote");
    }

    @Test
    void needsTwoDistinctLabels() {
        TextDataException e = failure("one.csv", "text,label\nx,a\ny,a\n", 0, "the rows on lines 2-3 all have the label [a]");
        assertEquals(0, e.line());
    }

    @Test
    void anEmptyFileOrOneWithoutRowsIsExplained() {
        failure("empty.csv", "", 0, "is empty; its first line must name the columns");
        failure("header.csv", "text,label\n", 0, "has a header but no rows");
    }

    @Test
    void invalidUtf8NamesTheLine() {
        Path file = TextFiles.write(dir.resolve("bad.csv"), new byte[] {'t', ',', 'l', '\n', (byte) 0xC3, '(', '\n'});
        TextDataException e = assertThrows(TextDataException.class, () -> DelimitedTexts.read(file));
        assertTrue(e.getMessage().startsWith(file + ", line 2: byte 0xc3"), e.getMessage());
    }
}
