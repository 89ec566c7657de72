package dev.mnemo.image.data;

import dev.mnemo.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The images a model reads, {@code [C, H, W]}, and the normalisation it was trained with; kept in
 * its model file ({@code task.image}) so any image file given later is converted, resized and
 * normalised exactly as the training images were.
 *
 * @param channels      1 (gray) or 3 (RGB)
 * @param height        rows
 * @param width         columns
 * @param normalization applied to pixels in [0, 1] before the network sees them
 */
public record ImageFormat(int channels, int height, int width, Normalization normalization) {
    /** The metadata key it is stored under. */
    public static final String KEY = "task.image";

    public ImageFormat {
        if ((channels != 1 && channels != 3) || height < 1 || width < 1 || normalization.channels() != channels) {
            throw new IllegalArgumentException("ImageFormat: needs 1 or 3 channels, a positive size and a normalisation per "
                    + "channel, got " + channels + " x " + height + " x " + width + " with " + normalization);
        }
    }

    /** The shape of one image, {@code [C, H, W]}, as the model builds on it. */
    public int[] shape() {
        return new int[] {channels, height, width};
    }

    /** Values per image, C · H · W. */
    public int size() {
        return channels * height * width;
    }

    /** {@code file} read as this format: converted, resized, then normalised. */
    public float[] read(Path file) throws ImageDataException {
        return normalization.apply(ImageFiles.read(file, channels, height, width));
    }

    /** The metadata entry to save with the model. */
    public Map<String, String> metadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("channels", channels);
        m.put("height", height);
        m.put("width", width);
        m.put("mean", floats(normalization.mean()));
        m.put("std", floats(normalization.std()));
        return Map.of(KEY, Json.write(m));
    }

    /** Reads it back from a model file's metadata. */
    public static ImageFormat from(Map<String, String> metadata) {
        String text = metadata.get(KEY);
        if (text == null || !(Json.parse(text) instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("the model file has no " + KEY + " entry");
        }
        return new ImageFormat(integer(m, "channels"), integer(m, "height"), integer(m, "width"),
                new Normalization(floats(m.get("mean")), floats(m.get("std"))));
    }

    /**
     * The image files named by {@code inputs}: each a file, or a folder whose image files (by
     * extension, {@link ImageFolder#EXTENSIONS}) are taken in name order, subfolders included.
     *
     * @throws ImageDataException naming the first input that is neither
     */
    public static List<Path> files(List<String> inputs) throws ImageDataException {
        List<Path> files = new ArrayList<>();
        for (String input : inputs) {
            Path path = Path.of(input);
            if (Files.isRegularFile(path)) {
                files.add(path);
            } else if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    List<Path> images = walk.filter(Files::isRegularFile).filter(ImageFormat::isImage).sorted().toList();
                    if (images.isEmpty()) {
                        throw new ImageDataException(path, "holds no image file (" + ImageFolder.EXTENSIONS + ")");
                    }
                    files.addAll(images);
                } catch (IOException e) {
                    throw e instanceof ImageDataException d ? d : new ImageDataException(path, "cannot be listed: " + e.getMessage(), e);
                }
            } else {
                throw new ImageDataException(path, "no such file or folder");
            }
        }
        return files;
    }

    private static boolean isImage(Path file) {
        return !file.getFileName().toString().startsWith(".") && ImageFolder.isImageName(file);
    }

    private static List<Double> floats(float[] values) {
        List<Double> list = new ArrayList<>();
        for (float v : values) {
            list.add((double) v);
        }
        return list;
    }

    private static float[] floats(Object list) {
        if (!(list instanceof List<?> values)) {
            throw new IllegalArgumentException(KEY + ": mean and std must be lists of numbers");
        }
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) values.get(i)).floatValue();
        }
        return out;
    }

    private static int integer(Map<?, ?> m, String key) {
        if (!(m.get(key) instanceof Number n)) {
            throw new IllegalArgumentException(KEY + " has no number '" + key + "'");
        }
        return n.intValue();
    }
}
