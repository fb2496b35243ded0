package io.raqib.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.health.ServiceHealth;
import io.raqib.core.kafka.StreamsService;
import io.raqib.core.model.Watch;
import io.raqib.enrich.ArticleEnricher;
import io.raqib.enrich.EnrichService;
import io.raqib.enrich.LanguageDetector;
import io.raqib.sink.SinkService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The enrich and sink stages run together in one process on one cluster (the demo, {@code bench e2e}): one or
 * more enrich instances of the same application id, each with its own state directory, and one sink. The topics
 * must exist.
 */
public final class LocalStages implements AutoCloseable {

    private final ArticleEnricher enricher;
    private final List<EnrichService> enrich = new ArrayList<>();
    private final SinkService sink;

    /**
     * @param watches         the watches the sink loads at start (besides those stored on {@code raqib.watches})
     * @param metrics         where the stages count (Streams client metrics, records, alerts, suppressed alerts…)
     * @param enrichInstances how many enrich Streams instances to run; instance 0 uses the configured state
     *                        directory, instance i its sub-folder {@code instance-i}
     */
    public LocalStages(RaqibConfig config, List<Watch> watches, MeterRegistry metrics, int enrichInstances) {
        if (enrichInstances < 1) {
            throw new IllegalArgumentException("at least one enrich instance, got " + enrichInstances);
        }
        enricher = new ArticleEnricher(new LanguageDetector(), config.enrich());
        try {
            for (int i = 0; i < enrichInstances; i++) {
                // Instances in one process share the stateless enricher; a state dir each, as separate processes.
                RaqibConfig instance = i == 0 ? config : config.withStateDir(config.stateDir().resolve("instance-" + i));
                enrich.add(new EnrichService(instance, enricher, metrics));
            }
            sink = new SinkService(config, watches, metrics);
        } catch (RuntimeException e) {
            enrich.forEach(EnrichService::close);
            throw e;
        }
    }

    /**
     * The configuration of stages on a fresh local broker ({@code raqib.*} environment variables apply, these
     * settings win), with Raqib's topics created.
     */
    public static RaqibConfig prepare(EmbeddedBroker broker, int partitions, Path stateDir) throws Exception {
        RaqibConfig config = RaqibConfig.load(null, Map.of(
                RaqibConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                RaqibConfig.PARTITIONS, Integer.toString(partitions),
                RaqibConfig.STATE_DIR, stateDir.toString()));
        TopicAdmin.ensureTopics(config);
        return config;
    }

    /** The enricher the enrich instances share (the watch API tests watches with it). */
    public ArticleEnricher enricher() {
        return enricher;
    }

    /** The sink stage (its watch registry, its streams). */
    public SinkService sink() {
        return sink;
    }

    /** The health of each stage: every enrich instance, then the sink. */
    public List<Supplier<ServiceHealth>> health() {
        List<Supplier<ServiceHealth>> all = new ArrayList<>();
        enrich.forEach(e -> all.add(e::health));
        all.add(sink::health);
        return all;
    }

    /** Starts the enrich instances, then the sink once it has loaded the stored watches (waiting up to timeout). */
    public void start(Duration timeout) throws InterruptedException {
        enrich.forEach(EnrichService::start);
        sink.start(timeout);
    }

    /**
     * Waits until every instance is running with partitions assigned (the enrich instances have shared them out),
     * so that what is published next is processed at once rather than after a rebalance; false on timeout.
     */
    public boolean awaitProcessing(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<StreamsService> all = Stream.concat(enrich.stream().map(EnrichService::streams),
                Stream.of(sink.streams())).toList();
        while (!all.stream().allMatch(s -> s.state() == KafkaStreams.State.RUNNING && s.activeTasks() > 0)) {
            if (System.nanoTime() > deadline || failure() != null) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    /** The error that stopped a stage, or null while all are healthy. */
    public Throwable failure() {
        return Stream.concat(enrich.stream().map(EnrichService::failure), Stream.of(sink.failure()))
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    @Override
    public void close() throws Exception {
        sink.close();
        enrich.forEach(EnrichService::close);
    }
}
