package io.raqib.app;

import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.TopicSpec;
import io.raqib.core.kafka.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the pipeline's topics (those missing) with the configured partitions, replication and configs (records up
 * to {@code raqib.max.record.bytes}). Several
 * processes may do this at once on a fresh cluster (ingest, enrich and sink all start by it): a topic another
 * process created first counts as created. An existing topic that differs from what Raqib would create is reported
 * with a warning, not changed: an operator may have chosen more partitions on purpose.
 */
public final class TopicAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);
    /** How long a topic created by another process may take to appear in this client's metadata. */
    private static final Duration VISIBLE_TIMEOUT = Duration.ofSeconds(30);
    /** How long the tombstone of a deleted watch is kept: for good, yet far from overflowing a timestamp. */
    static final Duration WATCH_TOMBSTONE_RETENTION = Duration.ofDays(365L * 100);

    /**
     * What {@link #ensureTopics} found: the topics this call created, and how existing topics differ from what
     * Raqib would create (one readable line each, also logged as warnings).
     */
    public record Outcome(List<String> created, List<String> differences) {
    }

    private TopicAdmin() {
    }

    /** Ensures every topic of {@link Topics#all()} exists and can be used. */
    public static Outcome ensureTopics(RaqibConfig config) throws InterruptedException, ExecutionException {
        return ensureTopics(config, Topics.all());
    }

    /** Ensures every topic of {@code specs} exists and can be used (package-private for tests on own topics). */
    static Outcome ensureTopics(RaqibConfig config, Collection<TopicSpec<?, ?>> specs)
            throws InterruptedException, ExecutionException {
        KafkaClients clients = new KafkaClients(config);
        try (Admin admin = Admin.create(clients.admin(
                Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000)))) {
            Set<String> existing = existingTopics(admin, clients);
            List<NewTopic> missing = specs.stream().filter(s -> !existing.contains(s.name()))
                    .map(s -> newTopic(s, config)).toList();
            List<String> created = create(admin, missing);
            List<String> names = specs.stream().map(TopicSpec::name).toList();
            Map<String, TopicDescription> descriptions = whenVisible(() -> admin.describeTopics(names).allTopicNames());
            List<String> differences = differences(admin, specs, config, descriptions);
            differences.forEach(d -> LOG.warn("{}", d));
            return new Outcome(created, differences);
        }
    }

    /**
     * The configs Raqib gives a topic it creates, and checks on a topic that exists. A new topic setting goes here
     * and is then both applied and checked.
     */
    static Map<String, String> configsOf(TopicSpec<?, ?> spec, RaqibConfig config) {
        Map<String, String> configs = new TreeMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG,
                spec.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE);
        configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(config.maxRecordBytes()));
        if (spec.name().equals(Topics.WATCHES.name())) {
            // A deleted watch stays deleted only while its tombstone is kept: a watches file seeds the ids the
            // topic never held (WatchSeeder), so the default day of tombstones would bring a deletion back.
            configs.put(TopicConfig.DELETE_RETENTION_MS_CONFIG, Long.toString(WATCH_TOMBSTONE_RETENTION.toMillis()));
        }
        return configs;
    }

    private static NewTopic newTopic(TopicSpec<?, ?> spec, RaqibConfig config) {
        return new NewTopic(spec.name(), config.partitions(), config.replication()).configs(configsOf(spec, config));
    }

    private static Set<String> existingTopics(Admin admin, KafkaClients clients) throws InterruptedException {
        try {
            return admin.listTopics().names().get();
        } catch (ExecutionException e) {
            throw clients.failure("cannot list topics", e.getCause());
        }
    }

    /** Creates {@code missing}; a topic that another process created in the meantime counts as done. */
    private static List<String> create(Admin admin, List<NewTopic> missing)
            throws InterruptedException, ExecutionException {
        List<String> created = new ArrayList<>();
        for (Map.Entry<String, KafkaFuture<Void>> result : admin.createTopics(missing).values().entrySet()) {
            try {
                result.getValue().get();
                created.add(result.getKey());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        return created;
    }

    /**
     * The answer of {@code call} about the topics, repeated while the broker asked does not know one of them yet: a
     * topic just created (here or by another process) may not be in every broker's metadata yet, and a Streams
     * application started on a topic it cannot see stops.
     */
    private static <T> T whenVisible(Supplier<KafkaFuture<T>> call) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + VISIBLE_TIMEOUT.toNanos();
        while (true) {
            try {
                return call.get().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /** How the existing topics differ from what Raqib would create: partitions and {@link #configsOf} values. */
    private static List<String> differences(Admin admin, Collection<TopicSpec<?, ?>> specs, RaqibConfig config,
                                            Map<String, TopicDescription> descriptions)
            throws InterruptedException, ExecutionException {
        List<ConfigResource> resources = specs.stream()
                .map(s -> new ConfigResource(ConfigResource.Type.TOPIC, s.name())).toList();
        Map<ConfigResource, Config> actual = whenVisible(() -> admin.describeConfigs(resources).all());
        List<String> differences = new ArrayList<>();
        for (TopicSpec<?, ?> spec : specs) {
            int partitions = descriptions.get(spec.name()).partitions().size();
            if (partitions != config.partitions()) {
                differences.add("topic " + spec.name() + " has " + partitions + " partition(s), Raqib would create "
                        + config.partitions() + " (" + RaqibConfig.envName(RaqibConfig.PARTITIONS) + ")");
            }
            Config topicConfig = actual.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
            Map<String, String> have = topicConfig.entries().stream()
                    .collect(Collectors.toMap(ConfigEntry::name, c -> String.valueOf(c.value())));
            configsOf(spec, config).forEach((name, wanted) -> {
                if (!wanted.equals(have.get(name))) {
                    differences.add("topic " + spec.name() + " has " + name + "=" + have.get(name)
                            + ", Raqib would create it with " + wanted);
                }
            });
        }
        return differences;
    }
}
