package dev.mnemo.image.generate;

import dev.mnemo.image.data.ImageSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How well generated images match their prompts, measured by a {@link Judge}:
 * <ul>
 *   <li>{@code judge_accuracy}: the fraction of images drawn for the training phrasings that the
 *       judge assigns to the class the phrasing names ({@code perPrompt} images per phrasing);</li>
 *   <li>{@code heldout_judge_accuracy}: the same for the held-out phrasings;</li>
 *   <li>{@code diversity_ratio}: per class, the mean pairwise Euclidean distance between images
 *       drawn for one prompt (its first training phrasing) over that between real test images of
 *       the class, averaged over the classes; near 0 when one image is drawn again and again,
 *       near 1 when the drawings vary as much as real ones.</li>
 * </ul>
 *
 * @param judgeAccuracy        as above
 * @param heldoutJudgeAccuracy as above, NaN without held-out phrasings
 * @param diversityRatio       as above
 * @param perClass             per class name, the judge accuracy on its training phrasings
 */
record GenerationScores(double judgeAccuracy, double heldoutJudgeAccuracy, double diversityRatio, Map<String, Double> perClass) {
    /** Images per prompt for the diversity figure, and real images per class. */
    private static final int DIVERSITY_SAMPLES = 40;

    static GenerationScores measure(ImageGenerator generator, Judge judge, Prompts prompts, ImageSet real, int perPrompt, long seed) {
        Random random = new Random(seed);
        Map<String, Double> perClass = new LinkedHashMap<>();
        long right = 0, total = 0, heldoutRight = 0, heldoutTotal = 0;
        double ratios = 0;
        for (int k = 0; k < prompts.classes().size(); k++) {
            long classRight = 0, classTotal = 0;
            for (String phrasing : prompts.train().get(k)) {
                classRight += hits(judge.classify(generator.draw(phrasing, perPrompt, random)), k);
                classTotal += perPrompt;
            }
            perClass.put(prompts.classes().get(k), (double) classRight / classTotal);
            right += classRight;
            total += classTotal;
            for (String phrasing : prompts.heldout().get(k)) {
                heldoutRight += hits(judge.classify(generator.draw(phrasing, perPrompt, random)), k);
                heldoutTotal += perPrompt;
            }
            List<float[]> drawn = generator.draw(prompts.train().get(k).getFirst(), DIVERSITY_SAMPLES, random);
            ratios += meanPairwiseDistance(drawn) / meanPairwiseDistance(realOf(real, k));
        }
        return new GenerationScores((double) right / total, heldoutTotal == 0 ? Double.NaN : (double) heldoutRight / heldoutTotal,
                ratios / prompts.classes().size(), perClass);
    }

    private static long hits(int[] classes, int expected) {
        return java.util.Arrays.stream(classes).filter(c -> c == expected).count();
    }

    /** Up to {@link #DIVERSITY_SAMPLES} real images of class {@code k}, in set order. */
    private static List<float[]> realOf(ImageSet real, int k) {
        List<float[]> images = new ArrayList<>();
        for (int i = 0; i < real.size() && images.size() < DIVERSITY_SAMPLES; i++) {
            if (real.labels()[i] == k) {
                images.add(real.pixels()[i]);
            }
        }
        if (images.size() < 2) {
            throw new IllegalArgumentException("diversity needs at least 2 real images of class " + real.classes().get(k)
                    + " in the test split, found " + images.size());
        }
        return images;
    }

    /** The mean Euclidean distance over all pairs of {@code images}. */
    static double meanPairwiseDistance(List<float[]> images) {
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < images.size(); i++) {
            for (int j = i + 1; j < images.size(); j++) {
                double squares = 0;
                float[] a = images.get(i), b = images.get(j);
                for (int p = 0; p < a.length; p++) {
                    double d = a[p] - b[p];
                    squares += d * d;
                }
                sum += Math.sqrt(squares);
                pairs++;
            }
        }
        return sum / pairs;
    }
}
