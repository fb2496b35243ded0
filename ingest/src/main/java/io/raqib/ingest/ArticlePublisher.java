package io.raqib.ingest;

import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Article;
import java.io.IOException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes articles to {@code raqib.articles.raw}, key = article id: idempotent, {@code acks=all}, lz4-compressed
 * batches of up to 256 KiB lingering 20 ms (throughput over latency: ingest is not interactive). Sends are
 * asynchronous; {@link #awaitAcknowledged()} waits for all of them and reports the first failure.
 */
public final class ArticlePublisher implements AutoCloseable {

    private final KafkaProducer<String, Article> producer;
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private final AtomicLong acknowledged = new AtomicLong();

    public ArticlePublisher(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "raqib-ingest");
        producer = new KafkaProducer<>(p, Topics.ARTICLES_RAW.keySerde().serializer(),
                Topics.ARTICLES_RAW.valueSerde().serializer());
    }

    /** Sends one article (blocks only when the producer's buffer is full). */
    public void publish(Article article) {
        producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), article.id(), article), (meta, error) -> {
            if (error != null) {
                firstFailure.compareAndSet(null, error);
            } else {
                acknowledged.incrementAndGet();
            }
        });
    }

    /** Waits until every article sent so far is acknowledged; throws if any send failed. */
    public void awaitAcknowledged() throws IOException {
        producer.flush();
        Exception failure = firstFailure.get();
        if (failure != null) {
            throw new IOException("publishing to Kafka failed: " + failure.getMessage(), failure);
        }
    }

    /** How many articles the broker has acknowledged. */
    public long acknowledged() {
        return acknowledged.get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
