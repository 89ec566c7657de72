package dev.mnemo.image.generate;

import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import dev.mnemo.train.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws images for a prompt with a trained generator, (z, prompt) to logits: z ~ N(0, τ² I), and
 * each image is the decoder's pixel means, {@code sigmoid(logits)}, in [0, 1]. The temperature
 * τ ≤ 1 draws from the likelier middle of the latent space, trading variety for images closer to
 * their class (the truncation trick of generative models).
 *
 * @param model       the generator (not owned: the caller closes it)
 * @param latent      Z, the size of z
 * @param imageShape  {@code [C, H, W]}
 * @param temperature τ, the deviation of z
 */
record ImageGenerator(Model model, int latent, int[] imageShape, double temperature) {
    /** Images per forward pass. */
    private static final int BATCH = 256;

    /** {@code count} images for {@code prompt}, their z drawn from {@code random}; each {@code [C, H, W]} flattened. */
    List<float[]> draw(String prompt, int count, Random random) {
        int[] ids = PromptEncoder.encode(prompt);
        List<float[]> images = new ArrayList<>(count);
        for (int start = 0; start < count; start += BATCH) {
            int n = Math.min(BATCH, count - start);
            try (Scope scope = Scope.open()) {
                Tensor z = scope.zeros(n, latent);
                for (long i = 0; i < z.size(); i++) {
                    z.set(i, (float) (temperature * random.nextGaussian()));
                }
                int[][] prompts = new int[n][];
                java.util.Arrays.fill(prompts, ids);
                float[] logits = model.predict(scope, List.of(new Model.Input(z, null), Model.Input.ids(scope, prompts))).toArray();
                int size = logits.length / n;
                for (int b = 0; b < n; b++) {
                    float[] image = new float[size];
                    for (int i = 0; i < size; i++) {
                        image[i] = (float) (1 / (1 + Math.exp(-logits[b * size + i])));
                    }
                    images.add(image);
                }
            }
        }
        return images;
    }
}
