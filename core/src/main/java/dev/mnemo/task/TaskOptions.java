package dev.mnemo.task;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of a task's own options ({@link Task#options()}): every declared option has its value,
 * given or default. Built from text ({@link #parse}) by the command line, or set from Java:
 *
 * <pre>{@code
 * TaskOptions options = TaskOptions.parse(task.options(), Map.of("hidden", "128"));
 * int hidden = options.integer("hidden");
 * }</pre>
 */
public final class TaskOptions {
    private final Map<String, TaskOption> declared;
    private final Map<String, Object> values;

    private TaskOptions(Map<String, TaskOption> declared, Map<String, Object> values) {
        this.declared = declared;
        this.values = values;
    }

    /** The defaults of {@code options}. */
    public static TaskOptions defaults(List<TaskOption> options) {
        return parse(options, Map.of());
    }

    /**
     * Reads {@code given} (option name without dashes → text) against {@code options}; an unknown
     * name or a bad value is a {@link TaskUsageException} that lists what the task takes.
     */
    public static TaskOptions parse(List<TaskOption> options, Map<String, String> given) {
        Map<String, TaskOption> declared = new LinkedHashMap<>();
        options.forEach(o -> declared.put(o.name(), o));
        for (String name : given.keySet()) {
            if (!declared.containsKey(name)) {
                throw new TaskUsageException("unknown option --" + name + "; this task takes "
                        + (declared.isEmpty() ? "no options of its own" : "--" + String.join(", --", declared.keySet())));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (TaskOption option : options) {
            String text = given.containsKey(option.name()) ? given.get(option.name()) : option.defaultValue();
            values.put(option.name(), text == null ? null : option.parse(text));
        }
        return new TaskOptions(declared, values);
    }

    public int integer(String name) {
        return (Integer) value(name, TaskOption.Type.INTEGER);
    }

    public double number(String name) {
        return (Double) value(name, TaskOption.Type.NUMBER);
    }

    /** An INTEGER value that must be at least {@code least}; a smaller one is a usage error naming the option. */
    public int integer(String name, int least) {
        int value = integer(name);
        if (value < least) {
            throw new TaskUsageException("--" + name + " must be at least " + least + ", got " + value);
        }
        return value;
    }

    /** A NUMBER value in {@code [least, below)}; any other is a usage error naming the option. */
    public double number(String name, double least, double below) {
        double value = number(name);
        if (!(value >= least && value < below)) {
            throw new TaskUsageException("--" + name + " must be in [" + least + ", " + below + "), got " + value);
        }
        return value;
    }

    public boolean flag(String name) {
        return (Boolean) value(name, TaskOption.Type.FLAG);
    }

    /** A TEXT or CHOICE value; null when it has no default and was not given. */
    public String text(String name) {
        TaskOption option = option(name);
        if (option.type() != TaskOption.Type.TEXT && option.type() != TaskOption.Type.CHOICE) {
            throw new IllegalArgumentException("option --" + name + " is " + option.type() + ", not text");
        }
        return (String) values.get(name);
    }

    /** A PATH value; null when it has no default and was not given. */
    public Path path(String name) {
        return (Path) value(name, TaskOption.Type.PATH);
    }

    /** Every value by option name, in declaration order (for reports and model metadata). */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    private Object value(String name, TaskOption.Type type) {
        TaskOption option = option(name);
        if (option.type() != type) {
            throw new IllegalArgumentException("option --" + name + " is " + option.type() + ", not " + type);
        }
        return values.get(name);
    }

    private TaskOption option(String name) {
        TaskOption option = declared.get(name);
        if (option == null) {
            throw new IllegalArgumentException("the task declares no option --" + name);
        }
        return option;
    }
}
