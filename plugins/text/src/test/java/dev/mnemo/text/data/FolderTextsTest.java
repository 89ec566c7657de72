package dev.mnemo.text.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderTextsTest {
    @TempDir
    Path dir;

    @Test
    void readsOneClassPerSubfolderInSortedOrder() {
        TextFiles.write(dir.resolve("pos/b.txt"), "great\nfilm");
        TextFiles.write(dir.resolve("pos/a.txt"), "\uFEFFloved it ❤");
        TextFiles.write(dir.resolve("neg/nested/c.TXT"), "dull");
        TextFiles.write(dir.resolve("neg/notes.md"), "not a text");
        TextFiles.write(dir.resolve(".hidden/x.txt"), "ignored");
        TextFiles.write(dir.resolve("top.txt"), "ignored");

        TextCorpus corpus = FolderTexts.read(dir);

        assertEquals(dir.getFileName().toString(), corpus.name());
        assertEquals(List.of("neg", "pos"), corpus.labels());
        assertEquals(List.of(new LabelledText("dull", "neg"), new LabelledText("loved it ❤", "pos"),
                new LabelledText("great\nfilm", "pos")), corpus.items());
    }

    @Test
    void aFileIsNotAFolder() {
        Path file = TextFiles.write(dir.resolve("data.txt"), "x");
        TextDataException e = assertThrows(TextDataException.class, () -> FolderTexts.read(file));
        assertTrue(e.getMessage().startsWith(file + ": is not a folder"), e.getMessage());
    }

    @Test
    void needsTwoClassFolders() {
        TextFiles.write(dir.resolve("only/a.txt"), "x");
        TextDataException e = assertThrows(TextDataException.class, () -> FolderTexts.read(dir));
        assertTrue(e.getMessage().startsWith(dir + ": has 1 class folder(s) [only]"), e.getMessage());
    }

    @Test
    void aClassFolderNeedsTextFiles() throws IOException {
        TextFiles.write(dir.resolve("pos/a.txt"), "x");
        Files.createDirectories(dir.resolve("neg"));
        TextDataException e = assertThrows(TextDataException.class, () -> FolderTexts.read(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("neg") + ": holds no .txt files"), e.getMessage());
    }

    @Test
    void invalidUtf8NamesTheFileAndLine() {
        TextFiles.write(dir.resolve("pos/a.txt"), "fine");
        Path bad = TextFiles.write(dir.resolve("neg/b.txt"), new byte[] {'o', 'k', '\n', 'x', '\n', 'c', 'a', 'f', (byte) 0xE9});
        TextDataException e = assertThrows(TextDataException.class, () -> FolderTexts.read(dir));
        assertEquals(bad, e.file());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith(bad + ", line 3: byte 0xe9 at offset 8 is not valid UTF-8"), e.getMessage());
    }

    @Test
    void anUnreadableFileIsNamed() throws IOException {
        TextFiles.write(dir.resolve("pos/a.txt"), "fine");
        Path unreadable = TextFiles.write(dir.resolve("neg/b.txt"), "secret");
        assumeTrue(unreadable.toFile().setReadable(false) && !Files.isReadable(unreadable),
                "root reads every file");
        TextDataException e = assertThrows(TextDataException.class, () -> FolderTexts.read(dir));
        assertTrue(e.getMessage().startsWith(unreadable + ": cannot be read"), e.getMessage());
    }
}
