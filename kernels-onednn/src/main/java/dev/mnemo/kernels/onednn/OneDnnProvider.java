package dev.mnemo.kernels.onednn;

import dev.mnemo.kernel.Availability;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.kernel.KernelProvider;
import java.util.concurrent.Callable;

/**
 * Registers the oneDNN backend ({@code onednn}, priority 30: preferred over the Vector API and
 * reference backends when its natives load). Construction loads nothing; {@link #availability()}
 * loads the natives from the {@code org.bytedeco:dnnl} platform jar on first call and turns any
 * failure (missing jar, wrong platform, unsatisfied link, ...) into a reason, never a crash.
 */
public final class OneDnnProvider implements KernelProvider {
    /** The backend's name. */
    public static final String NAME = "onednn";

    private static final System.Logger LOG = System.getLogger("dev.mnemo.kernel");

    private final Callable<?> loader;
    private volatile Availability availability;

    /** The provider {@link java.util.ServiceLoader} creates: loads the bundled natives. */
    public OneDnnProvider() {
        this(DnnlRuntime::get);
    }

    /** A provider whose native loading is {@code loader} (tests use a failing one). */
    OneDnnProvider(Callable<?> loader) {
        this.loader = loader;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 30;
    }

    @Override
    public Availability availability() {
        Availability a = availability;
        if (a == null) {
            synchronized (this) {
                a = availability;
                if (a == null) {
                    a = load();
                    availability = a;
                }
            }
        }
        return a;
    }

    @Override
    public KernelBackend create(int threads) {
        Availability a = availability();
        if (!a.available()) {
            throw new IllegalStateException("kernel backend 'onednn' is not available here: " + a.reason());
        }
        DnnlRuntime runtime = DnnlRuntime.get();
        LOG.log(System.Logger.Level.DEBUG, "mnemo: oneDNN {0} backend with {1} OpenMP thread(s)", runtime.version, threads);
        return new OneDnnBackend(runtime, threads);
    }

    private Availability load() {
        try {
            loader.call();
            return Availability.yes();
        } catch (Throwable t) {
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return Availability.no("oneDNN natives failed to load on " + System.getProperty("os.name") + "/"
                    + System.getProperty("os.arch") + ": " + root
                    + ". The natives come from the org.bytedeco:dnnl, javacpp and opencl jars with the platform"
                    + " classifier (e.g. linux-x86_64) on the class path; mnemo-kernels-onednn's pom brings them"
                    + " for linux-x86_64. JDK 22+ also needs --enable-native-access=ALL-UNNAMED.");
        }
    }
}
