package io.raqib.core.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.config.RaqibConfig;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsPropertiesTest {

    private static final String INSTANCE_ID = StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);

    @Test
    void withoutAnInstanceIdMembershipIsDynamic() {
        Properties p = new KafkaClients(RaqibConfig.defaults()).streams("enrich");

        assertThat(p).doesNotContainKey(INSTANCE_ID);
    }

    @Test
    void instanceIdMakesEachStageAStaticMemberOfItsGroup() {
        RaqibConfig config = RaqibConfig.load(null, Map.of("RAQIB_INSTANCE_ID", "node-7"), Map.of());

        assertThat(new KafkaClients(config).streams("enrich")).containsEntry(INSTANCE_ID, "node-7-enrich");
        assertThat(new KafkaClients(config).streams("sink")).containsEntry(INSTANCE_ID, "node-7-sink");
        assertThat(new StreamsConfig(new KafkaClients(config).streams("sink")).getMainConsumerConfigs("g", "c", 1))
                .as("the stream thread's consumer").containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
                        "node-7-sink-1");
    }

    @Test
    void sessionTimeoutIsShortButAboveTheBrokerMinimumWithThreeHeartbeatsPerSession() {
        Properties p = new KafkaClients(RaqibConfig.defaults()).streams("sink");
        int session = (int) p.get(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG));
        int heartbeat = (int) p.get(StreamsConfig.mainConsumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG));

        assertThat(session).isBetween(6_000, 45_000 - 1);
        assertThat(heartbeat * 3).isLessThanOrEqualTo(session);
        assertThat(new StreamsConfig(p).getMainConsumerConfigs("g", "c", 0))
                .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, session);
    }
}
