package dev.mnemo.kernel;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

/**
 * How a backend's {@link KernelBackend#close()} waits for work still running before it frees what
 * that work uses: it takes the backend's lock within {@link #MILLIS} ms, or gives up, so that a JVM
 * exit (where shared backends close) never hangs on a thread stuck in a kernel.
 */
public final class CloseWait {
    /** The longest a close waits for a running kernel. */
    public static final long MILLIS = 2000;

    private CloseWait() {}

    /**
     * Takes {@code lock} within {@link #MILLIS} ms. False if it could not, or was interrupted (the
     * interrupt flag is kept): then close frees nothing.
     */
    public static boolean acquire(Lock lock) {
        try {
            return lock.tryLock(MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
