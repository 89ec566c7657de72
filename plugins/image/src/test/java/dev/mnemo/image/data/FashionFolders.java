package dev.mnemo.image.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small real data for task tests: the first Fashion-MNIST images of some classes, written as PNG class folders. */
public final class FashionFolders {
    private FashionFolders() {}

    /**
     * Writes the first {@code perClass} training images of each of {@code classes} (Fashion-MNIST
     * label numbers) to {@code dir/CLASS/NNNNN.png}; skips (or fails in CI) when the data is missing.
     */
    public static Path write(Path dir, int perClass, int... classes) throws IOException {
        RequiredData.fashionMnist();
        ImageSet train = FashionMnist.train();
        int[] written = new int[FashionMnist.CLASSES.size()];
        for (int i = 0; i < train.size(); i++) {
            int label = train.labels()[i];
            if (!List.of(box(classes)).contains(label) || written[label] >= perClass) {
                continue;
            }
            Path folder = dir.resolve(FashionMnist.CLASSES.get(label).replace('/', '-'));
            Files.createDirectories(folder);
            ImageFiles.writePng(train.pixels()[i], 1, FashionMnist.SIZE, FashionMnist.SIZE, folder.resolve(String.format("%05d.png", i)));
            written[label]++;
        }
        return dir;
    }

    private static Integer[] box(int[] values) {
        return java.util.Arrays.stream(values).boxed().toArray(Integer[]::new);
    }
}
