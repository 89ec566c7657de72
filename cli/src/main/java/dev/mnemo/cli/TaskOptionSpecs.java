package dev.mnemo.cli;

import dev.mnemo.task.TaskOption;
import dev.mnemo.task.TaskOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * A task's own options as picocli options, so that {@code --help} lists them with their types
 * and defaults, and back: the values given become {@link TaskOptions}, where a wrong value is a
 * usage error that names the option and what it expects.
 */
final class TaskOptionSpecs {
    private TaskOptionSpecs() {}

    /** The picocli option of {@code option}: a negatable switch for a flag, else one text value. */
    static OptionSpec of(TaskOption option) {
        String help = option.help() + (option.type() == TaskOption.Type.CHOICE ? " (" + String.join(", ", option.choices()) + ")" : "")
                + (option.defaultValue() == null ? "" : " (default: " + option.defaultValue() + ")");
        OptionSpec.Builder spec = OptionSpec.builder("--" + option.name()).description(help);
        if (option.type() == TaskOption.Type.FLAG) {
            return spec.type(boolean.class).negatable(true).arity("0..1").paramLabel("true|false").build();
        }
        return spec.type(String.class).paramLabel(label(option)).build();
    }

    private static String label(TaskOption option) {
        return switch (option.type()) {
            case INTEGER -> "N";
            case NUMBER -> "X";
            case CHOICE -> String.join("|", option.choices());
            case FLAG, TEXT, PATH -> option.type().name();
        };
    }

    /** The task options the user gave on this command line, typed and checked; defaults for the rest. */
    static TaskOptions read(List<TaskOption> options, ParseResult parsed) {
        Map<String, String> given = new LinkedHashMap<>();
        for (TaskOption option : options) {
            OptionSpec matched = parsed.matchedOption("--" + option.name());
            if (matched != null) {
                given.put(option.name(), String.valueOf((Object) matched.getValue()));
            }
        }
        return TaskOptions.parse(options, given);
    }
}
