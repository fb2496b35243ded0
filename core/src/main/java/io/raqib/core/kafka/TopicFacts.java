package io.raqib.core.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * What a stage must know of a topic it writes or reads before it builds its topology: how many partitions it has
 * and the largest record the broker accepts on it ({@code max.message.bytes}, the topic's or the broker's
 * default) — a record the broker refuses inside an exactly-once transaction cannot be skipped, so stages refuse
 * such records themselves, before sending.
 */
public record TopicFacts(String topic, int partitions, int maxMessageBytes) {

    /** Describes {@code topic}; fails with the reason when the cluster does not answer in time. */
    public static TopicFacts describe(KafkaClients clients, String topic, Duration timeout) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = Admin.create(clients.admin(Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) timeout.toMillis())))) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic).partitions().size();
            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(resource)).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            int maxMessageBytes = Integer.parseInt(configs.get(resource).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG)
                    .value());
            return new TopicFacts(topic, partitions, maxMessageBytes);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw clients.failure("cannot describe topic " + topic, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted describing topic " + topic, e);
        }
    }
}
