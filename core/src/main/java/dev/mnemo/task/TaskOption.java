package dev.mnemo.task;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One option a task declares beside the common ones, e.g. {@code --hidden 128}: its name (without
 * dashes), type, default and help text. {@link #parse} turns the text a user typed into a typed
 * value or a {@link TaskUsageException} that names the option and what it expects.
 *
 * <pre>{@code
 * List.of(TaskOption.integer("hidden", 64, "LSTM units per direction"),
 *         TaskOption.choice("tokens", "words", "what the model reads", "words", "chars"),
 *         TaskOption.flag("lowercase", true, "fold text to lower case"))
 * }</pre>
 *
 * @param name         the option name, lower case with '-' ({@code hidden}, {@code text-column})
 * @param type         how its value is read
 * @param defaultValue the value when the option is not given, as text; null for "none"
 * @param help         one line for {@code --help}
 * @param choices      the allowed values of a {@link Type#CHOICE}, else empty
 * @param actions      what the task reads it for (e.g. a layer width only for {@link TaskAction#TRAIN});
 *                     all actions unless narrowed with {@link #onlyFor}
 */
public record TaskOption(String name, Type type, String defaultValue, String help, List<String> choices,
        Set<TaskAction> actions) {
    private static final Set<TaskAction> ALL = EnumSet.allOf(TaskAction.class);

    /** How an option's value is read. */
    public enum Type {
        /** A whole number ({@link Integer}). */
        INTEGER,
        /** A decimal number ({@link Double}). */
        NUMBER,
        /** true or false ({@link Boolean}); on the command line {@code --name} or {@code --name=false}. */
        FLAG,
        /** Any text ({@link String}). */
        TEXT,
        /** One of {@link #choices()} ({@link String}). */
        CHOICE,
        /** A file or directory ({@link Path}). */
        PATH
    }

    public TaskOption {
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("option name '" + name + "' must be lower case letters, digits and '-'");
        }
        choices = List.copyOf(choices);
        actions = Collections.unmodifiableSet(EnumSet.copyOf(actions));
        if (type == Type.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice option '" + name + "' needs its choices");
        }
        if (defaultValue != null) {
            new TaskOption(name, type, null, help, choices, actions).parse(defaultValue);
        }
    }

    public static TaskOption integer(String name, int defaultValue, String help) {
        return new TaskOption(name, Type.INTEGER, Integer.toString(defaultValue), help, List.of(), ALL);
    }

    public static TaskOption number(String name, double defaultValue, String help) {
        return new TaskOption(name, Type.NUMBER, Double.toString(defaultValue), help, List.of(), ALL);
    }

    public static TaskOption flag(String name, boolean defaultValue, String help) {
        return new TaskOption(name, Type.FLAG, Boolean.toString(defaultValue), help, List.of(), ALL);
    }

    /** A text option; {@code defaultValue} may be null. */
    public static TaskOption text(String name, String defaultValue, String help) {
        return new TaskOption(name, Type.TEXT, defaultValue, help, List.of(), ALL);
    }

    public static TaskOption choice(String name, String defaultValue, String help, String... choices) {
        return new TaskOption(name, Type.CHOICE, defaultValue, help, List.of(choices), ALL);
    }

    /** A file or directory option; {@code defaultValue} may be null. */
    public static TaskOption path(String name, String defaultValue, String help) {
        return new TaskOption(name, Type.PATH, defaultValue, help, List.of(), ALL);
    }

    /** This option, read only when the task is asked to do one of {@code only}; {@code mnemo VERB TASK --help} lists it there alone. */
    public TaskOption onlyFor(TaskAction... only) {
        return new TaskOption(name, type, defaultValue, help, choices, EnumSet.copyOf(List.of(only)));
    }

    /** Whether the task reads this option when asked to do {@code action}. */
    public boolean appliesTo(TaskAction action) {
        return actions.contains(action);
    }

    /** The typed value of {@code text}, or a {@link TaskUsageException} naming this option. */
    public Object parse(String text) {
        if (text == null) {
            throw new TaskUsageException("option --" + name + " needs a value (" + expected() + ")");
        }
        String value = text.strip();
        try {
            return switch (type) {
                case INTEGER -> Integer.parseInt(value);
                case NUMBER -> {
                    double d = Double.parseDouble(value);
                    if (!Double.isFinite(d)) {
                        throw new NumberFormatException();
                    }
                    yield d;
                }
                case FLAG -> switch (value.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "on", "1" -> Boolean.TRUE;
                    case "false", "no", "off", "0" -> Boolean.FALSE;
                    default -> throw new NumberFormatException();
                };
                case TEXT -> value;
                case CHOICE -> {
                    if (!choices.contains(value)) {
                        throw new NumberFormatException();
                    }
                    yield value;
                }
                case PATH -> Path.of(value);
            };
        } catch (RuntimeException e) {
            throw new TaskUsageException("option --" + name + ": '" + text + "' is not " + expected());
        }
    }

    /** What a value must look like, for messages and help. */
    public String expected() {
        return switch (type) {
            case INTEGER -> "a whole number";
            case NUMBER -> "a number";
            case FLAG -> "true or false";
            case TEXT -> "text";
            case CHOICE -> "one of " + String.join(", ", choices);
            case PATH -> "a path";
        };
    }
}
