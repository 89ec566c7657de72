package dev.mnemo.cli;

import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.task.Prediction;
import dev.mnemo.task.Task;
import dev.mnemo.task.TaskOption;
import dev.mnemo.task.TaskRun;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One task under one verb, e.g. {@code mnemo train sentiment}: the common options that verb
 * takes, plus the task's own ({@link Task#options()}), so {@code --help} lists exactly what it
 * accepts. Runs the task and hands its result to the {@link Console}.
 */
@Command(mixinStandardHelpOptions = true, sortOptions = false)
final class TaskCommand implements Callable<Integer> {
    private final TaskVerb verb;
    private final Task task;
    private final Console console;
    private final InputStream stdin;
    private final GlobalOptions global = new GlobalOptions();
    private final BackendOptions backend = new BackendOptions();
    private final ModelOptions model = new ModelOptions();
    private final TrainingOptions training = new TrainingOptions();
    private final DataOptions data = new DataOptions();
    private final OutOption out = new OutOption();
    private final InputOptions inputs = new InputOptions();
    private final PromptOption prompt = new PromptOption();
    private CommandSpec spec;

    private TaskCommand(TaskVerb verb, Task task, Console console, InputStream stdin) {
        this.verb = verb;
        this.task = task;
        this.console = console;
        this.stdin = stdin;
    }

    /** The subcommand {@code mnemo VERB TASK}. */
    static CommandLine of(TaskVerb verb, Task task, Console console, InputStream stdin) {
        TaskCommand command = new TaskCommand(verb, task, console, stdin);
        CommandSpec spec = CommandSpec.forAnnotatedObject(command);
        spec.name(task.name());
        spec.usageMessage().description(task.description(), "Data: " + task.data().description()
                + (task.data().installCommand() == null ? "" : " (install: " + task.data().installCommand() + ")"));
        if (verb == TaskVerb.PREDICT) {
            spec.addMixin("inputs", CommandSpec.forAnnotatedObject(command.inputs));
        }
        if (verb == TaskVerb.TRAIN || verb == TaskVerb.EVAL || verb == TaskVerb.DATA) {
            spec.addMixin("data", CommandSpec.forAnnotatedObject(command.data));
        }
        if (verb == TaskVerb.TRAIN) {
            spec.addMixin("training", CommandSpec.forAnnotatedObject(command.training));
        }
        if (verb == TaskVerb.GENERATE) {
            spec.addMixin("prompt", CommandSpec.forAnnotatedObject(command.prompt));
        }
        if (verb != TaskVerb.DATA) {
            spec.addMixin("model", CommandSpec.forAnnotatedObject(command.model));
            spec.addMixin("backend", CommandSpec.forAnnotatedObject(command.backend));
            spec.addMixin("out", CommandSpec.forAnnotatedObject(command.out));
        }
        for (TaskOption option : task.options()) {
            if (verb.reads(option)) {
                spec.addOption(TaskOptionSpecs.of(option));
            }
        }
        spec.addMixin("global", CommandSpec.forAnnotatedObject(command.global));
        command.spec = spec;
        return new CommandLine(spec);
    }

    @Override
    public Integer call() throws Exception {
        TaskRun run = run();
        switch (verb) {
            case TRAIN -> console.result(task.train(run), global.json);
            case EVAL -> console.result(task.evaluate(run), global.json);
            case GENERATE -> console.result(task.generate(run), global.json);
            case DATA -> console.result(task.prepareData(run), global.json);
            case PREDICT -> predict(run);
        }
        return 0;
    }

    private void predict(TaskRun run) throws Exception {
        List<String> items = inputs.read(stdin);
        long started = System.nanoTime();
        List<Prediction> predictions = task.predict(run, items);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("task", task.name());
        facts.put("model", run.model().toString());
        facts.put("backend", run.backend().name());
        facts.put("seconds", ResultJson.round((System.nanoTime() - started) / 1e9));
        console.predictions(facts, predictions, global.json);
    }

    private TaskRun run() {
        TaskRun.Builder run = TaskRun.builder(task)
                .seed(model.seed)
                .model(model.model != null ? model.model : TaskRun.defaultModel(task))
                .out(out.out)
                .prompt(prompt.prompt)
                .options(TaskOptionSpecs.read(task.options(), spec.commandLine().getParseResult()))
                .log(console::log);
        if (verb != TaskVerb.DATA) {
            KernelBackend kernels = backend.open();
            run.backend(kernels);
        }
        if (verb == TaskVerb.TRAIN || verb == TaskVerb.EVAL || verb == TaskVerb.DATA) {
            data.applyTo(run);
        }
        if (verb == TaskVerb.TRAIN) {
            run.epochs(training.epochs).batchSize(training.batchSize).learningRate(training.learningRate)
                    .resume(training.resume).callbacks(List.of(console.progressBar()));
        }
        return run.build();
    }
}
