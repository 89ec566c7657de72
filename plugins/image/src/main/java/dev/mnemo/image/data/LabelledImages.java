package dev.mnemo.image.data;

import dev.mnemo.task.TaskUsageException;
import dev.mnemo.task.ThreeWaySplit;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The labelled images a task learns from, and their split into train, validation and test: the
 * built-in Fashion-MNIST (its own 10,000 test images are the test set; validation is split off the
 * 60,000 training images), or the user's folder of classes ({@code --data}), whose test set is
 * split off too unless given apart ({@code --test-data}, a folder with the same classes).
 *
 * @param name  what the result calls the data set ({@code fashion-mnist}, or the folder)
 * @param data  the images training and validation come from (and the test set, when {@code test} is null)
 * @param test  the test images given apart, or null
 */
public record LabelledImages(String name, ImageSet data, ImageSet test) {
    /** The name of the built-in set. */
    public static final String FASHION_MNIST = "fashion-mnist";

    /** Train, validation and test images. */
    public record Parts(ImageSet train, ImageSet validation, ImageSet test) {}

    /** Fashion-MNIST from the Debian package, its official train and test files. */
    public static LabelledImages fashionMnist() throws ImageDataException {
        return new LabelledImages(FASHION_MNIST, FashionMnist.train(), FashionMnist.test());
    }

    /**
     * The user's folder of classes, read at {@code channels x height x width}; {@code testData}, a
     * folder with the same class names, may be null.
     *
     * @throws ImageDataException as {@link ImageFolder#read} does, or when the test folder's classes differ
     */
    public static LabelledImages folder(Path data, Path testData, int channels, int height, int width) throws ImageDataException {
        ImageSet images = ImageFolder.read(data, channels, height, width);
        ImageSet test = null;
        if (testData != null) {
            test = ImageFolder.read(testData, channels, height, width);
            if (!test.classes().equals(images.classes())) {
                throw new ImageDataException(testData, "has the classes " + test.classes() + " but the training data "
                        + data + " has " + images.classes() + "; give both the same class folders");
            }
        }
        return new LabelledImages(data.toString(), images, test);
    }

    /** The class names, in label order. */
    public List<String> classes() {
        return data.classes();
    }

    /**
     * Splits stratified by class with {@code seed} (see {@link ThreeWaySplit}): validation is
     * {@code validationFraction} of the training images; the test set is {@link #test()} when
     * there is one, else {@code testFraction} of the data.
     *
     * @throws TaskUsageException if a part would be empty
     */
    public Parts split(double validationFraction, double testFraction, long seed) {
        List<Integer> indices = IntStream.range(0, data.size()).boxed().toList();
        ThreeWaySplit<Integer> split = test == null
                ? ThreeWaySplit.stratified(indices, i -> Integer.toString(data.labels()[i]), validationFraction, testFraction, seed)
                : ThreeWaySplit.withTest(indices, List.of(), i -> Integer.toString(data.labels()[i]), validationFraction, seed);
        if (split.train().isEmpty() || split.validation().isEmpty() || (test == null && split.test().isEmpty())) {
            throw new TaskUsageException(name + ": " + data.size() + " images are too few to split into training ("
                    + split.train().size() + "), validation (" + split.validation().size() + ") and test ("
                    + (test == null ? split.test().size() : test.size()) + ") images; add images, or change the validation "
                    + "and test fractions (" + validationFraction + ", " + testFraction + ")");
        }
        return new Parts(subset(split.train()), subset(split.validation()), test == null ? subset(split.test()) : test);
    }

    private ImageSet subset(List<Integer> indices) {
        return data.subset(indices.stream().mapToInt(Integer::intValue).toArray());
    }
}
