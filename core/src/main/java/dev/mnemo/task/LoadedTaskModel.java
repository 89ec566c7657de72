package dev.mnemo.task;

import dev.mnemo.train.Model;
import java.util.Map;

/**
 * A {@link TaskModel} backed by one loaded {@link Model}: it keeps the model file's metadata and
 * frees the model when closed; a task's subclass turns inputs into predictions with it.
 */
public abstract class LoadedTaskModel implements TaskModel {
    /** The network, built and with its weights; freed by {@link #close()}. */
    protected final Model model;
    private final Map<String, String> metadata;

    protected LoadedTaskModel(Model model, Map<String, String> metadata) {
        this.model = model;
        this.metadata = Map.copyOf(metadata);
    }

    @Override
    public Map<String, String> metadata() {
        return metadata;
    }

    @Override
    public void close() {
        model.close();
    }
}
