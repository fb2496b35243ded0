package io.raqib.sink.digest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.raqib.core.config.DigestSettings;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.health.ComponentHealth;
import io.raqib.core.health.ServiceThread;
import io.raqib.core.kafka.DeadLetterRecords;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.Topics;
import io.raqib.core.metrics.PipelineMeters;
import io.raqib.core.model.Digest;
import io.raqib.sink.delivery.DigestWebhooks;
import io.raqib.sink.delivery.WebhookPolicy;
import io.raqib.sink.delivery.WebhookUrl;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each digest of {@code raqib.digests} to the targets its desk gave for its period: by e-mail and to
 * webhooks (signed like alerts, {@link DigestWebhooks}). One consumer group shared by the sink instances, so each
 * digest is sent by one of them, at least once; offsets are committed after the poll's digests are sent (or
 * dead-lettered). A digest a target still refuses after the retries ({@link #BACKOFF}) goes to {@code raqib.dlq}
 * (stage {@code digest}, the other targets served) and delivery goes on.
 */
public final class DigestDelivery implements AutoCloseable {

    /** Waits before the 2nd and 3rd attempt. */
    public static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5));
    private static final Logger LOG = LoggerFactory.getLogger(DigestDelivery.class);
    private static final String STAGE = "digest";
    private final DigestSettings settings;
    private final DigestMailer mailer;
    private final DigestWebhooks webhooks;
    private final Map<String, WebhookUrl> urls = new HashMap<>();
    private final List<Duration> backoff;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> dlq;
    private final int dlqValueLimit;
    private final Counter sent;
    private final Counter failed;
    private final ServiceThread thread = new ServiceThread("raqib-digests", this::run);
    private volatile boolean closed;

    /**
     * A delivery for the sink of {@code config}, retrying after each of {@code backoff} in turn. Throws
     * {@link IllegalArgumentException} naming {@code raqib.digests} when a webhook URL there is not allowed.
     */
    public DigestDelivery(RaqibConfig config, WebhookPolicy policy, MeterRegistry metrics, List<Duration> backoff) {
        this.settings = config.sink().digests();
        for (DigestSettings.Subscription s : settings.subscriptions()) {
            for (String url : s.webhooks()) {
                try {
                    urls.put(url, policy.allowed(url));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(DigestSettings.DIGESTS + " (desk " + s.desk() + "): "
                            + e.getMessage(), e);
                }
            }
        }
        this.mailer = settings.smtp().host().isEmpty() ? null : new DigestMailer(settings.smtp());
        this.webhooks = new DigestWebhooks(config.sink().webhooks(), backoff);
        this.backoff = List.copyOf(backoff);
        KafkaClients clients = new KafkaClients(config);
        this.consumer = new KafkaConsumer<>(clients.consumer(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, config.applicationId() + "-digests",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10)),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.dlq = new KafkaProducer<>(clients.producer(Map.of()), new ByteArraySerializer(),
                new ByteArraySerializer());
        this.dlqValueLimit = DeadLetterRecords.valueLimit(config.maxRecordBytes());
        this.sent = Counter.builder("raqib.digests.sent").description("Digests mailed or posted, per target")
                .register(metrics);
        this.failed = PipelineMeters.dlqRecords(metrics, STAGE);
    }

    /** Starts sending in the background. */
    public void start() {
        consumer.subscribe(List.of(Topics.DIGESTS.name()));
        thread.start();
    }

    /** Delivery as component {@code digest}: DOWN once its thread died. */
    public ComponentHealth health() {
        return thread.health(STAGE);
    }

    /** Why delivery stopped by itself, or null. */
    public Throwable failure() {
        return thread.death();
    }

    private void run() {
        try {
            while (!closed) {
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (!deliver(r)) {
                        break;
                    }
                    done.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                }
                if (!done.isEmpty()) {
                    consumer.commitSync(done);
                }
            }
        } catch (WakeupException e) {
            if (!closed) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close();
        }
    }

    /**
     * Sends (or dead-letters) the digest of {@code r} to each of its targets; false when closing cut it short, so
     * it stays uncommitted.
     */
    private boolean deliver(ConsumerRecord<byte[], byte[]> r) throws InterruptedException {
        Exception failure;
        try {
            Digest digest = Topics.DIGESTS.valueSerde().deserializer().deserialize(r.topic(), r.value());
            if (digest == null) {
                return true;
            }
            Duration period = Duration.parse(digest.period());
            List<String> to = settings.recipients(digest.desk(), period);
            failure = to.isEmpty() ? null : mail(digest, to);
            for (String url : settings.webhooks(digest.desk(), period)) {
                if (closed) {
                    return false;
                }
                Exception refused = webhooks.post(urls.get(url), digest.desk(), digest.id(), r.value());
                if (refused == null) {
                    sent.increment();
                }
                failure = failure != null ? failure : refused;
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        if (closed && failure != null) {
            return false;
        }
        if (failure != null) {
            deadLetter(r, failure);
        }
        return true;
    }

    /** Mails the digest, retrying after each backoff; null when sent, else the last error. */
    private Exception mail(Digest digest, List<String> to) throws InterruptedException {
        Exception last = null;
        for (int attempt = 0; attempt <= backoff.size() && !closed; attempt++) {
            if (attempt > 0) {
                Thread.sleep(backoff.get(attempt - 1).toMillis());
            }
            try {
                mailer.send(digest, to);
                sent.increment();
                return null;
            } catch (MessagingException e) {
                last = e;
            }
        }
        return last != null ? last : new IllegalStateException("closing");
    }

    private void deadLetter(ConsumerRecord<byte[], byte[]> r, Exception failure) throws InterruptedException {
        LOG.warn("digest at {}-{}@{} not sent: {}", r.topic(), r.partition(), r.offset(), failure.toString());
        try {
            dlq.send(DeadLetterRecords.of(STAGE, r, failure, dlqValueLimit)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("digest not sent and not dead-lettered", e.getCause());
        }
        failed.increment();
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.stop(consumer::wakeup, consumer::close, 30_000);
        dlq.close();
    }
}
