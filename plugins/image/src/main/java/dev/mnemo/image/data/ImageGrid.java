package dev.mnemo.image.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A contact sheet: images side by side in a PNG, for looking at samples, reconstructions or
 * generated images.
 */
public final class ImageGrid {
    /** Pixels of white between neighbouring images. */
    public static final int GAP = 2;

    private ImageGrid() {}

    /**
     * Writes {@code images}, each {@code [channels, height, width]} in [0, 1], row by row,
     * {@code columns} to a row (the last row may be shorter), each enlarged {@code scale} times by
     * repeating pixels (nearest neighbour), {@link #GAP} white pixels apart, as an 8-bit PNG;
     * atomically. The sheet is {@code columns' * (width * scale + GAP) - GAP} pixels wide, with
     * {@code columns' = min(columns, images.size())}, and as high for its rows.
     *
     * @param channels 1 (gray) or 3 (RGB)
     * @throws IllegalArgumentException if {@code images} is empty, an image does not have
     *                                  {@code channels * height * width} values, or
     *                                  {@code columns} or {@code scale} is below 1
     * @throws IOException              if the file cannot be written
     */
    public static void writePng(List<float[]> images, int channels, int height, int width, int columns, int scale,
            Path out) throws IOException {
        if (images.isEmpty() || columns < 1 || scale < 1) {
            throw new IllegalArgumentException("ImageGrid needs at least 1 image, columns >= 1 and scale >= 1, got "
                    + images.size() + " images, columns " + columns + ", scale " + scale);
        }
        int cellHeight = height * scale + GAP;
        int cellWidth = width * scale + GAP;
        int sheetColumns = Math.min(columns, images.size());
        int sheetRows = (images.size() + columns - 1) / columns;
        int sheetHeight = sheetRows * cellHeight - GAP;
        int sheetWidth = sheetColumns * cellWidth - GAP;
        float[] sheet = new float[channels * sheetHeight * sheetWidth];
        Arrays.fill(sheet, 1f);
        for (int i = 0; i < images.size(); i++) {
            float[] image = images.get(i);
            if (image.length != channels * height * width) {
                throw new IllegalArgumentException("image " + i + " has " + image.length + " values, not ["
                        + channels + ", " + height + ", " + width + "]");
            }
            int top = i / columns * cellHeight;
            int left = i % columns * cellWidth;
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < height * scale; y++) {
                    for (int x = 0; x < width * scale; x++) {
                        sheet[(c * sheetHeight + top + y) * sheetWidth + left + x] =
                                image[(c * height + y / scale) * width + x / scale];
                    }
                }
            }
        }
        ImageFiles.writePng(sheet, channels, sheetHeight, sheetWidth, out);
    }
}
