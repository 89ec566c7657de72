package dev.mnemo.train.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.io.Json;
import dev.mnemo.train.History;
import dev.mnemo.train.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFilesTest {
    @TempDir
    Path dir;

    private static final List<Map<String, Double>> SCRIPT = List.of(
            ScriptedContext.logs("loss", 0.75, "lr", 0.001),
            ScriptedContext.logs("loss", 0.5, "val_loss", 0.625, "lr", 0.001),
            ScriptedContext.logs("loss", Double.NaN, "val_loss", 0.25, "lr", 1e-4));

    @Test
    void csvHasOneRowPerEpochWithTheHeaderFromTheKeys() throws IOException {
        Path file = dir.resolve("logs/history.csv");
        new ScriptedContext(null, 3, OptionalInt.empty()).play(new CsvLogger(file), SCRIPT);
        assertEquals("""
                epoch,loss,lr,val_loss
                1,0.75,0.001,
                2,0.5,0.001,0.625
                3,NaN,1.0E-4,0.25
                """, Files.readString(file));
    }

    @Test
    void csvIsRewrittenWholeAfterEachEpochAndRestartedByANewFit() throws IOException {
        Path file = dir.resolve("history.csv");
        CsvLogger csv = new CsvLogger(file);
        List<String> snapshots = new ArrayList<>();
        ScriptedContext context = new ScriptedContext(null, 3, OptionalInt.empty());
        context.play(new dev.mnemo.train.Callback() {
            @Override
            public void onTrainBegin(dev.mnemo.train.TrainingContext c) {
                csv.onTrainBegin(c);
            }

            @Override
            public void onEpochEnd(dev.mnemo.train.TrainingContext c, int epoch, Map<String, Double> logs) {
                csv.onEpochEnd(c, epoch, logs);
                try {
                    snapshots.add(Files.readString(file));
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }
        }, SCRIPT.subList(0, 2));
        assertEquals(List.of("epoch,loss,lr\n1,0.75,0.001\n", "epoch,loss,lr,val_loss\n1,0.75,0.001,\n2,0.5,0.001,0.625\n"), snapshots);
        context.play(csv, List.of(ScriptedContext.logs("loss", 0.125)));
        assertEquals("epoch,loss\n1,0.125\n", Files.readString(file));
        assertEquals(List.of("history.csv"), List.of(dir.toFile().list()), "no temporary file is left");
    }

    @Test
    void jsonHasOneArrayPerKeyWithNullForMissingOrNonFiniteValues() throws IOException {
        Path file = dir.resolve("history.json");
        new ScriptedContext(null, 3, OptionalInt.empty()).play(new JsonHistoryWriter(file), SCRIPT);
        Map<?, ?> json = (Map<?, ?>) Json.parse(Files.readString(file));
        assertEquals(List.of("epoch", "loss", "lr", "val_loss"), List.copyOf(json.keySet()));
        assertEquals(List.of(1L, 2L, 3L), json.get("epoch"));
        assertEquals(java.util.Arrays.asList(0.75, 0.5, null), json.get("loss"));
        assertEquals(java.util.Arrays.asList(null, 0.625, 0.25), json.get("val_loss"));
        assertEquals(List.of(0.001, 0.001, 1e-4), json.get("lr"));
    }

    @Test
    void aRealFitWritesTheHistoryExactlyAndTheEarlyStopReason() throws IOException {
        Path csvFile = dir.resolve("history.csv");
        Path jsonFile = dir.resolve("history.json");
        try (Model model = TinyRegression.model()) {
            History history = model.fit(TinyRegression.train()).validationData(TinyRegression.validation()).epochs(20).callbacks(new EarlyStopping("val_loss", 2, false), new CsvLogger(csvFile), new JsonHistoryWriter(jsonFile)).run();
            int epochs = history.epochs().size();
            assertTrue(epochs < 20, "early stopping should have ended the run");

            List<String> lines = Files.readAllLines(csvFile);
            assertEquals("epoch,loss,val_loss,lr", lines.getFirst());
            assertEquals(epochs + 1, lines.size());
            for (int e = 0; e < epochs; e++) {
                String[] cells = lines.get(e + 1).split(",");
                assertEquals(Integer.toString(e + 1), cells[0]);
                assertEquals(history.get("loss").get(e), Double.parseDouble(cells[1]), "loss, epoch " + (e + 1));
                assertEquals(history.get("val_loss").get(e), Double.parseDouble(cells[2]), "val_loss, epoch " + (e + 1));
                assertEquals(history.get("lr").get(e), Double.parseDouble(cells[3]), "lr, epoch " + (e + 1));
            }

            Map<?, ?> json = (Map<?, ?>) Json.parse(Files.readString(jsonFile));
            assertEquals(history.get("loss"), json.get("loss"));
            assertEquals(history.get("val_loss"), json.get("val_loss"));
            assertEquals(history.stopReason(), json.get("stop_reason"));
        }
    }
}
