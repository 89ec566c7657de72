package dev.mnemo.task;

/**
 * Where a task's built-in data comes from.
 *
 * @param name           the data set's short name, reported as {@code dataset} ({@code uci-sentiment})
 * @param description    one line: what it is, where it lives, its licence
 * @param installCommand the exact command that installs it when it is missing, or null when it
 *                       ships with the plugin
 */
public record DataSource(String name, String description, String installCommand) {
    public DataSource {
        if (name == null || name.isBlank() || description == null) {
            throw new IllegalArgumentException("a data source needs a name and a description");
        }
    }

    /** Data that ships inside the plugin jar: nothing to install. */
    public static DataSource bundled(String name, String description) {
        return new DataSource(name, description, null);
    }
}
