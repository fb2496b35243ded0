package io.raqib.sink.delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.health.ComponentHealth;
import io.raqib.core.health.ServiceThread;
import io.raqib.core.kafka.DeadLetterRecords;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Watch;
import io.raqib.sink.delivery.WebhookOutcomes.Outcome;
import io.raqib.sink.watches.InvalidWatchException;
import io.raqib.sink.watches.WatchRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each alert of a watch that names a {@code webhook} to that URL, as a CloudEvent in the HTTP binding's
 * structured mode ({@code Content-Type: application/cloudevents+json}) or as a Slack message, with the Standard
 * Webhooks headers, signed when its desk has a secret ({@link WebhookRequests}). Reads {@code raqib.alerts} in one consumer
 * group shared by the sink instances, so each alert is delivered by one of them, at least once, in order per
 * watch.
 *
 * <p>The consumer thread only routes: each alert goes to the {@link TargetLane} of its target, whose worker posts
 * it, so a slow or failing target delays no other. An alert whose webhook no longer parses or is no longer
 * allowed, that still fails after the retries ({@link #BACKOFF}), whose target's circuit is open, or that meets
 * any other error goes to {@code raqib.dlq} (stage {@code webhook}), and delivery goes on. Offsets are committed
 * up to the first alert of each partition not yet finished; a partition waits (paused, while the consumer keeps
 * polling) only when its next alert's target has a full queue.
 */
public final class WebhookDelivery implements AutoCloseable {

    /** Waits before the 2nd and 3rd attempt. */
    public static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5));
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> dlq;
    private final WatchRegistry registry;
    private final WebhookPolicy policy;
    private final WebhookRequests requests;
    private final WebhookOutcomes outcomes;
    private final TargetLanes lanes;
    /** The progress of each assigned partition; read and changed by the consumer thread only. */
    private final Map<TopicPartition, PartitionProgress> progress = new HashMap<>();
    private final HeldAlerts held = new HeldAlerts();
    private final MeterRegistry metrics;
    private final Gauge heldGauge;
    private final ServiceThread thread;
    /** The delivery group's lag and fetch rates, as {@code kafka_consumer_*}. */
    private final KafkaClientMetrics consumerMetrics;
    private final CountDownLatch assigned = new CountDownLatch(1);
    private volatile boolean closed;
    private volatile Throwable failure;

    /** A delivery for the sink of {@code config}, retrying after {@link #BACKOFF}. */
    public WebhookDelivery(RaqibConfig config, WatchRegistry registry, WebhookPolicy policy, MeterRegistry metrics) {
        this(config, registry, policy, metrics, BACKOFF);
    }

    /** A delivery retrying after each of {@code backoff} in turn. */
    public WebhookDelivery(RaqibConfig config, WatchRegistry registry, WebhookPolicy policy, MeterRegistry metrics,
                           List<Duration> backoff) {
        KafkaClients clients = new KafkaClients(config);
        // max.poll.records: alerts a full lane cannot take yet wait in memory, at most one poll's worth per partition.
        this.consumer = new KafkaConsumer<>(clients.consumer(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, config.applicationId() + "-webhooks",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100)),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.dlq = new KafkaProducer<>(clients.producer(Map.of()), new ByteArraySerializer(),
                new ByteArraySerializer());
        this.registry = registry;
        this.policy = policy;
        this.requests = new WebhookRequests(config.sink().webhooks());
        this.outcomes = new WebhookOutcomes(dlq, DeadLetterRecords.valueLimit(config.maxRecordBytes()), metrics,
                this::failed);
        this.lanes = new TargetLanes(policy.targets(), config.sink().webhooks(),
                new WebhookSender(config.sink().webhooks().timeout(), backoff), outcomes, metrics, this::failed);
        this.metrics = metrics;
        this.heldGauge = Gauge.builder("raqib.sink.webhooks.held", held, HeldAlerts::size)
                .description("Alerts read but waiting for room in their webhook target's queue").register(metrics);
        this.thread = new ServiceThread("raqib-webhooks", this::run);
        this.consumerMetrics = new KafkaClientMetrics(consumer);
        consumerMetrics.bindTo(metrics);
    }

    /** Starts delivering in the background. */
    public void start() {
        consumer.subscribe(List.of(Topics.ALERTS.name()), new Rebalance());
        thread.start();
    }

    /**
     * Waits until this instance has joined the delivery group (a new group starts at the end of the topic, so
     * alerts written before that are not posted); false on timeout.
     */
    public boolean awaitJoined(Duration timeout) throws InterruptedException {
        return assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The error that stopped delivery (it does not resume by itself), or null while it runs normally. */
    public Throwable failure() {
        Throwable stopped = failure;
        return stopped != null ? stopped : thread.death();
    }

    /** Delivery as component {@code webhook-delivery}: UP while its thread runs, DOWN once delivery stopped. */
    public ComponentHealth health() {
        Throwable stopped = failure();
        return stopped != null ? ComponentHealth.down("webhook-delivery", "stopped: " + stopped)
                : thread.health("webhook-delivery");
    }

    private synchronized void failed(Throwable error) {
        if (failure == null) {
            failure = error;
            LOG.error("webhook delivery stopped", error);
        }
    }

    private void run() {
        try {
            while (!closed && failure == null) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                    route(r);
                }
                consumer.resume(held.retry(lanes::offer));
                consumer.pause(held.partitions());
                commit(progress.keySet());
            }
        } catch (RuntimeException | Error e) {
            failed(e);
        } finally {
            shutDown();
        }
    }

    /** Finishes an alert at once (nothing to post, or dead-lettered) or hands it to its target's lane. */
    private void route(ConsumerRecord<byte[], byte[]> r) {
        TopicPartition partition = new TopicPartition(r.topic(), r.partition());
        PartitionProgress p = progress.get(partition);
        p.started(r.offset());
        try {
            Watch watch = r.key() == null || r.value() == null ? null
                    : registry.get(new String(r.key(), StandardCharsets.UTF_8));
            Optional<WebhookUrl> url = watch == null ? Optional.empty() : policy.webhook(watch);
            if (url.isEmpty()) {
                outcomes.skipped(r, p);
                return;
            }
            PendingAlert alert = new PendingAlert(r, p, url.get(), requests.of(watch, r.value()));
            if (held.holds(partition) || !lanes.offer(alert)) {
                held.hold(partition, alert);
            }
        } catch (InvalidWatchException e) {
            outcomes.deadLetter(r, p, Outcome.REFUSED, e);
        } catch (RuntimeException e) {
            outcomes.deadLetter(r, p, Outcome.ERROR, e);
        }
    }

    /** Commits, for each of {@code partitions}, the position below which every alert is finished, if it moved. */
    private void commit(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        partitions.stream().filter(progress::containsKey).forEach(tp -> progress.get(tp).uncommitted()
                .ifPresent(position -> offsets.put(tp, new OffsetAndMetadata(position))));
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets);
            offsets.forEach((tp, offset) -> progress.get(tp).committed(offset.offset()));
        } catch (RebalanceInProgressException | CommitFailedException | TimeoutException e) {
            // the next commit (or the partitions' next owner) takes it from the last committed position
            LOG.warn("webhook offsets not committed: {}", e.getMessage());
        }
    }

    private void shutDown() {
        try {
            lanes.close();
            // acknowledged dead letters finish their alerts before the last commit
            dlq.flush();
            commit(progress.keySet());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (KafkaException e) {
            LOG.warn("webhook offsets not committed on close: {}", e.getMessage());
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.stopping();
        if (!thread.started()) {
            consumer.close();
            lanes.close();
        } else {
            // the loop sees the flag within one poll; no wakeup, which could cut short the last commit
            thread.join(30_000);
        }
        dlq.close();
        consumerMetrics.close();
        metrics.remove(heldGauge);
    }

    /** Keeps {@link #progress} in step with the assignment; commits what is finished before a partition goes. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commit(partitions);
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            partitions.forEach(tp -> progress.put(tp, new PartitionProgress()));
            assigned.countDown();
        }

        private void forget(Collection<TopicPartition> partitions) {
            held.drop(partitions);
            partitions.forEach(tp -> {
                PartitionProgress gone = progress.remove(tp);
                if (gone != null) {
                    gone.revoke();
                }
            });
        }
    }
}
