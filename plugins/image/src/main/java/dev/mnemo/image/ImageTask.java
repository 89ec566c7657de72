package dev.mnemo.image;

import dev.mnemo.image.data.LabelledImages;
import dev.mnemo.image.data.TaskImages;
import dev.mnemo.task.DataSource;
import dev.mnemo.task.Task;
import dev.mnemo.task.TaskResult;
import dev.mnemo.task.TaskRun;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the image plugin's tasks share: a name, a description and a model-format version given once,
 * Fashion-MNIST as their built-in data, and {@code mnemo data TASK}, which reads the data as the
 * task would (hashes, counts, sizes checked) and reports it.
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

    /** The images {@code run} trains on: the built-in set, or its {@code --data} read as this task reads it. */
    protected abstract LabelledImages readImages(TaskRun run);

    @Override
    public TaskResult prepareData(TaskRun run) {
        TaskResult.Builder result = TaskResult.builder(name(), run.data() == null ? LabelledImages.FASHION_MNIST : run.data().toString());
        LabelledImages images = readImages(run);
        Map<String, Integer> perClass = new LinkedHashMap<>();
        images.classes().forEach(c -> perClass.put(c, 0));
        for (int label : images.data().labels()) {
            perClass.merge(images.classes().get(label), 1, Integer::sum);
        }
        return result.detail("source", run.data() == null ? data().description() : run.data().toString())
                .detail("images", images.data().size())
                .detail("test_images", images.test() == null ? 0 : images.test().size())
                .detail("shape", List.of(images.data().channels(), images.data().height(), images.data().width()))
                .detail("per_class", perClass)
                .build();
    }
}
