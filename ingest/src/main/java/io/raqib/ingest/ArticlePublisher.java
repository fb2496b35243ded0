package io.raqib.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.health.ComponentHealth;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.Topics;
import io.raqib.core.metrics.PipelineMeters;
import io.raqib.core.model.Article;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Publishes articles to {@code raqib.articles.raw}, key = article id: idempotent, {@code acks=all}, lz4-compressed
 * batches of up to 256 KiB lingering 20 ms. Every send is settled within the acknowledgement bound: the producer
 * blocks at most that long for metadata or buffer space and gives a record up after it ({@code max.block.ms},
 * {@code delivery.timeout.ms}), so a broker outage fails sends instead of parking them for minutes. A send Kafka
 * refuses for the article itself (too large, invalid) fails with {@link ArticleRefusedException}.
 */
public final class ArticlePublisher implements AutoCloseable, ArticleIntake.Sender {

    private static final int LINGER_MS = 20;

    private final KafkaProducer<String, Article> producer;
    private final Duration ackTimeout;
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    private final AtomicLong acknowledged = new AtomicLong();
    private final Counter published;
    /** Null while the last send, or the metadata fetch of {@link #connect}, succeeded; else why not. */
    private volatile String lastFailure = "not connected yet";

    /**
     * A publisher to the cluster of {@code config}, with its acknowledgement bound ({@code raqib.ingest.ack.timeout})
     * and record limit ({@code raqib.max.record.bytes}: a record Kafka refuses for its size is an
     * {@link ArticleRefusedException}).
     */
    public ArticlePublisher(RaqibConfig config) {
        this(config, new SimpleMeterRegistry());
    }

    /** A publisher counting acknowledged articles in {@code metrics} ({@code raqib.stage.records{stage=ingest}}). */
    public ArticlePublisher(RaqibConfig config, MeterRegistry metrics) {
        this.published = PipelineMeters.stageRecords(metrics, "ingest");
        this.ackTimeout = config.ingest().ackTimeout();
        int bound = (int) Math.min(Integer.MAX_VALUE, ackTimeout.toMillis());
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        // A full buffer must drain well within the bound, or healthy but queued records would expire.
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 16L * 1024 * 1024);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, bound);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, bound);
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms.
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(30_000, bound - LINGER_MS));
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "raqib-ingest");
        producer = new KafkaProducer<>(new KafkaClients(config).producer(p),
                Topics.ARTICLES_RAW.keySerde().serializer(), Topics.ARTICLES_RAW.valueSerde().serializer());
    }

    /**
     * Sends one article; the result completes when the broker acknowledged it, or fails with the reason (broker
     * unreachable, refused, not acknowledged within the bound). Blocks at most the bound (metadata, full buffer).
     */
    @Override
    public CompletableFuture<RecordMetadata> send(Article article) {
        CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), article.id(), article), (meta, error) -> {
                if (error != null) {
                    Throwable refused = refusal(error);
                    if (!(refused instanceof ArticleRefusedException)) {
                        lastFailure = "a send was not acknowledged: " + error.getMessage();
                    }
                    acked.completeExceptionally(refused);
                } else {
                    acknowledged.incrementAndGet();
                    published.increment();
                    lastFailure = null;
                    acked.complete(meta);
                }
            });
        } catch (RuntimeException e) {
            acked.completeExceptionally(refusal(e));
        }
        return acked;
    }

    /** Marks the errors that are the article's own (sending it again would fail again) as a refusal of it. */
    private static Throwable refusal(Throwable error) {
        boolean articleAtFault = error instanceof RecordTooLargeException
                || error instanceof RecordBatchTooLargeException || error instanceof InvalidRecordException
                || error instanceof SerializationException;
        return articleAtFault ? new ArticleRefusedException("Kafka refused the article: " + error.getMessage(), error)
                : error;
    }

    /** Sends one article without waiting; a failure is reported by {@link #awaitAcknowledged()}. */
    public void publish(Article article) {
        send(article).whenComplete((meta, error) -> {
            if (error != null) {
                firstFailure.compareAndSet(null, error);
            }
        });
    }

    /** Waits until every article sent so far is settled; throws if one {@link #publish}ed was not acknowledged. */
    public void awaitAcknowledged() throws IOException {
        producer.flush();
        Throwable failure = firstFailure.get();
        if (failure != null) {
            throw new IOException("publishing to Kafka failed: " + failure.getMessage(), failure);
        }
    }

    /**
     * Fetches the metadata of {@code raqib.articles.raw} (waiting at most the acknowledgement bound), so the
     * producer is known to reach the cluster before the first article; a failure is kept for {@link #health}.
     */
    public void connect() {
        try {
            producer.partitionsFor(Topics.ARTICLES_RAW.name());
            lastFailure = null;
        } catch (KafkaException e) {
            lastFailure = "no metadata for " + Topics.ARTICLES_RAW.name() + ": " + e.getMessage();
        }
    }

    /**
     * The producer as component {@code raw-producer}: UP once it fetched metadata or had a send acknowledged, and
     * while its last send was; STARTING otherwise (it recovers by itself once the cluster answers).
     */
    public ComponentHealth health() {
        String failure = lastFailure;
        return failure == null ? ComponentHealth.up("raw-producer", acknowledged.get() + " articles acknowledged")
                : ComponentHealth.starting("raw-producer", failure);
    }

    /** Publishes the producer's client metrics to {@code registry}; close the binder with the publisher. */
    public KafkaClientMetrics bindMetrics(MeterRegistry registry) {
        KafkaClientMetrics binder = new KafkaClientMetrics(producer);
        binder.bindTo(registry);
        return binder;
    }

    /** How many articles the broker has acknowledged. */
    public long acknowledged() {
        return acknowledged.get();
    }

    /** Sends what is buffered (waiting at most the acknowledgement bound), then closes the producer. */
    @Override
    public void close() {
        producer.close(ackTimeout);
    }
}
