package dev.mnemo.train.callbacks;

import dev.mnemo.train.Callback;
import dev.mnemo.train.TrainingContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * Draws the training curves into a PNG after every epoch: one panel per measure with the
 * training and validation series ({@code loss} and {@code val_loss}, {@code accuracy} and
 * {@code val_accuracy}, ...; {@code lr} too when it changed), epochs on the x axis. NaN and
 * infinite values leave gaps.
 *
 * <pre>{@code
 * model.fit(train).validationData(validation).epochs(30).callbacks(new TrainingCurvesPlot(Path.of("runs/curves.png"))).run();
 * }</pre>
 *
 * <p>Drawing uses <a href="https://knowm.org/open-source/xchart/">XChart</a>, an optional
 * dependency of Mnemo: add {@value #XCHART_COORDINATES} to use this callback (without it the
 * constructor fails with a message saying so). The image is rendered in memory and written
 * atomically (temporary file in the same folder, then a rename), so a viewer never sees half a
 * PNG and a crash leaves the last complete plot. Runs headless.
 */
public final class TrainingCurvesPlot implements Callback {
    /** The Maven coordinates of the XChart version Mnemo is built and tested with. */
    public static final String XCHART_COORDINATES = "org.knowm.xchart:xchart:3.8.8";

    private final Path file;
    private final int width;
    private final int height;
    private final EpochTable table = new EpochTable();

    /** A 1000 × 700 pixel plot at {@code file}. */
    public TrainingCurvesPlot(Path file) {
        this(file, 1000, 700);
    }

    /** A {@code width × height} pixel plot at {@code file}; each side in [100, 10000]. */
    public TrainingCurvesPlot(Path file, int width, int height) {
        this.file = Objects.requireNonNull(file, "TrainingCurvesPlot: file");
        if (width < 100 || width > 10_000 || height < 100 || height > 10_000) {
            throw new IllegalArgumentException("TrainingCurvesPlot: width and height must be in [100, 10000] pixels, got "
                    + width + " x " + height);
        }
        this.width = width;
        this.height = height;
        requireXChart(TrainingCurvesPlot.class.getClassLoader());
    }

    /** Fails with the coordinates to add when XChart cannot be loaded through {@code loader}. */
    static void requireXChart(ClassLoader loader) {
        try {
            Class.forName("org.knowm.xchart.XYChart", false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("TrainingCurvesPlot draws with XChart, which is not on the class path; add "
                    + XCHART_COORDINATES + " (Maven: <dependency><groupId>org.knowm.xchart</groupId>"
                    + "<artifactId>xchart</artifactId><version>3.8.8</version></dependency>)", e);
        }
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        table.clear();
    }

    @Override
    public void onEpochEnd(TrainingContext context, int epoch, Map<String, Double> logs) {
        table.add(logs);
        BufferedImage image = CurvesChart.render(table, width, height);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("TrainingCurvesPlot could not encode the PNG for " + file, e);
        }
        EpochTable.writeAtomically(file, png.toByteArray(), "TrainingCurvesPlot");
    }
}
