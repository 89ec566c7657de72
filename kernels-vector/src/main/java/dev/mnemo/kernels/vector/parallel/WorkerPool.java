package dev.mnemo.kernels.vector.parallel;

import dev.mnemo.kernel.CloseWait;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The backend's own threads: {@code threads - 1} daemon workers plus the calling thread run a
 * {@link WorkerTask} together. Idle workers spin for a few microseconds (so the per-step
 * regions of a recurrent kernel start quickly), then park, so they never compete with other
 * work for long.
 *
 * <p>One region runs at a time: other callers wait for it. A region started from inside a
 * region (or with one thread) runs on the calling thread alone, with a one-party barrier.
 * {@link #close()} ends the workers; a region asked for afterwards fails.
 */
public final class WorkerPool {
    private static final int SPINS = 1 << 15;

    private final int threads;
    private final Thread[] workers;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile WorkerTask task;
    private volatile Barrier barrier;
    private volatile long generation;
    private volatile Thread caller;
    private volatile boolean closed;

    /** Starts {@code threads - 1} daemon workers. */
    public WorkerPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            int id = i + 1;
            workers[i] = Thread.ofPlatform().daemon().name("mnemo-vector-" + id).start(() -> workLoop(id));
        }
    }

    /** Number of threads a region runs on, the caller included. */
    public int threads() {
        return threads;
    }

    /** Runs {@code body} on every thread of the pool and returns when all have finished; rethrows the first failure. */
    public void run(WorkerTask body) {
        if (closed) {
            throw new IllegalStateException("this vector backend was closed; get another from Backends");
        }
        if (threads == 1 || lock.isHeldByCurrentThread() || isWorker(Thread.currentThread())) {
            body.run(0, 1, Barrier.single());
            return;
        }
        lock.lock();
        try {
            failure.set(null);
            caller = Thread.currentThread();
            barrier = new Barrier(threads);
            task = body;
            pending.set(threads - 1);
            generation++;
            for (Thread w : workers) {
                LockSupport.unpark(w);
            }
            try {
                body.run(0, threads, barrier);
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
            int spins = 0;
            while (pending.get() > 0) {
                if (spins++ < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            task = null;
            Throwable t = failure.get();
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends the worker threads once the running region (if any) is done, and waits for them; later
     * regions fail. Idempotent. If a region still runs after {@link CloseWait#MILLIS} (a thread
     * stuck in a kernel while the JVM exits), the workers are left to end with the JVM: they are
     * daemons, and stopping them mid-region would strand the caller.
     */
    public void close() {
        if (!CloseWait.acquire(lock)) {
            return;
        }
        try {
            closed = true;
            generation++;
            for (Thread w : workers) {
                LockSupport.unpark(w);
            }
            for (Thread w : workers) {
                w.join(CloseWait.MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** Splits {@code [0, n)} into {@code parts} near-equal ranges whose starts are multiples of {@code align}; returns the start of range {@code part}. */
    public static int split(int n, int parts, int part, int align) {
        if (part >= parts) {
            return n;
        }
        long chunks = (n + (long) align - 1) / align;
        return (int) Math.min(n, chunks * part / parts * align);
    }

    private boolean isWorker(Thread t) {
        for (Thread w : workers) {
            if (w == t) {
                return true;
            }
        }
        return false;
    }

    private void workLoop(int id) {
        long seen = 0;
        while (true) {
            int spins = 0;
            long g;
            while ((g = generation) == seen) {
                if (spins++ < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            seen = g;
            if (closed) {
                return;
            }
            try {
                task.run(id, threads, barrier);
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
            if (pending.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }
}
