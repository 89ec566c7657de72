package dev.mnemo.text.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextSourcesTest {
    @TempDir
    Path dir;

    @Test
    void aFolderIsReadAsClassFolders() {
        TextFiles.write(dir.resolve("texts/a/1.txt"), "x");
        TextFiles.write(dir.resolve("texts/b/1.txt"), "y");
        assertEquals(List.of("a", "b"), TextSources.read(dir.resolve("texts"), "text", "label").labels());
    }

    @Test
    void aFileIsReadAsDelimitedRowsWithTheGivenColumns() {
        Path file = TextFiles.write(dir.resolve("d.csv"), "body,tag\nx,a\ny,b\n");
        assertEquals(new LabelledText("y", "b"), TextSources.read(file, "body", "tag").items().get(1));
    }

    @Test
    void aMissingPathSaysWhatIsExpected() {
        Path missing = dir.resolve("nope");
        TextDataException e = assertThrows(TextDataException.class, () -> TextSources.read(missing, "text", "label"));
        assertTrue(e.getMessage().startsWith(missing + ": does not exist; give a folder"), e.getMessage());
    }
}
