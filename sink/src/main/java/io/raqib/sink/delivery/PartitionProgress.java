package io.raqib.sink.delivery;

import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * Which alerts of one assigned partition of {@code raqib.alerts} are finished (posted, dead-lettered or with
 * nothing to post): the offset to commit is the lowest one not finished, so alerts finish in any order across
 * targets and delivery stays at least once across restarts and rebalances. One instance per assignment: once
 * revoked, what is still queued for it is left to the partition's next owner. Thread-safe.
 */
final class PartitionProgress {

    private final TreeSet<Long> unfinished = new TreeSet<>();
    private long next = -1;
    private long committed = -1;
    private volatile boolean revoked;

    /** The alert at {@code offset} was read and is being handled. */
    synchronized void started(long offset) {
        unfinished.add(offset);
        next = Math.max(next, offset + 1);
    }

    /** The alert at {@code offset} needs nothing more. */
    synchronized void finished(long offset) {
        unfinished.remove(offset);
    }

    /** The position to commit when it moved since the last {@link #committed}: below it, every alert is finished. */
    synchronized OptionalLong uncommitted() {
        long position = unfinished.isEmpty() ? next : unfinished.first();
        return position > committed ? OptionalLong.of(position) : OptionalLong.empty();
    }

    /** The broker holds {@code position} as committed. */
    synchronized void committed(long position) {
        committed = Math.max(committed, position);
    }

    /** The partition went to another consumer (or this one again, under a new progress). */
    void revoke() {
        revoked = true;
    }

    /** Whether the partition was revoked: its queued alerts are no longer this consumer's to post. */
    boolean revoked() {
        return revoked;
    }
}
