package dev.mnemo.kernels.onednn;

import static org.bytedeco.dnnl.global.dnnl.dnnl_cpu;
import static org.bytedeco.dnnl.global.dnnl.dnnl_engine_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_stream_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_stream_default_flags;
import static org.bytedeco.dnnl.global.dnnl.dnnl_stream_wait;
import static org.bytedeco.dnnl.global.dnnl.dnnl_version;

import java.util.concurrent.locks.ReentrantLock;
import org.bytedeco.dnnl.dnnl_engine;
import org.bytedeco.dnnl.dnnl_stream;
import org.bytedeco.dnnl.dnnl_version_t;
import org.bytedeco.javacpp.Loader;

/**
 * The process-wide oneDNN state: natives, one CPU engine, one stream, and the lock that lets only
 * one oneDNN parallel region run at a time.
 *
 * <p>oneDNN runs on OpenMP, whose worker threads form one process-wide pool. Two Java threads
 * calling oneDNN at once would make two teams compete for the same cores, and spinning OpenMP
 * threads collapse under competition (see {@link dev.mnemo.kernels.onednn package docs}). So
 * every native call goes through {@link #lock()}: callers queue, and each call gets all cores.
 * Created on first use by {@link OneDnnProvider#availability()}; never from a constructor.
 */
final class DnnlRuntime {
    private static volatile DnnlRuntime instance;

    final dnnl_engine engine;
    final dnnl_stream stream;
    final String version;
    private final ReentrantLock lock = new ReentrantLock();

    private DnnlRuntime() {
        Loader.load(org.bytedeco.dnnl.global.dnnl.class);
        engine = new dnnl_engine();
        Status.check(dnnl_engine_create(engine, dnnl_cpu, 0), "CPU engine creation");
        stream = new dnnl_stream();
        Status.check(dnnl_stream_create(stream, engine, dnnl_stream_default_flags), "stream creation");
        dnnl_version_t v = dnnl_version();
        version = v.major() + "." + v.minor() + "." + v.patch();
    }

    /** Loads the natives and creates the engine on first call; throws whatever loading throws. */
    static DnnlRuntime get() {
        DnnlRuntime r = instance;
        if (r == null) {
            synchronized (DnnlRuntime.class) {
                r = instance;
                if (r == null) {
                    r = new DnnlRuntime();
                    instance = r;
                }
            }
        }
        return r;
    }

    /** Held around every oneDNN call; see the class comment. */
    ReentrantLock lock() {
        return lock;
    }

    /** Waits for the stream (CPU streams run in order; this returns once the work is done). */
    void await(String what) {
        Status.check(dnnl_stream_wait(stream), "stream wait after " + what);
    }
}
