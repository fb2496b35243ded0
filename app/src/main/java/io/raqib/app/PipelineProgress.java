package io.raqib.app;

import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.Topics;
import io.raqib.enrich.EnrichTopology;
import io.raqib.sink.SinkTopology;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Tells when the pipeline has processed everything published so far: each stage's committed offsets (written
 * in the same exactly-once transaction as its output) reach the end of its input topic.
 */
public final class PipelineProgress implements AutoCloseable {

    private final Admin admin;
    private final String applicationId;

    public PipelineProgress(RaqibConfig config) {
        admin = Admin.create(new KafkaClients(config).admin(Map.of()));
        applicationId = config.applicationId();
    }

    /**
     * Waits until enrich has consumed all of {@code raqib.articles.raw} (and of its internal story and verdict
     * topics) and sink all of {@code raqib.articles.enriched} (and of its candidates topic); returns the committed
     * end offsets of {@code raqib.alerts} at that point.
     */
    public Map<TopicPartition, Long> awaitDrained(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        String enrich = applicationId + "-enrich";
        String sink = applicationId + "-sink";
        Map<String, List<String>> inputs = new LinkedHashMap<>();
        inputs.put(enrich, List.of(Topics.ARTICLES_RAW.name(), EnrichTopology.storyTopic(enrich),
                EnrichTopology.verdictTopic(enrich)));
        inputs.put(sink, List.of(Topics.ARTICLES_ENRICHED.name(), SinkTopology.candidatesTopic(sink)));
        List<String> outputs = List.of(EnrichTopology.storyTopic(enrich), EnrichTopology.verdictTopic(enrich),
                Topics.ARTICLES_ENRICHED.name(), SinkTopology.candidatesTopic(sink));
        Map<TopicPartition, Long> before;
        // A stage's output becomes readable a moment after its input offsets are committed (transaction markers),
        // so an end offset read too early looks "drained": repeat until a whole pass sees no new output.
        do {
            before = endOffsetsOfExisting(outputs);
            for (Map.Entry<String, List<String>> group : inputs.entrySet()) {
                for (String topic : group.getValue()) {
                    if (exists(topic)) {
                        awaitConsumed(group.getKey(), topic, deadline);
                    }
                }
            }
            Thread.sleep(100);
        } while (!before.equals(endOffsetsOfExisting(outputs)));
        return endOffsets(Topics.ALERTS.name());
    }

    /**
     * How many records of {@code raqib.articles.raw} the enrich stage has committed as consumed: a progress
     * figure that counts articles (ingest writes no transaction markers there).
     */
    public long enrichConsumed() throws ExecutionException, InterruptedException {
        return admin.listConsumerGroupOffsets(applicationId + "-enrich").partitionsToOffsetAndMetadata().get()
                .entrySet().stream().filter(e -> e.getKey().topic().equals(Topics.ARTICLES_RAW.name()))
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    /**
     * Waits until the consumer group of {@code stage} ({@code enrich}, {@code sink}) is stable with
     * {@code members} members, each with partitions assigned: the stage is processing, no rebalance pending.
     */
    public void awaitMembers(String stage, int members, Duration timeout) throws Exception {
        String group = applicationId + "-" + stage;
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            ConsumerGroupDescription description = describe(group);
            if (description != null && description.groupState() == GroupState.STABLE
                    && description.members().size() == members
                    && description.members().stream().noneMatch(m -> m.assignment().topicPartitions().isEmpty())) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new TimeoutException(group + " not stable with " + members + " members within " + timeout
                        + ": " + description);
            }
            Thread.sleep(200);
        }
    }

    /** The group's description, or null while no member has joined it yet. */
    private ConsumerGroupDescription describe(String group) throws InterruptedException, ExecutionException {
        try {
            return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return null;
            }
            throw e;
        }
    }

    private boolean exists(String topic) throws Exception {
        return admin.listTopics().names().get().contains(topic);
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

    /** End offsets of those of {@code topics} that exist (internal topics appear once their stage starts). */
    private Map<TopicPartition, Long> endOffsetsOfExisting(List<String> topics) throws Exception {
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (String topic : topics) {
            if (exists(topic)) {
                ends.putAll(endOffsets(topic));
            }
        }
        return ends;
    }

    /** Last stable offsets of every partition of {@code topic}. */
    public Map<TopicPartition, Long> endOffsets(String topic) throws ExecutionException, InterruptedException {
        var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
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
