package io.raqib.sink;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.StreamsProperties;
import io.raqib.core.kafka.StreamsService;
import io.raqib.core.model.Watch;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.StreamsBuilder;

/**
 * The sink stage as a service: watches from the optional file and the {@code raqib.watches} topic (desk topics
 * created as desks appear), then the matching topology and the webhook delivery. Articles are only processed once
 * the stored watches are loaded.
 */
public final class SinkService implements AutoCloseable {

    private final WatchRegistry registry = new WatchRegistry();
    private final DeskTopics deskTopics;
    private final WatchTopicListener listener;
    private final StreamsService streams;
    /** Null when no webhook is allowed (raqib.webhook.allow empty): no consumer group to join then. */
    private final WebhookDelivery webhooks;

    /** A sink whose suppression counters go to a private registry. */
    public SinkService(RaqibConfig config, List<Watch> fileWatches) {
        this(config, fileWatches, new SimpleMeterRegistry());
    }

    /** A sink publishing its counters (suppressed alerts, …) to {@code metrics}. */
    public SinkService(RaqibConfig config, List<Watch> fileWatches, MeterRegistry metrics) {
        deskTopics = new DeskTopics(config);
        fileWatches.forEach(w -> deskTopics.ensure(w.desk()));
        registry.putAll(fileWatches);
        listener = new WatchTopicListener(config.bootstrapServers(), registry, w -> deskTopics.ensure(w.desk()));
        StreamsBuilder builder = new StreamsBuilder();
        SinkTopology.build(builder, new ArticleMatcher(registry, new AlertFactory(Clock.systemUTC())), metrics);
        streams = new StreamsService("sink", builder.build(), StreamsProperties.forStage(config, "sink"));
        WebhookPolicy webhookPolicy = new WebhookPolicy(config.sink().webhookAllow());
        webhooks = webhookPolicy.allowsNone() ? null : new WebhookDelivery(config, registry, webhookPolicy, metrics);
        metrics.gauge("raqib.sink.watches", registry, WatchRegistry::size);
    }

    /** Loads stored watches (waiting up to {@code timeout}), then starts matching. */
    public void start(Duration timeout) throws InterruptedException {
        listener.start();
        if (!listener.awaitCaughtUp(timeout)) {
            throw new IllegalStateException("stored watches not loaded within " + timeout);
        }
        streams.start();
        if (webhooks != null) {
            webhooks.start();
        }
    }

    /** The error that stopped the stage, or null while it is healthy. */
    public Throwable failure() {
        return streams.failure();
    }

    /** The running streams application. */
    public StreamsService streams() {
        return streams;
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
        listener.close();
        registry.close();
        deskTopics.close();
    }
}
