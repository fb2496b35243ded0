package io.raqib.sink.api;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A fixed number of slots for one kind of expensive request in this process (an export, a console's read-back of
 * {@code raqib.alerts}): a request takes one or is turned away at once. Never waits: a queue of requests would hold
 * server threads and connections as surely as running them.
 */
public final class RequestSlots {

    private final Semaphore free;
    private final Set<String> holders = ConcurrentHashMap.newKeySet();
    private final int size;

    /** {@code size} slots (at least 1). */
    public RequestSlots(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a request needs at least one slot, got " + size);
        }
        this.free = new Semaphore(size);
        this.size = size;
    }

    /** A free slot, to be closed when the request is done; empty when all are taken. */
    public Optional<Slot> tryTake() {
        return free.tryAcquire() ? Optional.of(new Slot(null)) : Optional.empty();
    }

    /**
     * A free slot for {@code holder} (e.g. a desk), which holds one at a time, so that one holder cannot take them
     * all; empty when it holds one already ({@link #holds}) or all are taken.
     */
    public Optional<Slot> tryTake(String holder) {
        if (!holders.add(holder)) {
            return Optional.empty();
        }
        if (!free.tryAcquire()) {
            holders.remove(holder);
            return Optional.empty();
        }
        return Optional.of(new Slot(holder));
    }

    /** Whether {@code holder} holds a slot now. */
    public boolean holds(String holder) {
        return holders.contains(holder);
    }

    /** How many requests may hold a slot at once. */
    public int size() {
        return size;
    }

    /** One taken slot; closing it (once or more) frees it. */
    public final class Slot implements AutoCloseable {

        private final AtomicBoolean held = new AtomicBoolean(true);
        private final String holder;

        private Slot(String holder) {
            this.holder = holder;
        }

        @Override
        public void close() {
            if (held.compareAndSet(true, false)) {
                if (holder != null) {
                    holders.remove(holder);
                }
                free.release();
            }
        }
    }
}
