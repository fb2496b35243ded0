package io.raqib.app;

import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.TopicSpec;
import io.raqib.core.kafka.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Creates the pipeline's topics (those missing) with the configured partitions and replication, accepting records
 * up to {@code raqib.max.record.bytes}.
 */
public final class TopicAdmin {

    private TopicAdmin() {
    }

    /** Ensures every topic of {@link Topics#all()} exists; returns the names it created. */
    public static List<String> ensureTopics(RaqibConfig config) throws InterruptedException, ExecutionException {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(p)) {
            Set<String> existing;
            try {
                existing = admin.listTopics().names().get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("cannot reach Kafka at " + config.bootstrapServers() + " ("
                        + RaqibConfig.envName(RaqibConfig.BOOTSTRAP_SERVERS) + "): " + e.getCause().getMessage(), e);
            }
            List<NewTopic> missing = new ArrayList<>();
            for (TopicSpec<?, ?> spec : Topics.all()) {
                if (!existing.contains(spec.name())) {
                    Map<String, String> configs = new HashMap<>();
                    configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(config.maxRecordBytes()));
                    if (spec.compacted()) {
                        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
                    }
                    missing.add(new NewTopic(spec.name(), config.partitions(), config.replication()).configs(configs));
                }
            }
            admin.createTopics(missing).all().get();
            return missing.stream().map(NewTopic::name).toList();
        }
    }
}
