package io.raqib.sink.delivery;

import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.Topics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The per-desk alert topics {@code raqib.alerts.<desk>}: created (with the configured partitions and
 * replication) the moment a watch with a new desk arrives, before any of its alerts is produced.
 */
public final class DeskTopics implements AutoCloseable {

    private final Admin admin;
    private final RaqibConfig config;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public DeskTopics(RaqibConfig config) {
        this.admin = Admin.create(new KafkaClients(config).admin(
                Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000)));
        this.config = config;
    }

    /** The alert topic of a desk. */
    public static String topicOf(String desk) {
        return Topics.ALERTS.name() + "." + desk;
    }

    /** Creates the desk's topic unless it exists; no-op for a null desk. */
    public void ensure(String desk) {
        if (desk == null || known.contains(desk)) {
            return;
        }
        try {
            admin.createTopics(List.of(new NewTopic(topicOf(desk), config.partitions(), config.replication())
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(config.maxRecordBytes())))))
                    .all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + topicOf(desk) + ": " + e.getCause().getMessage(),
                        e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating " + topicOf(desk), e);
        }
        known.add(desk);
    }

    @Override
    public void close() {
        admin.close();
    }
}
