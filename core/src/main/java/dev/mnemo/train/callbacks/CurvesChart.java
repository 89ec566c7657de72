package dev.mnemo.train.callbacks;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/**
 * Draws training curves with XChart: one panel per measure ({@code loss}, each metric, and
 * {@code lr} when it changed), training and {@code val_} series together, epochs from 1 on the
 * x axis, panels in a grid of at most two columns. The only class that names XChart, so that
 * {@link TrainingCurvesPlot} can check for it before this class is loaded.
 */
final class CurvesChart {
    private CurvesChart() {}

    /** An image of {@code width × height} pixels with the curves of {@code table}. */
    static BufferedImage render(EpochTable table, int width, int height) {
        List<XYChart> panels = panels(table);
        int columns = panels.size() > 1 ? 2 : 1;
        int rows = Math.max(1, (panels.size() + columns - 1) / columns);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            for (int i = 0; i < panels.size(); i++) {
                int x0 = width * (i % columns) / columns;
                int x1 = width * (i % columns + 1) / columns;
                int y0 = height * (i / columns) / rows;
                int y1 = height * (i / columns + 1) / rows;
                Graphics2D cell = (Graphics2D) g.create(x0, y0, x1 - x0, y1 - y0);
                try {
                    panels.get(i).paint(cell, x1 - x0, y1 - y0);
                } finally {
                    cell.dispose();
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Measures to draw, each with its series keys: {@code loss → [loss, val_loss]}. */
    static Map<String, List<String>> measures(EpochTable table) {
        Map<String, List<String>> measures = new LinkedHashMap<>();
        for (String key : table.keys()) {
            String measure = key.startsWith("val_") ? key.substring(4) : key;
            if (key.equals("lr") && Arrays.stream(table.column(key)).distinct().count() <= 1) {
                continue;
            }
            if (hasFiniteValue(table.column(key))) {
                measures.computeIfAbsent(measure, m -> new ArrayList<>()).add(key);
            }
        }
        return measures;
    }

    private static List<XYChart> panels(EpochTable table) {
        double[] epochs = IntStream.rangeClosed(1, table.rows().size()).asDoubleStream().toArray();
        List<XYChart> panels = new ArrayList<>();
        measures(table).forEach((measure, keys) -> {
            XYChart chart = new XYChartBuilder().title(measure).xAxisTitle("epoch").yAxisTitle(measure).build();
            chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE)
                    .setChartBackgroundColor(Color.WHITE)
                    .setMarkerSize(5);
            chart.getStyler().setXAxisDecimalPattern("#");
            for (String key : keys) {
                XYSeries series = chart.addSeries(key, epochs, finiteOrNaN(table.column(key)));
                series.setLineWidth(2f);
            }
            panels.add(chart);
        });
        return panels;
    }

    private static boolean hasFiniteValue(double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                return true;
            }
        }
        return false;
    }

    /** XChart leaves gaps at NaN; infinities would wreck the axis range. */
    private static double[] finiteOrNaN(double[] values) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            if (!Double.isFinite(out[i])) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }
}
