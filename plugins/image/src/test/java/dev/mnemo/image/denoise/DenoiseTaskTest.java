package dev.mnemo.image.denoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemo.image.data.DecodedImage;
import dev.mnemo.image.data.FashionFolders;
import dev.mnemo.image.data.ImageFiles;
import dev.mnemo.task.Prediction;
import dev.mnemo.task.TaskOptions;
import dev.mnemo.task.TaskResult;
import dev.mnemo.task.TaskRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code denoise} on a folder of 600 real Fashion-MNIST PNGs: after two short epochs the denoised
 * test images are clearly closer to the clean ones than the noisy inputs, {@code eval} meets the
 * same noisy test images, and {@code predict} denoises a file of another size at its own size.
 */
class DenoiseTaskTest {
    private final DenoiseTask task = new DenoiseTask();

    @TempDir
    Path dir;

    @Test
    void learnsToRemoveNoiseAndDenoisesFilesOfAnySize() throws Exception {
        Path data = FashionFolders.write(dir.resolve("clothes"), 100, 0, 1, 2, 5, 7, 8);
        Path model = dir.resolve("denoise.safetensors");
        Path grid = dir.resolve("grid.png");
        TaskResult trained = task.train(TaskRun.builder(task).data(data).model(model).out(grid).seed(3).epochs(4).batchSize(16).learningRate(2e-3)
                .options(TaskOptions.parse(task.options(), Map.of("filters", "8"))).build());

        double noisy = trained.metric("noisy_psnr_db"), denoised = trained.metric("psnr_db");
        assertTrue(noisy > 11 && noisy < 14, "sigma 0.3 on Fashion-MNIST is about 12.8 dB, got " + noisy);
        assertTrue(denoised > noisy + 3, "denoised " + denoised + " dB vs noisy " + noisy + " dB");
        DecodedImage sheet = ImageFiles.readNative(grid);
        assertEquals(3 * 28 * 3 + 2 * 2, sheet.height(), "three rows of 8 images, 3x upscaled, 2-pixel gaps");

        TaskResult again = task.evaluate(TaskRun.builder(task).model(model).build());
        assertEquals(denoised, again.metric("psnr_db"), 1e-9, "eval meets the same noisy test images");
        assertEquals(noisy, again.metric("noisy_psnr_db"), 1e-9);

        Path odd = dir.resolve("odd.png");
        float[] pixels = new float[30 * 26];
        Random random = new Random(1);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) Math.min(1, Math.max(0, 0.5 + 0.3 * random.nextGaussian()));
        }
        ImageFiles.writePng(pixels, 1, 30, 26, odd);
        Path out = dir.resolve("clean.png");
        List<Prediction> written = task.predict(TaskRun.builder(task).model(model).out(out).build(), List.of(odd.toString()));
        assertEquals(out, written.getFirst().output());
        DecodedImage clean = ImageFiles.readNative(out);
        assertEquals(List.of(30, 26), List.of(clean.height(), clean.width()), "denoised at its own size");

        List<Prediction> beside = task.predict(TaskRun.builder(task).model(model).build(), List.of(odd.toString()));
        assertEquals(dir.resolve("odd-denoised.png"), beside.getFirst().output());
        assertTrue(Files.exists(dir.resolve("odd-denoised.png")));
    }
}
