package io.raqib.sink.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class HeldAlertsTest {

    private static final TopicPartition P0 = new TopicPartition("raqib.alerts", 0);
    private static final TopicPartition P1 = new TopicPartition("raqib.alerts", 1);
    private final HeldAlerts held = new HeldAlerts();

    private static PendingAlert alert(TopicPartition partition, long offset) {
        return new PendingAlert(new ConsumerRecord<>(partition.topic(), partition.partition(), offset, null, null),
                new PartitionProgress(), WebhookUrl.parse("https://h.example/"), null);
    }

    @Test
    void heldAlertsAreOfferedAgainInOrderUntilOneIsRefused() {
        for (long offset = 0; offset < 3; offset++) {
            held.hold(P0, alert(P0, offset));
        }
        held.hold(P1, alert(P1, 7));
        List<Long> taken = new ArrayList<>();

        assertThat(held.retry(a -> a.record().partition() == 1 && taken.add(a.record().offset()))).containsOnly(P1);
        assertThat(held.retry(a -> a.record().offset() < 2 && taken.add(a.record().offset()))).isEmpty();
        assertThat(taken).containsExactly(7L, 0L, 1L);
        assertThat(held.holds(P0)).isTrue();
        assertThat(held.partitions()).containsOnly(P0);
        assertThat(held.size()).isEqualTo(1);

        held.drop(List.of(P0));
        assertThat(held.holds(P0)).isFalse();
        assertThat(held.partitions()).isEmpty();
        assertThat(held.size()).isZero();
    }
}
