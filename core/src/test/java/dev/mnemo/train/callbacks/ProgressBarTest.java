package dev.mnemo.train.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.train.Callback;
import dev.mnemo.train.History;
import dev.mnemo.train.Model;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void plainStyleOnARealFitPrintsOneLinePerEpochAndBatchLinesWhenAsked() {
        ProgressBar bar = ProgressBar.builder().output(out).logEveryBatches(2).build();
        assertFalse(bar.isTerminalStyle(), "a stream that is not System.out is never a terminal");
        History history;
        try (Model model = TinyRegression.model()) {
            history = model.fit(TinyRegression.train()).validationData(TinyRegression.validation()).epochs(3).callbacks(bar).run();
        }
        List<String> lines = output().lines().toList();
        assertFalse(output().contains("\r"));
        assertEquals(3 * 3, lines.size(), "per epoch: batch lines after batches 2 and 4, then the epoch line\n" + output());
        for (int e = 0; e < 3; e++) {
            assertTrue(lines.get(3 * e).matches("Epoch " + (e + 1) + "/3 batch 2/4 - loss: \\d+\\.\\d{4} - \\d+\\.\\d samples/s"),
                    lines.get(3 * e));
            assertTrue(lines.get(3 * e + 1).startsWith("Epoch " + (e + 1) + "/3 batch 4/4 - loss: "), lines.get(3 * e + 1));
            String epochLine = lines.get(3 * e + 2);
            String expectedValues = String.format(java.util.Locale.ROOT, " - loss: %.4f - val_loss: %.4f - lr: 0.0300 - ",
                    history.get("loss").get(e), history.get("val_loss").get(e));
            assertTrue(epochLine.matches("Epoch " + (e + 1) + "/3 - \\d+\\.\\ds" + java.util.regex.Pattern.quote(expectedValues)
                    + "\\d+\\.\\d samples/s"), epochLine);
        }
    }

    /** A clock that advances one second per reading after each batch, so speeds and ETAs are exact. */
    private static final class Steps implements Callback {
        private final ProgressBar bar;
        private final AtomicLong now;

        Steps(ProgressBar bar, AtomicLong now) {
            this.bar = bar;
            this.now = now;
        }

        @Override
        public void onTrainBegin(dev.mnemo.train.TrainingContext c) {
            bar.onTrainBegin(c);
        }

        @Override
        public void onEpochBegin(dev.mnemo.train.TrainingContext c, int epoch) {
            bar.onEpochBegin(c, epoch);
            for (int b = 0; b < 4; b++) {                     // four batches of 8 samples, one second each
                now.addAndGet(1_000_000_000L);
                Map<String, Double> running = new LinkedHashMap<>();
                running.put("loss", 1.0 / (b + 1));
                running.put("samples", 8.0 * (b + 1));
                bar.onBatchEnd(c, epoch, b, running);
            }
            now.addAndGet(500_000_000L);                      // validation takes half a second
        }

        @Override
        public void onEpochEnd(dev.mnemo.train.TrainingContext c, int epoch, Map<String, Double> logs) {
            bar.onEpochEnd(c, epoch, logs);
        }

        @Override
        public void onTrainEnd(dev.mnemo.train.TrainingContext c, History history) {
            bar.onTrainEnd(c, history);
        }
    }

    @Test
    void terminalStyleRedrawsOneLineWithBarSpeedAndEta() {
        AtomicLong now = new AtomicLong();
        ProgressBar bar = ProgressBar.builder().output(out).style(ProgressBar.Style.TERMINAL).barWidth(10).lineWidth(200).clock(now::get).build();
        new ScriptedContext(null, 2, OptionalInt.of(4)).play(new Steps(bar, now), List.of(ScriptedContext.logs("loss", 0.25, "val_loss", 0.5)));
        String[] draws = output().split("\r", -1);
        assertEquals("", draws[0]);
        assertEquals("Epoch 1/2 [=>........] 1/4 - loss: 1.0000 - 8.0 samples/s - ETA 3.0s", draws[1]);
        assertEquals("Epoch 1/2 [====>.....] 2/4 - loss: 0.5000 - 8.0 samples/s - ETA 2.0s", draws[2]);
        assertEquals("Epoch 1/2 [======>...] 3/4 - loss: 0.3333 - 8.0 samples/s - ETA 1.0s", draws[3]);
        assertEquals("Epoch 1/2 [==========] 4/4 - loss: 0.2500 - 8.0 samples/s - ETA 0.0s", draws[4]);
        assertEquals("Epoch 1/2 [==========] 4/4 - 4.5s - loss: 0.2500 - val_loss: 0.5000 - 8.0 samples/s" + System.lineSeparator(),
                draws[5]);
    }

    @Test
    void terminalStyleWithoutAKnownBatchCountShowsTheCountAndElapsedTime() {
        AtomicLong now = new AtomicLong();
        ProgressBar bar = ProgressBar.builder().output(out).style(ProgressBar.Style.TERMINAL).lineWidth(200).clock(now::get).build();
        new ScriptedContext(null, 1, OptionalInt.empty()).play(new Steps(bar, now), List.of(Map.of("loss", 0.25)));
        String[] draws = output().split("\r", -1);
        assertEquals("Epoch 1/1 2 - loss: 0.5000 - 8.0 samples/s - 2.0s", draws[2]);
        assertTrue(draws[5].startsWith("Epoch 1/1 4 - 4.5s - loss: 0.2500"), draws[5]);
    }

    @Test
    void aShorterRedrawBlanksTheRestOfTheLongerOne() {
        AtomicLong now = new AtomicLong();
        ProgressBar bar = ProgressBar.builder().output(out).style(ProgressBar.Style.TERMINAL).lineWidth(200).clock(now::get).build();
        ScriptedContext context = new ScriptedContext(null, 1, OptionalInt.empty());
        bar.onTrainBegin(context);
        bar.onEpochBegin(context, 0);
        now.addAndGet(1_000_000_000L);
        bar.onBatchEnd(context, 0, 0, Map.of("loss", 12345.678, "samples", 8.0));
        now.addAndGet(1_000_000_000L);
        bar.onBatchEnd(context, 0, 1, Map.of("loss", 1.0, "samples", 16.0));
        String[] draws = output().split("\r", -1);
        assertEquals(draws[1].length(), draws[2].length());
        assertTrue(draws[2].matches("Epoch 1/1 2 - loss: 1\\.0000 - 8\\.0 samples/s - 2\\.0s {4}"), "'" + draws[2] + "'");
    }

    @Test
    void linesRedrawnDuringAnEpochAreCutToTheTerminalWidth() {
        AtomicLong now = new AtomicLong();
        ProgressBar bar = ProgressBar.builder().output(out).style(ProgressBar.Style.TERMINAL).lineWidth(40).clock(now::get).build();
        new ScriptedContext(null, 2, OptionalInt.of(4)).play(new Steps(bar, now), List.of(ScriptedContext.logs("loss", 0.25)));
        String[] draws = output().split("\r", -1);
        for (int i = 1; i <= 4; i++) {
            assertEquals(39, draws[i].length(), draws[i]);
            assertTrue(draws[i].startsWith("Epoch 1/2 [") && draws[i].endsWith("..."), draws[i]);
        }
        assertTrue(draws[5].endsWith("4/4 - 4.5s - loss: 0.2500 - 8.0 samples/s" + System.lineSeparator()),
                "the final line is whole: " + draws[5]);
    }

    @Test
    void autoStyleUnderTheTestRunnerIsPlain() {
        assertFalse(new ProgressBar().isTerminalStyle(), "surefire pipes System.out, so no terminal");
    }

    @Test
    void earlyStopReasonIsPrinted() {
        ProgressBar bar = ProgressBar.builder().output(out).build();
        try (Model model = TinyRegression.model()) {
            model.fit(TinyRegression.train()).validationData(TinyRegression.validation()).epochs(30).callbacks(bar, new EarlyStopping("val_loss", 1, false)).run();
        }
        List<String> lines = output().lines().toList();
        assertTrue(lines.getLast().matches("Stopped after epoch \\d+: val_loss did not improve for 1 epoch .*"), lines.getLast());
    }

    @Test
    void numbersAndDurationsReadWell() {
        assertEquals("0.1235", ProgressBar.number(0.123456));
        assertEquals("1.0000e-04", ProgressBar.number(1e-4));
        assertEquals("1.2346e+05", ProgressBar.number(123456.0));
        assertEquals("0.0000", ProgressBar.number(0));
        assertEquals("NaN", ProgressBar.number(Double.NaN));
        assertEquals("3.6s", ProgressBar.duration(3.6));
        assertEquals("42s", ProgressBar.duration(42.2));
        assertEquals("12:05", ProgressBar.duration(725));
        assertEquals("1:02:05", ProgressBar.duration(3725));
    }

    @Test
    void badSettingsAreNamed() {
        assertEquals("ProgressBar: logEveryBatches must be >= 0 (0 = epoch lines only), got -1",
                assertThrows(IllegalArgumentException.class, () -> ProgressBar.builder().logEveryBatches(-1).build()).getMessage());
        assertEquals("ProgressBar: lineWidth must be >= 20, got 10",
                assertThrows(IllegalArgumentException.class, () -> ProgressBar.builder().lineWidth(10).build()).getMessage());
        assertEquals("ProgressBar: barWidth must be in [5, 200], got 2",
                assertThrows(IllegalArgumentException.class, () -> ProgressBar.builder().barWidth(2).build()).getMessage());
    }
}
