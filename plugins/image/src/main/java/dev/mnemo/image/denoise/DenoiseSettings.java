package dev.mnemo.image.denoise;

import dev.mnemo.task.TaskAction;
import dev.mnemo.task.TaskOption;
import dev.mnemo.task.TaskOptions;
import dev.mnemo.task.TaskUsageException;
import java.util.List;

/**
 * The options of {@code denoise}.
 *
 * @param sigma    standard deviation of the Gaussian noise on pixels in [0, 1], clipped after adding
 * @param filters  filters of the outer convolutions ({@link DenoiseNetwork}); the inner ones have twice as many
 * @param patience epochs without a lower validation loss before training stops
 * @param channels for {@code --data}: 1 or 3, 0 to take the images' own
 * @param height   for {@code --data}: rows (a multiple of 4), 0 for the most common size rounded down to one
 * @param width    for {@code --data}: columns, likewise
 */
record DenoiseSettings(double sigma, int filters, int patience, int channels, int height, int width) {

    static List<TaskOption> options() {
        return List.of(
                TaskOption.number("sigma", 0.3, "standard deviation of the Gaussian noise (pixels in [0, 1])")
                        .onlyFor(TaskAction.TRAIN, TaskAction.EVALUATE),
                TaskOption.integer("filters", 32, "filters of the outer convolutions (the inner have twice as many)").onlyFor(TaskAction.TRAIN),
                TaskOption.integer("patience", 3, "epochs without a lower val_loss before stopping").onlyFor(TaskAction.TRAIN),
                TaskOption.integer("channels", 0, "--data: 1 (gray) or 3 (RGB); 0 takes the images' own").onlyFor(TaskAction.TRAIN),
                TaskOption.integer("height", 0, "--data: rows, a multiple of 4; 0 takes the most common size").onlyFor(TaskAction.TRAIN),
                TaskOption.integer("width", 0, "--data: columns, a multiple of 4; 0 takes the most common size").onlyFor(TaskAction.TRAIN));
    }

    static DenoiseSettings from(TaskOptions o) {
        int channels = o.integer("channels", 0);
        if (channels == 2 || channels > 3) {
            throw new TaskUsageException("--channels must be 1 (gray), 3 (RGB) or 0 (as the images are), got " + channels);
        }
        DenoiseSettings s = new DenoiseSettings(o.number("sigma", 0, 1), o.integer("filters", 1), o.integer("patience", 1), channels,
                o.integer("height", 0), o.integer("width", 0));
        for (int size : new int[] {s.height(), s.width()}) {
            if (size % DenoiseNetwork.SIZE_MULTIPLE != 0) {
                throw new TaskUsageException("--height and --width must be multiples of " + DenoiseNetwork.SIZE_MULTIPLE
                        + " (the denoiser pools twice), got " + s.height() + " x " + s.width());
            }
        }
        return s;
    }
}
