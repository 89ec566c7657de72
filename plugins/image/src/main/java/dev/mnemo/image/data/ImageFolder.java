package dev.mnemo.image.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads the user's labelled images laid out as for Keras' {@code image_dataset_from_directory}:
 *
 * <pre>
 * shoes/              the data set
 *   boot/             one subfolder per class; its name is the class
 *     001.png         one image per file: .png, .jpg, .jpeg, .bmp or .gif (any case)
 *     more/002.jpg    nested folders belong to the class they are in
 *   sandal/
 *     ...
 * </pre>
 *
 * Hidden files and folders (name starting with {@code .}), files with other extensions and files
 * directly in the top folder are ignored. Classes are in sorted order, each class's files in
 * sorted path order, so the result does not depend on the file system.
 */
public final class ImageFolder {
    /** The file name extensions read, lower case. */
    public static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");
    /** How many unreadable files a message names before it says "and N more". */
    private static final int NAMED_FAILURES = 10;

    private ImageFolder() {}

    /**
     * The shape to read a folder's images at, when the user gives none.
     *
     * @param channels 3 if any image has a pixel that is not gray, else 1
     * @param height   the height of the most common image size (ties go to the size met first,
     *                 in class and file order)
     * @param width    the width of that size
     * @param images   how many image files there are
     */
    public record Inspection(int channels, int height, int width, int images) {}

    /**
     * Every image under {@code dir}'s class folders, converted to {@code channels} and resized to
     * {@code height x width} as {@link ImageFiles#read} does; {@link ImageSet#sources()} gives each
     * file's path relative to {@code dir}.
     *
     * @param channels 1 (gray) or 3 (RGB)
     * @throws ImageDataException if {@code dir} is not a folder, has fewer than 2 class folders, a
     *                            class folder has no image file, or files cannot be read (the
     *                            first 10 named with their problem, then how many more)
     */
    public static ImageSet read(Path dir, int channels, int height, int width) throws ImageDataException {
        return read(dir, classFiles(dir), channels, height, width);
    }

    /**
     * Every image file anywhere under {@code dir} (hidden names skipped), in path order, as one
     * class named {@code image}: data for tasks that need no labels, such as a denoiser.
     *
     * @throws ImageDataException if {@code dir} is not a folder or holds no image file, or files
     *                            cannot be read (named as {@link #read} names them)
     */
    public static ImageSet readUnlabelled(Path dir, int channels, int height, int width) throws ImageDataException {
        return read(dir, allFiles(dir), channels, height, width);
    }

    private static ImageSet read(Path dir, Map<String, List<Path>> classes, int channels, int height, int width)
            throws ImageDataException {
        List<float[]> pixels = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        Failures failures = new Failures(dir);
        int label = 0;
        for (List<Path> files : classes.values()) {
            for (Path file : files) {
                try {
                    pixels.add(ImageFiles.read(file, channels, height, width));
                    labels.add(label);
                    sources.add(dir.relativize(file).toString());
                } catch (ImageDataException e) {
                    failures.add(e);
                }
            }
            label++;
        }
        failures.throwIfAny();
        return new ImageSet(pixels.toArray(float[][]::new), labels.stream().mapToInt(Integer::intValue).toArray(),
                List.copyOf(classes.keySet()), channels, height, width, sources);
    }

    /**
     * Decodes every image under {@code dir}'s class folders to find the shape to read them at.
     *
     * @throws ImageDataException as {@link #read} does
     */
    public static Inspection inspect(Path dir) throws ImageDataException {
        return inspect(dir, classFiles(dir));
    }

    /** As {@link #inspect}, for the images {@link #readUnlabelled} reads. */
    public static Inspection inspectUnlabelled(Path dir) throws ImageDataException {
        return inspect(dir, allFiles(dir));
    }

    private static Inspection inspect(Path dir, Map<String, List<Path>> classes) throws ImageDataException {
        Map<List<Integer>, Integer> sizes = new LinkedHashMap<>();   // [height, width] -> images of that size
        boolean colour = false;
        Failures failures = new Failures(dir);
        for (List<Path> files : classes.values()) {
            for (Path file : files) {
                try {
                    DecodedImage image = ImageFiles.readNative(file);
                    sizes.merge(List.of(image.height(), image.width()), 1, Integer::sum);
                    colour |= image.channels() == 3;
                } catch (ImageDataException e) {
                    failures.add(e);
                }
            }
        }
        failures.throwIfAny();
        List<Integer> common = List.of();
        int images = 0;
        int most = 0;
        for (Map.Entry<List<Integer>, Integer> size : sizes.entrySet()) {
            images += size.getValue();
            if (size.getValue() > most) {
                most = size.getValue();
                common = size.getKey();
            }
        }
        return new Inspection(colour ? 3 : 1, common.get(0), common.get(1), images);
    }

    /** The class names, sorted, each with its image files, sorted; checks the layout. */
    private static Map<String, List<Path>> classFiles(Path dir) throws ImageDataException {
        if (!Files.isDirectory(dir)) {
            throw new ImageDataException(dir, "is not a folder; give a folder with one subfolder of images per class");
        }
        List<Path> folders = sorted(dir, Files::list, child -> Files.isDirectory(child) && visibleWithin(dir, child));
        if (folders.size() < 2) {
            throw new ImageDataException(dir, "has " + folders.size() + " class folder(s) "
                    + folders.stream().map(folder -> folder.getFileName().toString()).toList()
                    + "; a classifier needs at least 2, one subfolder of images per class");
        }
        Map<String, List<Path>> classes = new LinkedHashMap<>();
        for (Path folder : folders) {
            List<Path> files = sorted(folder, Files::walk,
                    file -> Files.isRegularFile(file) && isImageName(file) && visibleWithin(folder, file));
            if (files.isEmpty()) {
                throw new ImageDataException(folder, "holds no image files; put .png, .jpg, .jpeg, .bmp or .gif files "
                        + "in each class folder");
            }
            classes.put(folder.getFileName().toString(), files);
        }
        return classes;
    }

    /** Every image file under {@code dir}, sorted, as the one class {@code image}. */
    private static Map<String, List<Path>> allFiles(Path dir) throws ImageDataException {
        if (!Files.isDirectory(dir)) {
            throw new ImageDataException(dir, "is not a folder; give a folder of image files");
        }
        List<Path> files = sorted(dir, Files::walk, file -> Files.isRegularFile(file) && isImageName(file) && visibleWithin(dir, file));
        if (files.isEmpty()) {
            throw new ImageDataException(dir, "holds no image files; put .png, .jpg, .jpeg, .bmp or .gif files in it");
        }
        return Map.of("image", files);
    }

    /** How a folder is listed: its children, or its whole tree. */
    @FunctionalInterface
    private interface Listing {
        Stream<Path> of(Path dir) throws IOException;
    }

    private static List<Path> sorted(Path dir, Listing listing, Predicate<Path> keep)
            throws ImageDataException {
        try (Stream<Path> paths = listing.of(dir)) {
            return paths.filter(keep).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new ImageDataException(dir, "cannot be listed (" + e + "); check its permissions", e);
        }
    }

    /** Whether no name on the way from {@code folder} down to {@code path} starts with a dot. */
    private static boolean visibleWithin(Path folder, Path path) {
        for (Path name : folder.relativize(path)) {
            if (name.toString().startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code file} has one of the {@link #EXTENSIONS}, in any case. */
    static boolean isImageName(Path file) {
        String name = file.getFileName().toString();
        return EXTENSIONS.contains(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
    }

    /** The files that could not be read, for one message naming the first {@link #NAMED_FAILURES}. */
    private static final class Failures {
        private final Path dir;
        private final List<String> named = new ArrayList<>();
        private int count;

        Failures(Path dir) {
            this.dir = dir;
        }

        void add(ImageDataException e) {
            if (named.size() < NAMED_FAILURES) {
                named.add(dir.relativize(e.file()) + " (" + e.problem() + ")");
            }
            count++;
        }

        void throwIfAny() throws ImageDataException {
            if (count > 0) {
                throw new ImageDataException(dir, count + " image file(s) cannot be read: " + String.join("; ", named)
                        + (count > named.size() ? "; and " + (count - named.size()) + " more" : "")
                        + "; fix or remove them");
            }
        }
    }
}
