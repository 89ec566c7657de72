package dev.mnemo.image;

import dev.mnemo.image.data.TaskImages;
import dev.mnemo.task.DataSource;
import dev.mnemo.task.Task;

/**
 * What the image plugin's tasks share: a name, a description and a model-format version given once,
 * and Fashion-MNIST as their built-in data.
 */
public abstract class ImageTask implements Task {
    private final String name;
    private final String description;
    private final String version;

    /**
     * @param version the version of the task's model format; raise it when a saved model could no
     *                longer be read as before
     */
    protected ImageTask(String name, String description, String version) {
        this.name = name;
        this.description = description;
        this.version = version;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final String version() {
        return version;
    }

    @Override
    public DataSource data() {
        return TaskImages.FASHION_MNIST;
    }
}
