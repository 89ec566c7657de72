package dev.mnemo.image.data;

import dev.mnemo.task.DataSource;
import dev.mnemo.task.TaskFailedException;
import dev.mnemo.task.TaskUsageException;
import java.nio.file.Path;

/**
 * The image tasks' data, with problems turned into the task contract's exceptions: a missing or
 * damaged built-in set is a {@link TaskFailedException} naming the install command, the user's
 * unusable data a {@link TaskUsageException} naming the file.
 */
public final class TaskImages {
    /** The built-in data every image task names. */
    public static final DataSource FASHION_MNIST = new DataSource(LabelledImages.FASHION_MNIST, FashionMnist.SOURCE,
            FashionMnist.INSTALL_COMMAND);

    private TaskImages() {}

    /** Fashion-MNIST, its training and test files. */
    public static LabelledImages builtIn() {
        try {
            return LabelledImages.fashionMnist();
        } catch (ImageDataException e) {
            throw new TaskFailedException(e.getMessage(), e);
        }
    }

    /**
     * The user's images at {@code [channels, height, width]}: a folder of class folders
     * ({@code labelled}), or any folder of images as one class; {@code testData} (the same kind of
     * folder) may be null.
     */
    public static LabelledImages folder(Path data, Path testData, boolean labelled, int channels, int height, int width) {
        try {
            if (labelled) {
                return LabelledImages.folder(data, testData, channels, height, width);
            }
            ImageSet images = ImageFolder.readUnlabelled(data, channels, height, width);
            ImageSet test = testData == null ? null : ImageFolder.readUnlabelled(testData, channels, height, width);
            return new LabelledImages(data.toString(), images, test);
        } catch (ImageDataException e) {
            throw new TaskUsageException(e.getMessage(), e);
        }
    }

    /**
     * The shape to read the user's images at, {@code [C, H, W]}: each size the user gave, and for
     * each left at 0 what the folder holds (its images' channels, gray unless any is in colour; the
     * most common height and width, rounded down to a multiple of {@code multiple}).
     */
    public static int[] shape(Path data, boolean labelled, int channels, int height, int width, int multiple) {
        if (channels != 0 && height != 0 && width != 0) {
            return new int[] {channels, height, width};
        }
        try {
            ImageFolder.Inspection found = labelled ? ImageFolder.inspect(data) : ImageFolder.inspectUnlabelled(data);
            return new int[] {channels == 0 ? found.channels() : channels,
                    height == 0 ? Math.max(multiple, found.height() / multiple * multiple) : height,
                    width == 0 ? Math.max(multiple, found.width() / multiple * multiple) : width};
        } catch (ImageDataException e) {
            throw new TaskUsageException(e.getMessage(), e);
        }
    }
}
