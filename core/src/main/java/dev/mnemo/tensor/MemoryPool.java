package dev.mnemo.tensor;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Native memory that outlives scopes, so a training loop does not ask the operating system for
 * fresh pages every step. Fresh large allocations are page-faulted in and zeroed by the kernel
 * on first touch, which for a batch-64 LSTM step (a 50 MB oneDNN workspace among others) cost
 * more than the LSTM itself; a pooled block is only cleared.
 *
 * <p>A {@link Scope} opened on a pool ({@link Scope#open(MemoryPool)}) takes blocks and returns
 * them when it closes. Block sizes are rounded up to size classes (eight per power of two, so at
 * most 12.5 % is wasted), because padded batches change size with their longest sequence and an
 * exact-size pool would miss on every new length. The scope's tensors are views tied to its own
 * lifetime, so using one after the scope closed still throws instead of reading memory another
 * step now owns. Idle blocks are kept up to the largest amount any scope has held at once, so
 * memory stays flat; the rest is freed. Closing the pool frees everything; it must not be closed
 * while a scope on it is open.
 */
public final class MemoryPool implements AutoCloseable {
    /** A block of native memory with its own arena, so it can be freed alone. */
    record Block(Arena arena, MemorySegment segment) {}

    private final Map<Long, ArrayDeque<Block>> idle = new HashMap<>();
    /** The idle blocks, oldest first. */
    private final LinkedHashSet<Block> idleOrder = new LinkedHashSet<>();
    private long idleBytes;
    private long inUseBytes;
    private long peakInUseBytes;
    private int openScopes;
    private boolean closed;

    /** Bytes held but not lent to a scope. */
    public synchronized long idleBytes() {
        return idleBytes;
    }

    /** The most bytes lent to scopes at one time so far. */
    public synchronized long peakBytes() {
        return peakInUseBytes;
    }

    synchronized void scopeOpened() {
        requireOpen();
        openScopes++;
    }

    /**
     * The size class of a request: a multiple of the alignment up to 4 KiB, above that the
     * smallest of {@code 2^k * (8 + j) / 8}, {@code j = 0..7}, that holds it.
     */
    static long sizeClass(long bytes) {
        if (bytes <= 4096) {
            return (bytes + Scope.ALIGNMENT - 1) / Scope.ALIGNMENT * Scope.ALIGNMENT;
        }
        long step = Long.highestOneBit(bytes) / 8;
        return (bytes + step - 1) / step * step;
    }

    /** A block (64-byte aligned) of at least {@code bytes} bytes, reused when one of its class is idle. */
    synchronized Block take(long bytes) {
        requireOpen();
        long size = sizeClass(bytes);
        ArrayDeque<Block> same = idle.get(size);
        Block block = same == null ? null : same.pollFirst();
        if (block != null) {
            idleOrder.remove(block);
            idleBytes -= size;
        } else {
            Arena arena = Arena.ofShared();
            block = new Block(arena, arena.allocate(size, Scope.ALIGNMENT));
        }
        inUseBytes += size;
        peakInUseBytes = Math.max(peakInUseBytes, inUseBytes);
        return block;
    }

    /** Takes back the blocks of a closing scope, then frees the oldest idle ones above the peak. */
    synchronized void giveBack(List<Block> blocks) {
        openScopes--;
        for (Block b : blocks) {
            long size = b.segment().byteSize();
            inUseBytes -= size;
            if (closed) {
                b.arena().close();
                continue;
            }
            idle.computeIfAbsent(size, s -> new ArrayDeque<>()).addLast(b);
            idleOrder.add(b);
            idleBytes += size;
        }
        Iterator<Block> oldest = idleOrder.iterator();
        while (idleBytes > peakInUseBytes && oldest.hasNext()) {
            Block b = oldest.next();
            oldest.remove();
            long size = b.segment().byteSize();
            idle.get(size).remove(b);
            idleBytes -= size;
            b.arena().close();
        }
    }

    /** Frees every idle block. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        if (openScopes > 0) {
            throw new IllegalStateException("memory pool closed while " + openScopes + " scope(s) on it are open");
        }
        closed = true;
        for (Block b : idleOrder) {
            b.arena().close();
        }
        idle.clear();
        idleOrder.clear();
        idleBytes = 0;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("memory pool is closed");
        }
    }
}
