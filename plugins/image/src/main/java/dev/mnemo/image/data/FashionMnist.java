package dev.mnemo.image.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017): 28 x 28 gray pictures of clothing from Zalando's
 * catalogue in 10 classes, 60000 for training and 10000 for testing, 6000 and 1000 per class. MIT
 * licence, © 2017 Zalando SE.
 *
 * <p>Read from the Debian package {@code dataset-fashion-mnist}, which installs the four gzipped
 * IDX files of the original release in {@link #DEFAULT_DIR}; nothing is downloaded. Each file's
 * SHA-256 is checked against that release's before it is read. Pixels become
 * {@code value / 255f}, shape {@code [1, 28, 28]}.
 */
public final class FashionMnist {
    /** Where Debian installs the files. */
    public static final Path DEFAULT_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    /** The command that installs them. */
    public static final String INSTALL_COMMAND = "sudo apt-get install dataset-fashion-mnist";
    /** Where the data comes from and its licence. */
    public static final String SOURCE = "Fashion-MNIST, Debian package dataset-fashion-mnist (MIT licence, © 2017 Zalando SE)";
    /** The class names, by label. */
    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    /** Image side in pixels. */
    public static final int SIZE = 28;

    /** The SHA-256 of each file of the release, by file name. */
    static final Map<String, String> SHA256 = Map.of(
            "train-images-idx3-ubyte.gz", "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7",
            "train-labels-idx1-ubyte.gz", "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056",
            "t10k-images-idx3-ubyte.gz", "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa",
            "t10k-labels-idx1-ubyte.gz", "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05");

    private FashionMnist() {}

    /** The 60000 training images from {@link #DEFAULT_DIR}. */
    public static ImageSet train() throws ImageDataException {
        return train(DEFAULT_DIR);
    }

    /** The 10000 test images from {@link #DEFAULT_DIR}. */
    public static ImageSet test() throws ImageDataException {
        return test(DEFAULT_DIR);
    }

    /**
     * The 60000 training images from the release's files in {@code dir}, sources
     * {@code fashion-mnist train #i}.
     *
     * @throws ImageDataException if a file is missing (the message gives {@link #INSTALL_COMMAND}),
     *                            has another SHA-256, or is malformed
     */
    public static ImageSet train(Path dir) throws ImageDataException {
        return read(verified(dir, "train-images-idx3-ubyte.gz"), verified(dir, "train-labels-idx1-ubyte.gz"), "train");
    }

    /** The 10000 test images from the release's files in {@code dir}; as {@link #train(Path)}. */
    public static ImageSet test(Path dir) throws ImageDataException {
        return read(verified(dir, "t10k-images-idx3-ubyte.gz"), verified(dir, "t10k-labels-idx1-ubyte.gz"), "test");
    }

    /** Whether all four files are in {@code dir} (their contents are checked when read). */
    public static boolean isInstalled(Path dir) {
        return SHA256.keySet().stream().allMatch(name -> Files.isRegularFile(dir.resolve(name)));
    }

    /**
     * Images and labels of one split, checked against each other: {@code [N, 28, 28]} unsigned
     * bytes, {@code [N]} labels below 10.
     */
    static ImageSet read(Path imageFile, Path labelFile, String split) throws ImageDataException {
        IdxArray images = Idx.read(imageFile);
        IdxArray labels = Idx.read(labelFile);
        if (images.type() != IdxType.UNSIGNED_BYTE || images.dims().length != 3
                || images.dims()[1] != SIZE || images.dims()[2] != SIZE) {
            throw new ImageDataException(imageFile, "holds " + images + ", not unsigned bytes [N, 28, 28]; "
                    + "reinstall with: " + INSTALL_COMMAND);
        }
        if (labels.type() != IdxType.UNSIGNED_BYTE || labels.dims().length != 1) {
            throw new ImageDataException(labelFile, "holds " + labels + ", not unsigned bytes [N]; reinstall with: "
                    + INSTALL_COMMAND);
        }
        if (images.itemCount() != labels.itemCount()) {
            throw new ImageDataException(labelFile, "has " + labels.itemCount() + " labels but " + imageFile.getFileName()
                    + " has " + images.itemCount() + " images; reinstall with: " + INSTALL_COMMAND);
        }
        int[] classes = labels.toIntArray();
        for (int i = 0; i < classes.length; i++) {
            if (classes[i] >= CLASSES.size()) {
                throw new ImageDataException(labelFile, "label " + i + " is " + classes[i] + "; Fashion-MNIST has "
                        + CLASSES.size() + " classes, 0 to 9; reinstall with: " + INSTALL_COMMAND);
            }
        }
        List<String> sources = IntStream.range(0, classes.length).mapToObj(i -> "fashion-mnist " + split + " #" + i).toList();
        return new ImageSet(images.items(1.0 / 255), classes, CLASSES, 1, SIZE, SIZE, sources);
    }

    /** {@code dir/name}, checked to exist and to have the release's SHA-256. */
    static Path verified(Path dir, String name) throws ImageDataException {
        Path file = dir.resolve(name);
        String expected = SHA256.get(name);
        String actual;
        try {
            actual = sha256(file);
        } catch (NoSuchFileException e) {
            throw new ImageDataException(file, "is missing; install Fashion-MNIST with: " + INSTALL_COMMAND);
        } catch (IOException e) {
            throw new ImageDataException(file, "cannot be read (" + e + ")", e);
        }
        if (!actual.equals(expected)) {
            throw new ImageDataException(file, "has SHA-256 " + actual + ", expected " + expected
                    + "; the file is damaged or from another release; reinstall with: " + INSTALL_COMMAND);
        }
        return file;
    }

    private static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
