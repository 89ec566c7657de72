package dev.mnemo.cli;

import dev.mnemo.kernel.Backends;
import dev.mnemo.kernel.KernelBackend;
import dev.mnemo.task.TaskUsageException;
import picocli.CommandLine.Option;

/** Which kernel backend a command runs on, and with how many threads. */
final class BackendOptions {
    @Option(names = "--backend", paramLabel = "NAME",
            description = "Kernel backend: reference, vector or onednn (default: the fastest available; see mnemo backends).")
    String backend;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads of the backend (default: all cores).")
    Integer threads;

    /** The chosen backend, or a usage error naming the ones there are. */
    KernelBackend open() {
        if (threads != null) {
            if (threads < 1) {
                throw new TaskUsageException("--threads must be at least 1, got " + threads);
            }
            Backends.setThreads(threads);
        }
        if (backend == null) {
            return Backends.get();
        }
        try {
            Backends.setDefault(backend);
            return Backends.get();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new TaskUsageException("--backend " + backend + ": " + e.getMessage(), e);
        }
    }
}
