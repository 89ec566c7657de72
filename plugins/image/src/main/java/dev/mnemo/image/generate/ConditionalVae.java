package dev.mnemo.image.generate;

import dev.mnemo.autograd.Parameter;
import dev.mnemo.autograd.ShapeOps;
import dev.mnemo.autograd.Tape;
import dev.mnemo.autograd.Variable;
import dev.mnemo.autograd.LayoutOps;
import dev.mnemo.autograd.MathOps;
import dev.mnemo.autograd.VariationalOps;
import dev.mnemo.image.data.ImageSet;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.nn.BuildContext;
import dev.mnemo.optim.GradientClipping;
import dev.mnemo.optim.Optimizer;
import dev.mnemo.tensor.MemoryPool;
import dev.mnemo.tensor.Scope;
import dev.mnemo.tensor.Tensor;
import dev.mnemo.train.Losses;
import dev.mnemo.train.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A conditional variational autoencoder (Kingma and Welling 2014; Sohn et al. 2015) that draws
 * images from a prompt: the posterior q(z | x, c) encodes an image and its prompt's vector c into
 * latent statistics, and the decoder p(x | z, c) draws the image back. Training minimises, per
 * image, the negative evidence lower bound plus an auxiliary cross-entropy that makes the prompt's
 * vector name its class,
 * <pre>
 *   L = Σ_pixels BCE(decoder(z, c), x) + KL(q(z | x, c) ‖ N(0, I)) + λ · CE(Dense(c), class),   z = μ + σ ⊙ ε
 * </pre>
 * averaged over the batch, with Adam. Without the last term the latent code learns the class
 * before the LSTM has learned to read it, and the decoder then ignores the prompt. Each image is
 * paired at every read with a random training phrasing of its class, its words shuffled or one
 * left out at random ({@link Prompts#vary}). Generation needs only the decoder: z ~ N(0, I) with the prompt's c.
 * The {@link #generator()} model, (z, prompt) to image logits, is what the task saves.
 */
final class ConditionalVae implements AutoCloseable {
    private final GeneratorNetwork network;
    private final Model generator;
    private final Scope trainingOnly = Scope.open();
    private final int latent;
    private final int[] imageShape;
    private final double classWeight;

    /**
     * @param classWeight λ, the weight of the prompt-classification term
     */
    ConditionalVae(int[] imageShape, int classes, int latent, int units, int filters, double classWeight, long seed,
            KernelBackend kernels) {
        this.network = GeneratorNetwork.create(imageShape[0], imageShape[1], imageShape[2], classes, latent, units, filters);
        this.generator = Model.of(network.generator(), seed).useKernels(kernels).build(latent);
        Random random = new Random(seed + 1);
        int[] built = network.imageEncoder().build(imageShape, new BuildContext(trainingOnly, random));
        network.posterior().build(new int[] {built[0] + 2 * units}, new BuildContext(trainingOnly, random));
        network.promptClasses().build(new int[] {2 * units}, new BuildContext(trainingOnly, random));
        this.latent = latent;
        this.classWeight = classWeight;
        this.imageShape = imageShape.clone();
    }

    /** The saved part: (z [Z], prompt ids [T]) to image logits [C, H, W]. */
    Model generator() {
        return generator;
    }

    /** Every trained parameter: the generator's, then the image encoder's, the posterior's and the prompt classifier's. */
    List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(generator.parameters());
        all.addAll(network.imageEncoder().parameters());
        all.addAll(network.posterior().parameters());
        all.addAll(network.promptClasses().parameters());
        return all;
    }

    /**
     * One epoch over {@code images} in a seeded random order; returns the mean loss per image.
     *
     * @param prompts training phrasings per class
     */
    double trainEpoch(ImageSet images, List<List<String>> prompts, Optimizer optimizer, int batchSize, Random random,
            MemoryPool memory) {
        List<Parameter> params = parameters();
        int[] order = permutation(images.size(), random);
        double sum = 0;
        for (int start = 0; start < order.length; start += batchSize) {
            int[] batch = java.util.Arrays.copyOfRange(order, start, Math.min(order.length, start + batchSize));
            try (Tape tape = Tape.training(generator.kernels(), random, memory)) {
                params.forEach(Parameter::zeroGrad);
                Variable loss = loss(tape, images, batch, prompts, true, random);
                sum += loss.value().get(0) * batch.length;
                tape.backward(loss);
                GradientClipping.byGlobalNorm(params, 5.0);
                optimizer.step(params);
            }
        }
        return sum / images.size();
    }

    /**
     * The mean loss per image over {@code images}, with noise and phrasings (whole, not varied)
     * drawn from {@code seed}: a repeatable validation figure.
     */
    double validationLoss(ImageSet images, List<List<String>> prompts, long seed, MemoryPool memory) {
        Random random = new Random(seed);
        double sum = 0;
        for (int start = 0; start < images.size(); start += 256) {
            int[] batch = java.util.stream.IntStream.range(start, Math.min(images.size(), start + 256)).toArray();
            try (Tape tape = Tape.inference(generator.kernels(), memory)) {
                sum += loss(tape, images, batch, prompts, false, random).value().get(0) * batch.length;
            }
        }
        return sum / images.size();
    }

    /** The loss of {@code batch}, averaged over its images; {@code vary} varies the phrasings ({@link Prompts#vary}). */
    private Variable loss(Tape tape, ImageSet images, int[] batch, List<List<String>> prompts, boolean vary, Random random) {
        int n = batch.length, pixels = imageShape[0] * imageShape[1] * imageShape[2];
        Tensor x = tape.zeros(n, imageShape[0], imageShape[1], imageShape[2]), classes = tape.zeros(n);
        int[][] ids = new int[n][];
        for (int i = 0; i < n; i++) {
            x.narrow(i, 1).copyFrom(images.pixels()[batch[i]]);
            classes.set(i, images.labels()[batch[i]]);
            List<String> phrasings = prompts.get(images.labels()[batch[i]]);
            String phrasing = phrasings.get(random.nextInt(phrasings.size()));
            ids[i] = PromptEncoder.encode(vary ? Prompts.vary(phrasing, random) : phrasing);
        }
        Variable c = network.promptEncoder().forward(tape, prompt(tape, ids));
        Variable h = network.imageEncoder().forward(tape, tape.input(x));
        Variable stats = network.posterior().forward(tape, ShapeOps.concatLast(tape, h, c));
        Tensor epsilon = tape.zeros(n, latent);
        for (long i = 0; i < epsilon.size(); i++) {
            epsilon.set(i, (float) random.nextGaussian());
        }
        Variable z = VariationalOps.sample(tape, stats, epsilon);
        Variable logits = network.decoder().forward(tape, ShapeOps.concatLast(tape, z, c));
        Variable reconstruction = Losses.binaryCrossEntropy().compute(tape, LayoutOps.reshape(tape, logits, null, n, pixels),
                x.view(n, pixels));
        Variable named = Losses.sparseCategoricalCrossEntropy().compute(tape, network.promptClasses().forward(tape, c), classes);
        return MathOps.add(tape, MathOps.add(tape, MathOps.scale(tape, reconstruction, pixels), VariationalOps.klDivergence(tape, stats)),
                MathOps.scale(tape, named, (float) classWeight));
    }

    /** Character ids {@code [n, T]}, right-padded with 0, with their lengths, on {@code tape}. */
    private static Variable prompt(Tape tape, int[][] ids) {
        Model.Input input = Model.Input.ids(tape.scope(), ids);
        return tape.input(input.features(), input.lengths());
    }

    private static int[] permutation(int n, Random random) {
        int[] order = java.util.stream.IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    @Override
    public void close() {
        generator.close();
        trainingOnly.close();
    }
}
