package io.raqib.app;

import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.Topics;
import io.raqib.enrich.EnrichTopology;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Tells when the pipeline has processed everything published so far: each stage's committed offsets (written
 * in the same exactly-once transaction as its output) reach the end of its input topic.
 */
public final class PipelineProgress implements AutoCloseable {

    private final Admin admin;
    private final String applicationId;

    public PipelineProgress(RaqibConfig config) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        admin = Admin.create(p);
        applicationId = config.applicationId();
    }

    /**
     * Waits until enrich has consumed all of {@code raqib.articles.raw} (and of its internal story topic) and sink
     * all of {@code raqib.articles.enriched}; returns the committed end offsets of {@code raqib.alerts} at that point.
     */
    public Map<TopicPartition, Long> awaitDrained(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        String storyTopic = EnrichTopology.storyTopic(applicationId + "-enrich");
        Map<TopicPartition, Long> before;
        // A stage's output becomes readable a moment after its input offsets are committed (transaction markers),
        // so an end offset read too early looks "drained": repeat until a whole pass sees no new output.
        do {
            before = stageOutputs(storyTopic);
            awaitConsumed(applicationId + "-enrich", Topics.ARTICLES_RAW.name(), deadline);
            if (admin.listTopics().names().get().contains(storyTopic)) {
                awaitConsumed(applicationId + "-enrich", storyTopic, deadline);
            }
            awaitConsumed(applicationId + "-sink", Topics.ARTICLES_ENRICHED.name(), deadline);
            String candidates = io.raqib.sink.SinkTopology.candidatesTopic(applicationId + "-sink");
            if (admin.listTopics().names().get().contains(candidates)) {
                awaitConsumed(applicationId + "-sink", candidates, deadline);
            }
            Thread.sleep(100);
        } while (!before.equals(stageOutputs(storyTopic)));
        return endOffsets(Topics.ALERTS.name());
    }

    private void awaitConsumed(String group, String topic, Instant deadline) throws Exception {
        Map<TopicPartition, Long> end = endOffsets(topic);
        while (true) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            boolean done = end.entrySet().stream().allMatch(e -> e.getValue() == 0
                    || committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue());
            if (done) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new TimeoutException(group + " did not finish " + topic + " in time (end offsets " + end
                        + ", committed " + committed + ")");
            }
            Thread.sleep(100);
        }
    }

    /** End offsets of enrich's internal story topic (none before enrich creates it) and of the enriched topic. */
    private Map<TopicPartition, Long> stageOutputs(String storyTopic) throws Exception {
        Map<TopicPartition, Long> ends = new HashMap<>(endOffsets(Topics.ARTICLES_ENRICHED.name()));
        String candidates = io.raqib.sink.SinkTopology.candidatesTopic(applicationId + "-sink");
        if (admin.listTopics().names().get().contains(candidates)) {
            ends.putAll(endOffsets(candidates));
        }
        if (admin.listTopics().names().get().contains(storyTopic)) {
            ends.putAll(endOffsets(storyTopic));
        }
        return ends;
    }

    /** Last stable offsets of every partition of {@code topic}. */
    Map<TopicPartition, Long> endOffsets(String topic) throws ExecutionException, InterruptedException {
        var partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get().get(topic)
                .partitions().stream().map(i -> new TopicPartition(topic, i.partition()))
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        Map<TopicPartition, Long> out = new HashMap<>();
        admin.listOffsets(partitions, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                .forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    @Override
    public void close() {
        admin.close();
    }
}
