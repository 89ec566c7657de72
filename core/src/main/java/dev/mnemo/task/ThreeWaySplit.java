package dev.mnemo.task;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Train, validation and test parts of a task's data, made reproducibly from a seed and, for
 * classifiers, stratified: each class is shuffled on its own and cut in the same proportions, so
 * every part keeps the class balance. The same items, fractions and seed always give the same
 * parts, whatever the training seed, so all seeds of a task meet the same test set.
 *
 * @param train      what the model learns from
 * @param validation what every choice is made on (epochs, early stopping)
 * @param test       what the reported figure is measured on, once
 */
public record ThreeWaySplit<T>(List<T> train, List<T> validation, List<T> test) {
    public ThreeWaySplit {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }

    /**
     * Splits {@code items} by {@code stratum} (e.g. the label; a constant for no stratification):
     * {@code testFraction} of each stratum goes to test, then {@code validationFraction} of the
     * rest to validation. Every part is shuffled.
     */
    public static <T> ThreeWaySplit<T> stratified(List<T> items, Function<T, String> stratum, double validationFraction,
            double testFraction, long seed) {
        Map<String, List<T>> groups = new LinkedHashMap<>();
        items.forEach(item -> groups.computeIfAbsent(stratum.apply(item), k -> new ArrayList<>()).add(item));
        Random random = new Random(seed);
        List<T> train = new ArrayList<>();
        List<T> validation = new ArrayList<>();
        List<T> test = new ArrayList<>();
        for (List<T> group : groups.values()) {
            Collections.shuffle(group, random);
            int testCount = (int) Math.round(group.size() * testFraction);
            int validationCount = (int) Math.round((group.size() - testCount) * validationFraction);
            test.addAll(group.subList(0, testCount));
            validation.addAll(group.subList(testCount, testCount + validationCount));
            train.addAll(group.subList(testCount + validationCount, group.size()));
        }
        Collections.shuffle(train, random);
        Collections.shuffle(validation, random);
        Collections.shuffle(test, random);
        return new ThreeWaySplit<>(train, validation, test);
    }

    /**
     * Keeps {@code test} as given (the user's {@code --test-data}) and splits {@code items} into
     * train and validation, stratified as above.
     */
    public static <T> ThreeWaySplit<T> withTest(List<T> items, List<T> test, Function<T, String> stratum,
            double validationFraction, long seed) {
        ThreeWaySplit<T> parts = stratified(items, stratum, validationFraction, 0, seed);
        return new ThreeWaySplit<>(parts.train(), parts.validation(), test);
    }
}
