package dev.mnemo.image.denoise;

import dev.mnemo.image.data.DecodedImage;
import dev.mnemo.image.data.ImageDataException;
import dev.mnemo.image.data.ImageFiles;
import dev.mnemo.image.data.ImageFormat;
import dev.mnemo.task.Prediction;
import dev.mnemo.task.LoadedTaskModel;
import dev.mnemo.task.TaskUsageException;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import dev.mnemo.train.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A loaded denoiser: noisy image files in, denoised PNG files out. The network is convolutional
 * throughout, so an image is denoised at its own size: converted to the model's channels, padded
 * by repeating its edge pixels up to a multiple of 4, denoised, and cropped back.
 */
final class DenoiserModel extends LoadedTaskModel {
    private final ImageFormat format;
    private final Output output;

    /** Where the denoised image of an input goes. */
    @FunctionalInterface
    interface Output {
        Path of(Path input, int index, int count);
    }

    DenoiserModel(Model model, ImageFormat format, Map<String, String> metadata, Output output) {
        super(model, metadata);
        this.format = format;
        this.output = output;
    }

    /** Denoises the files named by {@code inputs} (folders expand to their images) and writes each as PNG. */
    @Override
    public List<Prediction> predict(List<String> inputs) {
        try {
            List<Path> files = ImageFormat.files(inputs);
            List<Prediction> written = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                Path out = output.of(files.get(i), i, files.size());
                DecodedImage image = ImageFiles.readNative(files.get(i)).withChannels(format.channels());
                ImageFiles.writePng(denoise(image), out);
                written.add(Prediction.written(files.get(i).toString(), out));
            }
            return written;
        } catch (ImageDataException e) {
            throw new TaskUsageException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code image} denoised at its own size. */
    DecodedImage denoise(DecodedImage image) {
        int c = image.channels(), h = image.height(), w = image.width();
        int m = DenoiseNetwork.SIZE_MULTIPLE;
        int ph = (h + m - 1) / m * m, pw = (w + m - 1) / m * m;
        float[] padded = new float[c * ph * pw];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < ph; y++) {
                for (int x = 0; x < pw; x++) {
                    padded[(ch * ph + y) * pw + x] = image.pixels()[(ch * h + Math.min(y, h - 1)) * w + Math.min(x, w - 1)];
                }
            }
        }
        float[] clean;
        try (Scope scope = Scope.open()) {
            Tensor out = model.predict(scope, scope.of(padded, 1, c, ph, pw), null);
            clean = out.toArray();
        }
        float[] cropped = new float[c * h * w];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(clean, (ch * ph + y) * pw, cropped, (ch * h + y) * w, w);
            }
        }
        return new DecodedImage(cropped, c, h, w);
    }
}
