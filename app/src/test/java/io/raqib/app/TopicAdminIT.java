package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.TopicSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

/**
 * Topic creation when ingest, enrich and sink start together on a fresh cluster: every creator succeeds, and an
 * existing topic that differs from Raqib's layout is reported, not changed. Runs on the shared broker with topic
 * names of its own, so that "fresh" holds for each round.
 */
class TopicAdminIT {

    private static final int CREATORS = 6;
    private static final int ROUNDS = 3;

    @Test
    void concurrentCreatorsOfTheSameMissingTopicsAllSucceed() throws Exception {
        RaqibConfig config = SharedBroker.config("topics");
        ExecutorService pool = Executors.newFixedThreadPool(CREATORS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                List<TopicSpec<?, ?>> specs = freshSpecs();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<TopicAdmin.Outcome>> outcomes = new ArrayList<>();
                for (int i = 0; i < CREATORS; i++) {
                    Callable<TopicAdmin.Outcome> creator = () -> {
                        go.await();
                        return TopicAdmin.ensureTopics(config, specs);
                    };
                    outcomes.add(pool.submit(creator));
                }
                go.countDown();

                List<String> created = new ArrayList<>();
                for (Future<TopicAdmin.Outcome> outcome : outcomes) {
                    TopicAdmin.Outcome o = outcome.get(2, TimeUnit.MINUTES);
                    assertThat(o.differences()).isEmpty();
                    created.addAll(o.created());
                }
                assertThat(created).as("each topic created by exactly one of the creators")
                        .containsExactlyInAnyOrderElementsOf(specs.stream().map(TopicSpec::name).toList());
                assertLayout(config, specs);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void existingTopicThatDiffersIsReportedAndLeftAlone() throws Exception {
        RaqibConfig config = SharedBroker.config("topics");
        String name = "raqib-it-differs-" + UUID.randomUUID();
        try (Admin admin = admin(config)) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get();
        }

        TopicAdmin.Outcome outcome = TopicAdmin.ensureTopics(config, List.of(spec(name, false)));

        assertThat(outcome.created()).isEmpty();
        assertThat(outcome.differences()).containsExactlyInAnyOrder(
                "topic " + name + " has 1 partition(s), Raqib would create 3 (RAQIB_PARTITIONS)",
                "topic " + name + " has cleanup.policy=compact, Raqib would create it with delete",
                "topic " + name + " has max.message.bytes=1048588, Raqib would create it with "
                        + config.maxRecordBytes());
        try (Admin admin = admin(config)) {
            assertThat(admin.describeTopics(List.of(name)).allTopicNames().get().get(name).partitions()).hasSize(1);
        }
    }

    private static List<TopicSpec<?, ?>> freshSpecs() {
        String run = UUID.randomUUID().toString();
        List<TopicSpec<?, ?>> specs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            specs.add(spec("raqib-it-race-" + run + "-" + i, i == 2));
        }
        return specs;
    }

    private static TopicSpec<String, String> spec(String name, boolean compacted) {
        return new TopicSpec<>(name, Serdes.String(), Serdes.String(), compacted);
    }

    private static void assertLayout(RaqibConfig config, List<TopicSpec<?, ?>> specs) throws Exception {
        try (Admin admin = admin(config)) {
            Map<String, TopicDescription> topics = admin.describeTopics(specs.stream().map(TopicSpec::name).toList())
                    .allTopicNames().get();
            for (TopicSpec<?, ?> spec : specs) {
                assertThat(topics.get(spec.name()).partitions()).hasSize(config.partitions());
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
                assertThat(admin.describeConfigs(List.of(resource)).all().get().get(resource)
                        .get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                        .isEqualTo(spec.compacted() ? "compact" : "delete");
            }
        }
    }

    private static Admin admin(RaqibConfig config) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        return Admin.create(p);
    }
}
