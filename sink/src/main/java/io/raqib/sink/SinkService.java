package io.raqib.sink;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.health.ComponentHealth;
import io.raqib.core.health.ServiceHealth;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.StreamsService;
import io.raqib.core.model.Watch;
import io.raqib.sink.delivery.DeskTopics;
import io.raqib.sink.delivery.WebhookDelivery;
import io.raqib.sink.delivery.WebhookPolicy;
import io.raqib.sink.digest.DigestDelivery;
import io.raqib.sink.digest.DigestTopology;
import io.raqib.sink.volume.VolumeTopology;
import io.raqib.sink.gate.AlertFactory;
import io.raqib.sink.matching.ArticleMatcher;
import io.raqib.sink.watches.WatchDeadLetters;
import io.raqib.sink.watches.WatchRegistry;
import io.raqib.sink.watches.WatchSeeder;
import io.raqib.sink.watches.WatchTopicListener;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.kafka.streams.StreamsBuilder;

/**
 * The sink stage as a service: the optional watches file published to the {@code raqib.watches} topic
 * ({@link WatchSeeder}), the watches then loaded from the topic and followed (desk topics created as desks appear;
 * records that cannot be applied go to {@code raqib.dlq}), then the matching topology (with the desks' digests when
 * any desk asked for them, and the spike and silence alerts), the webhook delivery and the digests' delivery.
 * Articles are only processed once the stored watches are loaded.
 */
public final class SinkService implements AutoCloseable {

    /** How long a cluster call may take while the watches file is published. */
    private static final Duration SEED_TIMEOUT = Duration.ofSeconds(30);
    private final WatchRegistry registry;
    private final List<Watch> fileWatches;
    private final WatchSeeder seeder;
    private WatchSeeder.Outcome seeded;
    private final DeskTopics deskTopics;
    private final WatchDeadLetters rejectedWatches;
    private final WatchTopicListener listener;
    private final KafkaClientMetrics listenerMetrics;
    private final StreamsService streams;
    /** Null when no webhook is allowed (raqib.webhook.allow empty): no consumer group to join then. */
    private final WebhookDelivery webhooks;
    /** Null when no desk asked for digests by e-mail or webhook. */
    private final DigestDelivery digests;

    /** A sink whose suppression counters go to a private registry; {@code fileWatches} are published at start. */
    public SinkService(RaqibConfig config, List<Watch> fileWatches) {
        this(config, fileWatches, new SimpleMeterRegistry());
    }

    /**
     * A sink publishing its meters to {@code metrics}: suppressed alerts, watches, the Kafka client metrics of its
     * Streams application and watch listener, {@code raqib.stage.records{stage=sink}} (articles matched),
     * {@code raqib.alerts.sent}, {@code raqib.alert.latency}, {@code raqib.dlq.records{stage=sink}}.
     */
    public SinkService(RaqibConfig config, List<Watch> fileWatches, MeterRegistry metrics) {
        this(config, fileWatches, metrics, Clock.systemUTC());
    }

    /** The same with alerts stamped by {@code clock} (a test's clock puts them in a past digest period). */
    public SinkService(RaqibConfig config, List<Watch> fileWatches, MeterRegistry metrics, Clock clock) {
        KafkaClients clients = new KafkaClients(config);
        registry = new WatchRegistry(config.sink().watchLimits());
        deskTopics = new DeskTopics(config);
        this.fileWatches = List.copyOf(fileWatches);
        seeder = new WatchSeeder(clients, config.applicationId() + "-watches", SEED_TIMEOUT);
        rejectedWatches = new WatchDeadLetters(config, metrics);
        listener = new WatchTopicListener(clients, registry, w -> deskTopics.ensure(w.desk()),
                rejectedWatches);
        StreamsBuilder builder = new StreamsBuilder();
        // The candidate batches topic gets the partitions Raqib gives its topics (the enriched topic's, unless an
        // operator changed that one): the constructor does not reach the cluster, start() does.
        SinkStreams sinkStreams = SinkTopology.build(builder,
                new ArticleMatcher(registry, new AlertFactory(clock)), metrics, config.partitions());
        if (config.sink().digests().enabled()) {
            DigestTopology.build(builder, sinkStreams.alerts(), config.sink().digests(), registry::get);
        }
        VolumeTopology.build(builder, sinkStreams, config.sink().volume());
        streams = new StreamsService("sink", builder.build(), clients.streams("sink", metrics));
        streams.bindMetrics(metrics);
        listenerMetrics = listener.bindMetrics(metrics);
        WebhookPolicy webhookPolicy = new WebhookPolicy(config.sink().webhookAllow());
        webhooks = webhookPolicy.allowsNone() ? null : new WebhookDelivery(config, registry, webhookPolicy, metrics);
        digests = config.sink().digests().delivers()
                ? new DigestDelivery(config, webhookPolicy, metrics, DigestDelivery.BACKOFF) : null;
        metrics.gauge("raqib.sink.watches", registry, WatchRegistry::size);
    }

    /**
     * Publishes the watches file's watches ({@link WatchSeeder}: deleted ones stay deleted), loads the stored
     * watches (waiting up to {@code timeout}), then starts matching.
     */
    public void start(Duration timeout) throws InterruptedException {
        if (!fileWatches.isEmpty()) {
            seeded = seeder.seed(fileWatches);
        }
        listener.start();
        if (!listener.awaitCaughtUp(timeout)) {
            Throwable failure = listener.failure();
            throw new IllegalStateException(failure == null ? "stored watches not loaded within " + timeout
                    : "stored watches not loaded: " + failure, failure);
        }
        streams.start();
        if (webhooks != null) {
            webhooks.start();
        }
        if (digests != null) {
            digests.start();
        }
    }

    /** What {@link #start} did with the watches file's watches, or null without a file (or before start). */
    public WatchSeeder.Outcome seeded() {
        return seeded;
    }

    /** The running streams application. */
    public StreamsService streams() {
        return streams;
    }

    /**
     * The error that stopped a part of this sink for good (the watch listener, the matching application or the
     * webhook delivery), or null while healthy: a sink with a failure no longer does its job and should exit.
     */
    public Throwable failure() {
        return Stream.of(listener.failure(), streams.failure(), webhooks == null ? null : webhooks.failure(),
                        digests == null ? null : digests.failure())
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    /**
     * Live while no part has stopped by itself; ready once the stored watches are loaded and the matching
     * application is RUNNING.
     */
    public ServiceHealth health() {
        List<ComponentHealth> parts = new ArrayList<>(List.of(streams.health(), listener.health()));
        if (webhooks != null) {
            parts.add(webhooks.health());
        }
        if (digests != null) {
            parts.add(digests.health());
        }
        return new ServiceHealth("sink", parts);
    }

    /** The live watches. */
    public WatchRegistry registry() {
        return registry;
    }

    @Override
    public void close() throws Exception {
        streams.close();
        if (webhooks != null) {
            webhooks.close();
        }
        if (digests != null) {
            digests.close();
        }
        listener.close();
        listenerMetrics.close();
        rejectedWatches.close();
        registry.close();
        deskTopics.close();
    }
}
