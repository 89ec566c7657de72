package dev.mnemo.text.classify;

import dev.mnemo.text.data.LabelledText;
import dev.mnemo.text.data.TextCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes part of a real corpus in the layout users give with --data: one subfolder per label, one .txt per text. */
final class CorpusFolders {
    private CorpusFolders() {}

    /** Every {@code step}-th text of {@code corpus} (a fixed subset), written under {@code dir}; returns {@code dir}. */
    static Path write(TextCorpus corpus, int step, Path dir) throws IOException {
        List<LabelledText> items = corpus.items();
        for (int i = 0; i < items.size(); i += step) {
            Path file = dir.resolve(items.get(i).label()).resolve(String.format("%05d.txt", i));
            Files.createDirectories(file.getParent());
            Files.writeString(file, items.get(i).text(), StandardCharsets.UTF_8);
        }
        return dir;
    }
}
