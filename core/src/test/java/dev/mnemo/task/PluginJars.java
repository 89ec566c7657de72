package dev.mnemo.task;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.pf4j.Plugin;

/**
 * Builds PF4J plugin jars on the fly for tests: Java sources compiled against core and PF4J, a
 * manifest with the {@code Plugin-*} entries, and {@code META-INF/extensions.idx} naming the
 * extension classes (what PF4J's annotation processor writes for {@code @Extension}). Shipped in
 * core's test-jar, so the cli's tests build their plugins the same way.
 *
 * <pre>{@code
 * Path jar = PluginJars.plugin("echo", "0.1.0").requires(">=0.1.0")
 *         .source("demo.EchoTask", PluginJars.task("demo", "EchoTask", "echo")).extension("demo.EchoTask")
 *         .write(dir);
 * }</pre>
 */
public final class PluginJars {
    private final String id;
    private final String version;
    private String requires = "*";
    private String pluginClass = Plugin.class.getName();
    private String dependencies = "";
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<String> extensions = new ArrayList<>();

    private PluginJars(String id, String version) {
        this.id = id;
        this.version = version;
    }

    /** A plugin with this id and version; by default it requires any Mnemo and has PF4J's plain Plugin class. */
    public static PluginJars plugin(String id, String version) {
        return new PluginJars(id, version);
    }

    public PluginJars requires(String requires) {
        this.requires = requires;
        return this;
    }

    public PluginJars pluginClass(String className) {
        this.pluginClass = className;
        return this;
    }

    public PluginJars dependencies(String dependencies) {
        this.dependencies = dependencies;
        return this;
    }

    /** Adds the source of the class {@code className} (fully qualified). */
    public PluginJars source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    /** Lists {@code className} in {@code META-INF/extensions.idx}. */
    public PluginJars extension(String className) {
        extensions.add(className);
        return this;
    }

    /** Compiles the sources and writes {@code <id>-<version>.jar} into {@code directory}. */
    public Path write(Path directory) throws IOException {
        Path classes = Files.createTempDirectory("plugin-classes");
        compile(classes);
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", id);
        main.putValue("Plugin-Version", version);
        main.putValue("Plugin-Class", pluginClass);
        main.putValue("Plugin-Requires", requires);
        main.putValue("Plugin-Provider", "tests");
        if (!dependencies.isEmpty()) {
            main.putValue("Plugin-Dependencies", dependencies);
        }
        Files.createDirectories(directory);
        Path jar = directory.resolve(id + "-" + version + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/extensions.idx"));
            out.write((String.join("\n", extensions) + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    /** Source of a task class {@code pkg.simpleName} called {@code taskName} whose model predicts {@code taskName} for every input. */
    public static String task(String pkg, String simpleName, String taskName) {
        return task(pkg, simpleName, taskName, "");
    }

    /** As {@link #task(String, String, String)}, with {@code extraBody} added to the class (e.g. a throwing static block). */
    public static String task(String pkg, String simpleName, String taskName, String extraBody) {
        return """
                package %1$s;

                import dev.mnemo.task.*;
                import java.nio.file.Path;
                import java.util.List;
                import java.util.Map;

                public class %2$s implements Task {
                    %4$s
                    public String name() { return "%3$s"; }
                    public String description() { return "a test task"; }
                    public String version() { return "1"; }
                    public DataSource data() { return DataSource.bundled("none", "no data"); }
                    public TaskResult train(TaskRun run) {
                        return TaskResult.builder(name(), "none").metric("test_accuracy", 1.0).build();
                    }
                    public TaskResult evaluate(TaskRun run) { return train(run); }
                    public TaskModel load(Path model) {
                        return new TaskModel() {
                            public Map<String, String> metadata() { return Map.of(); }
                            public List<Prediction> predict(List<String> inputs) {
                                return inputs.stream().map(i -> Prediction.of(i, List.of("%3$s"), new float[] {1f}, 1)).toList();
                            }
                            public void close() { }
                        };
                    }
                }
                """.formatted(pkg, simpleName, taskName, extraBody);
    }

    private void compile(Path classes) throws IOException {
        if (sources.isEmpty()) {
            return;
        }
        Path src = Files.createTempDirectory("plugin-src");
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", classPath(), "-proc:none",
                "-Xlint:none", "-nowarn"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        if (compiler.run(null, errors, errors, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("plugin sources do not compile:\n" + errors);
        }
    }

    /** Core's classes and PF4J, found where their classes were loaded from (surefire hides java.class.path). */
    private static String classPath() {
        try {
            return Path.of(Task.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    + File.pathSeparator
                    + Path.of(Plugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
