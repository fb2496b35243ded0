package io.raqib.sink.delivery;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.kafka.common.TopicPartition;

/**
 * Alerts read but not yet taken because their target's lane was full, per partition in offset order. While a
 * partition holds any, its later alerts are held behind them (order per watch) and the consumer pauses it, so
 * what waits here is bounded by what one poll returned. Used by the consumer thread only, but for {@link #size}.
 */
final class HeldAlerts {

    private final Map<TopicPartition, Deque<PendingAlert>> held = new HashMap<>();
    private final AtomicInteger size = new AtomicInteger();

    /** Whether alerts of {@code partition} are held: a later alert of it must wait behind them. */
    boolean holds(TopicPartition partition) {
        return held.containsKey(partition);
    }

    /** Holds an alert of {@code partition} behind those already held. */
    void hold(TopicPartition partition, PendingAlert alert) {
        held.computeIfAbsent(partition, p -> new ArrayDeque<>()).addLast(alert);
        size.incrementAndGet();
    }

    /**
     * Offers the held alerts of each partition, in order, to {@code take} until it refuses one; returns the
     * partitions that hold none any more.
     */
    Set<TopicPartition> retry(Predicate<PendingAlert> take) {
        Set<TopicPartition> emptied = new HashSet<>();
        held.forEach((partition, alerts) -> {
            while (!alerts.isEmpty() && take.test(alerts.peekFirst())) {
                alerts.removeFirst();
                size.decrementAndGet();
            }
            if (alerts.isEmpty()) {
                emptied.add(partition);
            }
        });
        held.keySet().removeAll(emptied);
        return emptied;
    }

    /** The partitions holding alerts. */
    Set<TopicPartition> partitions() {
        return Set.copyOf(held.keySet());
    }

    /** Forgets the alerts of partitions this consumer no longer owns (their next owner reads them again). */
    void drop(Collection<TopicPartition> partitions) {
        partitions.forEach(p -> {
            Deque<PendingAlert> dropped = held.remove(p);
            if (dropped != null) {
                size.addAndGet(-dropped.size());
            }
        });
    }

    /** Alerts held, all partitions together; read from any thread. */
    int size() {
        return size.get();
    }
}
