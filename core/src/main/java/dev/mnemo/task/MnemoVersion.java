package dev.mnemo.task;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * This Mnemo's version, as plugins check it: a plugin's {@code Plugin-Requires} (e.g.
 * {@code >=0.1.0 & <0.2.0}) is matched against {@link #release()}.
 */
public final class MnemoVersion {
    private MnemoVersion() {}

    /** The full version, e.g. {@code 0.1.0-SNAPSHOT} (the build writes it into a resource). */
    public static String full() {
        try (InputStream in = MnemoVersion.class.getResourceAsStream("mnemo-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("mnemo-version.properties is missing from the core jar; rebuild core");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The version without its pre-release part ({@code 0.1.0} for {@code 0.1.0-SNAPSHOT}): a
     * snapshot of 0.1.0 meets {@code >=0.1.0}, which semantic versioning would otherwise refuse.
     */
    public static String release() {
        String full = full();
        int dash = full.indexOf('-');
        return dash < 0 ? full : full.substring(0, dash);
    }
}
