package dev.mnemo.task;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.jar.JarFile;

/** The {@code Plugin-Version} of the plugin jar a class came from, for model files to record. */
final class PluginVersion {
    private PluginVersion() {}

    /** {@code Plugin-Id Plugin-Version} of {@code type}'s jar (e.g. {@code text 0.1.0}), or "none" off a plugin jar. */
    static String of(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "none";
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(location)) {
                return "none";
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                var attributes = jar.getManifest() == null ? null : jar.getManifest().getMainAttributes();
                if (attributes == null || attributes.getValue("Plugin-Id") == null) {
                    return "none";
                }
                return attributes.getValue("Plugin-Id") + " " + attributes.getValue("Plugin-Version");
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return "none";
        }
    }
}
