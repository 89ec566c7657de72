package dev.mnemo.task;

import dev.mnemo.io.AtomicFiles;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws a {@link Confusion} as a PNG heat map: one row per actual class, one column per
 * predicted class, each cell shaded by the fraction of its row and labelled with its count.
 * Written atomically.
 */
public final class ConfusionChart {
    private static final int CELL = 72;
    private static final int MARGIN = 16;

    private ConfusionChart() {}

    /** Writes {@code confusion} to {@code file} as a PNG. */
    public static void writePng(Confusion confusion, Path file) throws IOException {
        BufferedImage image = draw(confusion);
        AtomicFiles.write(file, channel -> ImageIO.write(image, "png", Channels.newOutputStream(channel)));
    }

    static BufferedImage draw(Confusion confusion) {
        int n = confusion.labels().size();
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        int labelWidth = labelWidth(confusion, font);
        int left = MARGIN + labelWidth + 8;
        int top = MARGIN + 40 + labelWidth;
        BufferedImage image = new BufferedImage(left + n * CELL + MARGIN, top + n * CELL + MARGIN, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setFont(font);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format("actual (rows) vs predicted (columns), accuracy %.1f %%", 100 * confusion.accuracy()),
                    MARGIN, MARGIN + 14);
            FontMetrics metrics = g.getFontMetrics();
            for (int a = 0; a < n; a++) {
                long rowTotal = 0;
                for (long c : confusion.counts()[a]) {
                    rowTotal += c;
                }
                String label = confusion.labels().get(a);
                g.setColor(Color.DARK_GRAY);
                g.drawString(label, left - 8 - metrics.stringWidth(label), top + a * CELL + CELL / 2 + 5);
                for (int p = 0; p < n; p++) {
                    long count = confusion.counts()[a][p];
                    double share = rowTotal == 0 ? 0 : (double) count / rowTotal;
                    int shade = (int) Math.round(255 * (1 - share));
                    g.setColor(new Color(shade, shade, 255));
                    g.fillRect(left + p * CELL, top + a * CELL, CELL - 2, CELL - 2);
                    g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
                    String text = Long.toString(count);
                    g.drawString(text, left + p * CELL + (CELL - metrics.stringWidth(text)) / 2, top + a * CELL + CELL / 2 + 5);
                }
            }
            g.setColor(Color.DARK_GRAY);
            for (int p = 0; p < n; p++) {
                Graphics2D rotated = (Graphics2D) g.create();
                rotated.translate(left + p * CELL + CELL / 2 + 5, top - 8);
                rotated.rotate(-Math.PI / 2);
                rotated.drawString(confusion.labels().get(p), 0, 0);
                rotated.dispose();
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static int labelWidth(Confusion confusion, Font font) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            FontMetrics metrics = g.getFontMetrics(font);
            return confusion.labels().stream().mapToInt(metrics::stringWidth).max().orElse(0);
        } finally {
            g.dispose();
        }
    }
}
