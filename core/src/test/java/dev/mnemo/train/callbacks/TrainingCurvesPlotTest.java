package dev.mnemo.train.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.train.Model;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingCurvesPlotTest {
    @TempDir
    Path dir;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** Pixels that are neither white nor grey: the coloured series lines. */
    private static long colouredPixels(BufferedImage image) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = rgb >> 16 & 0xFF, g = rgb >> 8 & 0xFF, b = rgb & 0xFF;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void aRealFitLeavesAValidPngOfTheConfiguredSize() throws IOException {
        Path file = dir.resolve("plots/curves.png");
        try (Model model = TinyRegression.model()) {
            model.fit(TinyRegression.train()).validationData(TinyRegression.validation()).epochs(6).callbacks(new TrainingCurvesPlot(file, 640, 360)).run();
        }
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, 8));
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(640, image.getWidth());
        assertEquals(360, image.getHeight());
        assertTrue(colouredPixels(image) > 500, "the curves should be drawn in colour, found " + colouredPixels(image) + " pixels");
        assertEquals(List.of("curves.png"), List.of(file.getParent().toFile().list()), "no temporary file is left");
    }

    @Test
    void onePanelPerMeasureWithTrainingAndValidationTogether() {
        EpochTable table = new EpochTable();
        table.add(ScriptedContext.logs("loss", 1.0, "accuracy", 0.5, "val_loss", 1.2, "val_accuracy", 0.4, "lr", 0.1));
        table.add(ScriptedContext.logs("loss", 0.5, "accuracy", 0.7, "val_loss", 0.9, "val_accuracy", 0.6, "lr", 0.1));
        Map<String, List<String>> measures = CurvesChart.measures(table);
        assertEquals(List.of("loss", "accuracy"), List.copyOf(measures.keySet()), "a constant lr gets no panel");
        assertEquals(List.of("loss", "val_loss"), measures.get("loss"));
        assertEquals(List.of("accuracy", "val_accuracy"), measures.get("accuracy"));
        table.add(ScriptedContext.logs("loss", 0.25, "val_loss", Double.NaN, "lr", 0.05));
        assertEquals(List.of("loss", "val_loss"), CurvesChart.measures(table).get("loss"));
        assertEquals(List.of("lr"), CurvesChart.measures(table).get("lr"), "a changing lr gets a panel");
    }

    @Test
    void nonFiniteValuesLeaveGapsInsteadOfFailing() throws IOException {
        Path file = dir.resolve("gaps.png");
        new ScriptedContext(null, 3, OptionalInt.empty()).play(new TrainingCurvesPlot(file, 300, 200),
                ScriptedContext.series("loss", 1.0, Double.POSITIVE_INFINITY, Double.NaN, 0.5));
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(300, image.getWidth());
    }

    @Test
    void withoutXChartTheMessageNamesTheCoordinatesToAdd() throws IOException {
        try (URLClassLoader withoutXChart = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> TrainingCurvesPlot.requireXChart(withoutXChart));
            assertTrue(e.getMessage().contains("add org.knowm.xchart:xchart:3.8.8"), e.getMessage());
        }
        TrainingCurvesPlot.requireXChart(TrainingCurvesPlot.class.getClassLoader());
    }

    @Test
    void badSizesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TrainingCurvesPlot(dir.resolve("x.png"), 50, 400));
        assertEquals("TrainingCurvesPlot: width and height must be in [100, 10000] pixels, got 50 x 400", e.getMessage());
    }
}
