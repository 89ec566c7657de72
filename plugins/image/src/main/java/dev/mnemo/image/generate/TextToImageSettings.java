package dev.mnemo.image.generate;

import dev.mnemo.task.TaskAction;
import dev.mnemo.task.TaskOption;
import dev.mnemo.task.TaskOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * The options of {@code text-to-image}.
 *
 * @param latent    Z, the size of the latent code
 * @param units     LSTM units per direction of the prompt encoder
 * @param filters   filters of the outer convolutions (the inner have twice as many)
 * @param classWeight weight of the auxiliary loss that makes the prompt's vector name its class
 * @param patience  epochs without a lower validation loss before training stops
 * @param judge     the separately trained image-classify model that scores generated images
 * @param perPrompt images drawn per phrasing when scoring
 * @param count     images drawn by {@code generate}
 * @param temperature deviation of the latent code when drawing ({@link ImageGenerator})
 * @param size      for {@code --data}: images are resized to size × size (a multiple of 4)
 */
record TextToImageSettings(int latent, int units, int filters, double classWeight, int patience, Path judge, int perPrompt, int count, double temperature, int size) {

    static List<TaskOption> options() {
        return List.of(
                TaskOption.integer("latent", 16, "size of the latent code z").onlyFor(TaskAction.TRAIN),
                TaskOption.integer("units", 64, "LSTM units per direction reading the prompt").onlyFor(TaskAction.TRAIN),
                TaskOption.integer("filters", 16, "filters of the outer convolutions (the inner have twice as many)").onlyFor(TaskAction.TRAIN),
                TaskOption.number("class-weight", 20, "weight of the auxiliary loss: the prompt's vector names its class").onlyFor(TaskAction.TRAIN),
                TaskOption.integer("patience", 3, "epochs without a lower val_loss before stopping").onlyFor(TaskAction.TRAIN),
                TaskOption.path("judge", "models/image-classify.safetensors",
                        "the image-classify model (trained apart) that scores generated images").onlyFor(TaskAction.TRAIN, TaskAction.EVALUATE),
                TaskOption.integer("per-prompt", 20, "images drawn per phrasing when scoring").onlyFor(TaskAction.TRAIN, TaskAction.EVALUATE),
                TaskOption.integer("count", 16, "images to draw").onlyFor(TaskAction.GENERATE),
                TaskOption.number("temperature", 0.7, "deviation of the latent code when drawing: lower is more typical, less varied")
                        .onlyFor(TaskAction.TRAIN, TaskAction.EVALUATE, TaskAction.GENERATE),
                TaskOption.integer("size", 28, "--data: images are resized to size x size (a multiple of 4)").onlyFor(TaskAction.TRAIN));
    }

    static TextToImageSettings from(TaskOptions o) {
        TextToImageSettings s = new TextToImageSettings(o.integer("latent", 1), o.integer("units", 1), o.integer("filters", 1),
                o.number("class-weight", 0, 1e6), o.integer("patience", 1), o.path("judge"), o.integer("per-prompt", 2), o.integer("count", 1),
                o.number("temperature", 0.01, 10), o.integer("size", 4));
        if (s.size() % 4 != 0) {
            throw new dev.mnemo.task.TaskUsageException("--size must be a multiple of 4 (the generator upsamples twice), got " + s.size());
        }
        return s;
    }
}
