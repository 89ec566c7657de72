package dev.mnemo.kernel;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds kernel backends and chooses one.
 *
 * <p>The default backend is, in order: the name set with {@link #setDefault(String)}, the
 * system property {@code mnemo.backend}, the environment variable {@code MNEMO_BACKEND}, else
 * the available backend with the highest {@link KernelProvider#priority()}. An unknown name is
 * an error that lists the names that exist; a known but unavailable one is an error that gives
 * the reason. Thread count: {@link #setThreads(int)}, else {@code -Dmnemo.threads} or
 * {@code MNEMO_THREADS}, else the number of available processors. The choice is logged once.
 *
 * <p>Every backend handed out is wrapped so its arguments are validated (shapes, lengths)
 * before the backend runs.
 *
 * <p>Lifecycle: {@link #get(String)} and {@link #get()} hand out one shared instance per (name,
 * thread count), so its worker threads and native caches exist once; their {@code close()} does
 * nothing, and a shutdown hook closes them all when the JVM exits. {@link #create(String)} gives a
 * private instance that the caller closes (try-with-resources).
 */
public final class Backends {
    private static final System.Logger LOG = System.getLogger("dev.mnemo.kernel");

    private static String chosenName;
    private static int chosenThreads;
    private static KernelBackend defaultBackend;
    /** The shared instances by "name/threads"; closed by the shutdown hook. */
    private static final Map<String, ValidatingBackend> SHARED = new LinkedHashMap<>();
    private static boolean hookInstalled;

    private Backends() {}

    /** One discovered provider and whether it can run here. */
    public record Info(String name, int priority, Availability availability) {}

    /** Every backend on the class path, highest priority first, with its availability. */
    public static List<Info> list() {
        return providers().stream()
                .map(p -> new Info(p.name(), p.priority(), p.availability()))
                .toList();
    }

    /** The default backend (see the class comment for how it is chosen). */
    public static synchronized KernelBackend get() {
        if (defaultBackend == null) {
            String name = chosenName != null ? chosenName : configured("mnemo.backend", "MNEMO_BACKEND");
            defaultBackend = name == null ? highestAvailable() : get(name);
            LOG.log(Level.INFO, "mnemo: kernel backend ''{0}'' with {1} thread(s)",
                    defaultBackend.name(), defaultBackend.threads());
        }
        return defaultBackend;
    }

    /** The shared instance of the named backend with the configured thread count, validated; closing it does nothing. */
    public static synchronized KernelBackend get(String name) {
        KernelProvider p = provider(name);
        int threads = threads();
        return SHARED.computeIfAbsent(p.name() + "/" + threads, key -> {
            installShutdownHook();
            return new ValidatingBackend(p.create(threads), false);
        });
    }

    /**
     * A new, private instance of the named backend with the configured thread count, validated
     * (its own worker threads and caches); the caller closes it.
     */
    public static KernelBackend create(String name) {
        return new ValidatingBackend(provider(name).create(threads()), true);
    }

    /** Closes the shared instances (their threads and native caches); what uses them afterwards fails. */
    static synchronized void closeShared() {
        SHARED.values().forEach(backend -> backend.inner().close());
        SHARED.clear();
        defaultBackend = null;
    }

    private static void installShutdownHook() {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(Backends::closeShared));
            hookInstalled = true;
        }
    }

    private static KernelProvider provider(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        List<KernelProvider> all = providers();
        for (KernelProvider p : all) {
            if (p.name().equals(wanted)) {
                Availability a = p.availability();
                if (!a.available()) {
                    throw new IllegalStateException("kernel backend '" + wanted + "' is not available here: " + a.reason());
                }
                return p;
            }
        }
        throw new IllegalArgumentException("unknown kernel backend '" + name + "'; available: "
                + all.stream().map(KernelProvider::name).collect(Collectors.joining(", "))
                + " (add the module's jar to the class path for others, e.g. mnemo-kernels-vector)");
    }

    /** Makes {@code name} the default backend from now on (checked at once). */
    public static synchronized void setDefault(String name) {
        KernelBackend backend = get(name);
        chosenName = backend.name();
        defaultBackend = backend;
        LOG.log(Level.INFO, "mnemo: kernel backend ''{0}'' with {1} thread(s)", backend.name(), backend.threads());
    }

    /** Sets the thread count for backends created from now on, and recreates the default one. */
    public static synchronized void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        chosenThreads = threads;
        defaultBackend = null;
    }

    /** The thread count new backends get. */
    public static synchronized int threads() {
        if (chosenThreads > 0) {
            return chosenThreads;
        }
        String configured = configured("mnemo.threads", "MNEMO_THREADS");
        if (configured == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int n = Integer.parseInt(configured.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new IllegalArgumentException("mnemo.threads / MNEMO_THREADS must be a positive integer, got '"
                + configured + "'");
    }

    private static KernelBackend highestAvailable() {
        List<String> skipped = new ArrayList<>();
        for (KernelProvider p : providers()) {
            Availability a = p.availability();
            if (a.available()) {
                if (!skipped.isEmpty()) {
                    LOG.log(Level.INFO, "mnemo: skipped unavailable backend(s) {0}; using ''{1}''", skipped, p.name());
                }
                return get(p.name());
            }
            skipped.add(p.name() + " (" + a.reason() + ")");
        }
        throw new IllegalStateException("no kernel backend can run here: " + skipped);
    }

    private static List<KernelProvider> providers() {
        List<KernelProvider> found = new ArrayList<>();
        ServiceLoader.load(KernelProvider.class, Backends.class.getClassLoader()).forEach(found::add);
        found.sort(Comparator.comparingInt(KernelProvider::priority).reversed().thenComparing(KernelProvider::name));
        return found;
    }

    private static String configured(String property, String env) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? null : v;
    }
}
