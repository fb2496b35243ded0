package io.raqib.ingest;

import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Article;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Publishes articles to {@code raqib.articles.raw}, key = article id, with an idempotent acks=all producer. */
public final class ArticlePublisher implements AutoCloseable {

    private final KafkaProducer<String, Article> producer;

    public ArticlePublisher(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "raqib-ingest");
        producer = new KafkaProducer<>(p, Topics.ARTICLES_RAW.keySerde().serializer(),
                Topics.ARTICLES_RAW.valueSerde().serializer());
    }

    /** Sends one article; the future completes when the broker has it. */
    public Future<RecordMetadata> publish(Article article) {
        return producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), article.id(), article));
    }

    /** Waits until every sent article is acknowledged. */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
