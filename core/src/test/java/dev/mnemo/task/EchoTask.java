package dev.mnemo.task;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The smallest task: no data, a model that answers "echo". For tests of the task contract. */
class EchoTask implements Task {
    @Override
    public String name() {
        return "echo";
    }

    @Override
    public String description() {
        return "answers echo";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public DataSource data() {
        return DataSource.bundled("none", "no data");
    }

    @Override
    public TaskResult train(TaskRun run) {
        return TaskResult.builder(name(), "none").build();
    }

    @Override
    public TaskResult evaluate(TaskRun run) {
        return train(run);
    }

    @Override
    public TaskModel load(Path model) {
        return new TaskModel() {
            @Override
            public Map<String, String> metadata() {
                return Map.of();
            }

            @Override
            public List<Prediction> predict(List<String> inputs) {
                return inputs.stream().map(i -> Prediction.of(i, List.of("echo"), new float[] {1f}, 1)).toList();
            }

            @Override
            public void close() {
            }
        };
    }
}
