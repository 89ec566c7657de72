package dev.mnemo.image.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks, on small made-up files; {@link FashionMnistInstalledTest} reads the real ones. */
class FashionMnistTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFileGivesTheInstallCommand() {
        ImageDataException e = assertThrows(ImageDataException.class, () -> FashionMnist.train(dir));
        assertEquals(dir.resolve("train-images-idx3-ubyte.gz") + ": is missing; install Fashion-MNIST with: "
                + "sudo apt-get install dataset-fashion-mnist", e.getMessage());
        assertFalse(FashionMnist.isInstalled(dir));
    }

    @Test
    void aFileWithAnotherHashIsNamedWithBothHashes() throws IOException {
        Files.writeString(dir.resolve("t10k-images-idx3-ubyte.gz"), "not the release");
        ImageDataException e = assertThrows(ImageDataException.class, () -> FashionMnist.test(dir));
        assertEquals(dir.resolve("t10k-images-idx3-ubyte.gz") + ": has SHA-256 "
                + "7df2fd503649d891b89bc9740bad1b1139fdc690759813e07dd8781f5140ad07"   // sha256sum of the text
                + ", expected cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa; the file is damaged or "
                + "from another release; reinstall with: sudo apt-get install dataset-fashion-mnist", e.getMessage());
    }

    @Test
    void readsImagesAndLabelsIntoAnImageSet() throws IOException {
        byte[] pixels = new byte[2 * 28 * 28];
        pixels[0] = (byte) 255;
        pixels[28 * 28 + 1] = (byte) 51;
        ImageSet set = FashionMnist.read(images(pixels, 2), labels(9, 0), "train");

        assertEquals(2, set.size());
        assertArrayEquals(new int[] {9, 0}, set.labels());
        assertEquals(1f, set.pixels()[0][0]);
        assertEquals(0.2f, set.pixels()[1][1]);
        assertEquals("fashion-mnist train #1", set.sources().get(1));
    }

    @Test
    void imageAndLabelCountsMustAgree() throws IOException {
        Path images = images(new byte[3 * 28 * 28], 3);
        Path labels = labels(1, 2);
        ImageDataException e = assertThrows(ImageDataException.class, () -> FashionMnist.read(images, labels, "train"));
        assertEquals(labels + ": has 2 labels but images has 3 images; reinstall with: "
                + FashionMnist.INSTALL_COMMAND, e.getMessage());
    }

    @Test
    void labelsMustBeBelowTen() throws IOException {
        Path labels = labels(3, 10);
        ImageDataException e = assertThrows(ImageDataException.class,
                () -> FashionMnist.read(images(new byte[2 * 28 * 28], 2), labels, "train"));
        assertEquals(labels + ": label 1 is 10; Fashion-MNIST has 10 classes, 0 to 9; reinstall with: "
                + FashionMnist.INSTALL_COMMAND, e.getMessage());
    }

    @Test
    void imagesMustBe28By28() throws IOException {
        Path images = dir.resolve("images");
        Idx.write(images, IdxArray.ofUnsignedBytes(new byte[2 * 32 * 32], 2, 32, 32), true);
        ImageDataException e = assertThrows(ImageDataException.class,
                () -> FashionMnist.read(images, labels(0, 1), "train"));
        assertEquals(images + ": holds IdxArray[UNSIGNED_BYTE [2, 32, 32]], not unsigned bytes [N, 28, 28]; "
                + "reinstall with: " + FashionMnist.INSTALL_COMMAND, e.getMessage());
    }

    private Path images(byte[] pixels, int count) throws IOException {
        Path file = dir.resolve("images");
        Idx.write(file, IdxArray.ofUnsignedBytes(pixels, count, 28, 28), true);
        return file;
    }

    private Path labels(int... labels) throws IOException {
        byte[] bytes = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            bytes[i] = (byte) labels[i];
        }
        Path file = dir.resolve("labels");
        Idx.write(file, IdxArray.ofUnsignedBytes(bytes, labels.length), true);
        return file;
    }
}
