package io.raqib.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.DeadLetterRecords;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Alert;
import io.raqib.core.model.Watch;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each alert of a watch that names a {@code webhook} to that URL, as a CloudEvent in the HTTP binding's
 * structured mode ({@code Content-Type: application/cloudevents+json}). Reads {@code raqib.alerts} in one consumer
 * group shared by the sink instances, so each alert is delivered by one of them, at least once, in order per
 * watch. Failures are retried ({@link #BACKOFF}); an alert still undelivered, or whose target the
 * {@link WebhookPolicy} no longer allows, goes to {@code raqib.dlq} (stage {@code webhook}). Redirects are not
 * followed: the allow-list decides where alerts go.
 */
public final class WebhookDelivery implements AutoCloseable {

    /** Waits before the 2nd and 3rd attempt. */
    public static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5));
    static final String STAGE = "webhook";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> dlq;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final WatchRegistry registry;
    private final WebhookPolicy policy;
    private final List<Duration> backoff;
    private final Counter delivered;
    private final Counter failed;
    private final Counter refused;
    private final Thread thread;
    private final CountDownLatch assigned = new CountDownLatch(1);
    private volatile boolean closed;

    /** A delivery for the sink of {@code config}, retrying after {@link #BACKOFF}. */
    public WebhookDelivery(RaqibConfig config, WatchRegistry registry, WebhookPolicy policy, MeterRegistry metrics) {
        this(config, registry, policy, metrics, BACKOFF);
    }

    /** A delivery retrying after each of {@code backoff} in turn. */
    public WebhookDelivery(RaqibConfig config, WatchRegistry registry, WebhookPolicy policy, MeterRegistry metrics,
                           List<Duration> backoff) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, config.applicationId() + "-webhooks");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        // A failing target holds a record up to ~40 s (timeouts + backoff): few records per poll, so the consumer
        // always polls again within max.poll.interval.ms and keeps its partitions.
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5);
        this.consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        this.dlq = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        this.registry = registry;
        this.policy = policy;
        this.backoff = List.copyOf(backoff);
        this.delivered = outcome(metrics, "delivered");
        this.failed = outcome(metrics, "failed");
        this.refused = outcome(metrics, "refused");
        this.thread = new Thread(this::run, "raqib-webhooks");
        thread.setDaemon(true);
    }

    private static Counter outcome(MeterRegistry metrics, String outcome) {
        return Counter.builder("raqib.sink.webhooks").tag("outcome", outcome)
                .description("Alerts posted to watch webhooks, by outcome").register(metrics);
    }

    /** Starts delivering in the background. */
    public void start() {
        consumer.subscribe(List.of(Topics.ALERTS.name()), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                // offsets are committed after every poll; nothing pending to save
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                assigned.countDown();
            }
        });
        thread.start();
    }

    /**
     * Waits until this instance has joined the delivery group (a new group starts at the end of the topic, so
     * alerts written before that are not posted); false on timeout.
     */
    public boolean awaitJoined(Duration timeout) throws InterruptedException {
        return assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            while (!closed) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    handle(r);
                }
                consumer.commitSync();
            }
        } catch (WakeupException e) {
            if (!closed) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("webhook delivery stopped", e);
        } finally {
            consumer.close();
        }
    }

    private void handle(ConsumerRecord<byte[], byte[]> r) throws InterruptedException {
        Watch watch = r.key() == null ? null : registry.get(new String(r.key(), StandardCharsets.UTF_8));
        if (watch == null || r.value() == null) {
            return;
        }
        Optional<WebhookUrl> target;
        try {
            target = policy.webhook(watch);
        } catch (InvalidWatchException e) {
            refused.increment();
            deadLetter(r, e);
            return;
        }
        if (target.isEmpty()) {
            return;
        }
        URI url = target.get().toUri();
        Exception last = null;
        for (int attempt = 0; attempt <= backoff.size(); attempt++) {
            if (attempt > 0) {
                Thread.sleep(backoff.get(attempt - 1).toMillis());
            }
            try {
                int status = post(url, r.value());
                if (status / 100 == 2) {
                    delivered.increment();
                    return;
                }
                last = new IOException("webhook " + url + " answered HTTP " + status);
                if (status / 100 == 4 && status != 408 && status != 429) {
                    break;
                }
            } catch (IOException e) {
                last = e;
            }
        }
        failed.increment();
        deadLetter(r, last);
    }

    private int post(URI url, byte[] event) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", SinkTopology.CLOUDEVENTS_CONTENT_TYPE).header("User-Agent", "raqib-sink")
                .POST(HttpRequest.BodyPublishers.ofByteArray(event)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private void deadLetter(ConsumerRecord<byte[], byte[]> r, Exception error) {
        LOG.warn("alert at {}-{}@{} not delivered: {}", r.topic(), r.partition(), r.offset(), error.getMessage());
        dlq.send(DeadLetterRecords.of(STAGE, r, error));
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        consumer.wakeup();
        thread.join(30_000);
        dlq.close();
    }
}
