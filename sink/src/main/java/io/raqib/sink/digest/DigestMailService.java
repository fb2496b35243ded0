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
 * Mails each digest of {@code raqib.digests} to the addresses its desk gave for its period. One consumer group
 * shared by the sink instances, so each digest is mailed by one of them, at least once; offsets are committed
 * after the poll's digests are mailed (or dead-lettered). A digest the mail server still refuses after the
 * retries ({@link #BACKOFF}) goes to {@code raqib.dlq} (stage {@code digest-mail}) and mailing goes on.
 */
public final class DigestMailService implements AutoCloseable {

    /** Waits before the 2nd and 3rd attempt. */
    public static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5));
    private static final Logger LOG = LoggerFactory.getLogger(DigestMailService.class);
    private static final String STAGE = "digest-mail";
    private final DigestSettings settings;
    private final DigestMailer mailer;
    private final List<Duration> backoff;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> dlq;
    private final int dlqValueLimit;
    private final Counter sent;
    private final Counter failed;
    private final ServiceThread thread = new ServiceThread("raqib-digest-mail", this::run);
    private volatile boolean closed;

    /** A mail service for the sink of {@code config}, retrying after each of {@code backoff} in turn. */
    public DigestMailService(RaqibConfig config, MeterRegistry metrics, List<Duration> backoff) {
        this.settings = config.sink().digests();
        this.mailer = new DigestMailer(settings.smtp());
        this.backoff = List.copyOf(backoff);
        KafkaClients clients = new KafkaClients(config);
        this.consumer = new KafkaConsumer<>(clients.consumer(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, config.applicationId() + "-digest-mail",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10)),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.dlq = new KafkaProducer<>(clients.producer(Map.of()), new ByteArraySerializer(),
                new ByteArraySerializer());
        this.dlqValueLimit = DeadLetterRecords.valueLimit(config.maxRecordBytes());
        this.sent = Counter.builder("raqib.digests.mailed").description("Digests mailed").register(metrics);
        this.failed = PipelineMeters.dlqRecords(metrics, STAGE);
    }

    /** Starts mailing in the background. */
    public void start() {
        consumer.subscribe(List.of(Topics.DIGESTS.name()));
        thread.start();
    }

    /** Mailing as component {@code digest-mail}: DOWN once its thread died. */
    public ComponentHealth health() {
        return thread.health(STAGE);
    }

    /** Why mailing stopped by itself, or null. */
    public Throwable failure() {
        return thread.death();
    }

    private void run() {
        try {
            while (!closed) {
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (!mail(r)) {
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

    /** Mails (or dead-letters) the digest of {@code r}; false when closing cut it short, so it stays uncommitted. */
    private boolean mail(ConsumerRecord<byte[], byte[]> r) throws InterruptedException {
        Exception last = null;
        try {
            Digest digest = Topics.DIGESTS.valueSerde().deserializer().deserialize(r.topic(), r.value());
            List<String> to = digest == null ? List.of()
                    : settings.recipients(digest.desk(), Duration.parse(digest.period()));
            if (to.isEmpty()) {
                return true;
            }
            for (int attempt = 0; attempt <= backoff.size(); attempt++) {
                if (closed) {
                    return false;
                }
                if (attempt > 0) {
                    Thread.sleep(backoff.get(attempt - 1).toMillis());
                }
                try {
                    mailer.send(digest, to);
                    sent.increment();
                    return true;
                } catch (jakarta.mail.MessagingException e) {
                    last = e;
                }
            }
        } catch (RuntimeException e) {
            last = e;
        }
        LOG.warn("digest at {}-{}@{} not mailed: {}", r.topic(), r.partition(), r.offset(), last.toString());
        try {
            dlq.send(DeadLetterRecords.of(STAGE, r, last, dlqValueLimit)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("digest not mailed and not dead-lettered", e.getCause());
        }
        failed.increment();
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.stopping();
        if (thread.started()) {
            consumer.wakeup();
            thread.join(30_000);
        } else {
            consumer.close();
        }
        dlq.close();
    }
}
