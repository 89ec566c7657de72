package dev.mnemo.image.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The phrasings that name each class of images, split into those the generator is trained with
 * and those held out to test whether a prompt it never saw still draws the right thing. For
 * Fashion-MNIST they come from the committed {@code fashion-prompts.tsv} (seven training and three
 * held-out phrasings per class); for the user's classes the class name in a few templates, with
 * none held out.
 *
 * @param classes  class names, in label order
 * @param train    per class, the phrasings used in training
 * @param heldout  per class, phrasings never used in training (may be empty)
 */
record Prompts(List<String> classes, List<List<String>> train, List<List<String>> heldout) {
    private static final String FASHION = "fashion-prompts.tsv";
    private static final List<String> TEMPLATES = List.of("%s", "a %s", "a picture of a %s", "an image of %s", "%s photo");

    Prompts {
        classes = List.copyOf(classes);
        train = train.stream().map(List::copyOf).toList();
        heldout = heldout.stream().map(List::copyOf).toList();
        if (train.size() != classes.size() || heldout.size() != classes.size() || train.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("prompts: every one of " + classes + " needs training phrasings");
        }
    }

    /** The committed Fashion-MNIST phrasings, checked against {@code classes}. */
    static Prompts fashionMnist(List<String> classes) {
        Map<String, List<String>> train = new LinkedHashMap<>(), heldout = new LinkedHashMap<>();
        classes.forEach(c -> {
            train.put(c, new ArrayList<>());
            heldout.put(c, new ArrayList<>());
        });
        try (InputStream in = Prompts.class.getResourceAsStream(FASHION)) {
            if (in == null) {
                throw new IllegalStateException(FASHION + " is missing from the image plugin jar");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                Map<String, List<String>> part = f.length == 3 && f[1].equals("train") ? train : f.length == 3 && f[1].equals("heldout") ? heldout : null;
                if (part == null || !part.containsKey(f[0])) {
                    throw new IllegalStateException(FASHION + ": bad line '" + line + "'");
                }
                part.get(f[0]).add(f[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Prompts(classes, List.copyOf(train.values()), List.copyOf(heldout.values()));
    }

    /** For the user's classes: each class name (lower case, '_' and '-' as spaces) in a few templates. */
    static Prompts templated(List<String> classes) {
        List<List<String>> train = new ArrayList<>();
        for (String c : classes) {
            String name = c.toLowerCase(java.util.Locale.ROOT).replace('_', ' ').replace('-', ' ');
            train.add(TEMPLATES.stream().map(t -> String.format(t, name)).toList());
        }
        return new Prompts(classes, train, classes.stream().map(c -> List.<String>of()).toList());
    }

    /**
     * A training variant of {@code phrasing}: its words shuffled half the time, and one word left
     * out half the time (when it has several), so the prompt encoder learns that each word is
     * evidence wherever it stands and that a phrasing need not be complete; prompts it never saw,
     * such as "boots for winter", then read like those it did.
     */
    static String vary(String phrasing, Random random) {
        List<String> words = new ArrayList<>(List.of(phrasing.strip().split("\\s+")));
        if (words.size() > 1 && random.nextBoolean()) {
            words.remove(random.nextInt(words.size()));
        }
        if (random.nextBoolean()) {
            Collections.shuffle(words, random);
        }
        return String.join(" ", words);
    }

    /** Whether any class has held-out phrasings. */
    boolean hasHeldout() {
        return heldout.stream().anyMatch(p -> !p.isEmpty());
    }
}
