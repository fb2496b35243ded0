package io.raqib.core.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.raqib.core.health.ComponentHealth;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A Kafka Streams application as a service with {@code start()}/{@code close()}, as enrich and sink run. */
public final class StreamsService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsService.class);
    private final String name;
    private final KafkaStreams streams;
    private final CountDownLatch running = new CountDownLatch(1);
    private volatile Throwable failure;
    private volatile boolean closing;
    private final List<KafkaStreamsMetrics> metrics = new CopyOnWriteArrayList<>();

    public StreamsService(String name, Topology topology, Properties properties) {
        this.name = name;
        this.streams = new KafkaStreams(topology, properties);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
            if (now == KafkaStreams.State.ERROR && failure == null) {
                failure = new StreamsFailedException(name + ": Kafka Streams went from " + before + " to ERROR",
                        null);
            }
            if (now == KafkaStreams.State.PENDING_SHUTDOWN && !closing && failure == null) {
                failure = new StreamsFailedException(name + ": Kafka Streams is shutting down by itself", null);
            }
        });
        streams.setUncaughtExceptionHandler(e -> {
            failure = new StreamsFailedException(name + ": a stream thread stopped on " + e, e);
            LOG.error("{} stopped on an unexpected error", name, e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    }

    /**
     * The client as a component named {@code <name>-streams}: UP while RUNNING, STARTING while it starts or
     * rebalances, DOWN once it failed or stopped.
     */
    public ComponentHealth health() {
        String component = name + "-streams";
        KafkaStreams.State state = streams.state();
        Throwable failed = failure;
        if (failed != null) {
            return ComponentHealth.down(component, failed.getMessage());
        }
        if (state == KafkaStreams.State.RUNNING) {
            return ComponentHealth.up(component, "RUNNING");
        }
        return state.isRunningOrRebalancing() || state == KafkaStreams.State.CREATED
                ? ComponentHealth.starting(component, state.name()) : ComponentHealth.down(component, state.name());
    }

    /** Publishes the Kafka Streams client metrics (throughput, lag, state) to {@code registry}. */
    public void bindMetrics(MeterRegistry registry) {
        KafkaStreamsMetrics binder = new KafkaStreamsMetrics(streams, Tags.of("stage", name));
        binder.bindTo(registry);
        metrics.add(binder);
    }

    /** Starts processing in the background. */
    public void start() {
        streams.start();
    }

    /** Waits until the application has joined its group and is processing; false on timeout. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The error that stopped the application (or is stopping it), a {@link StreamsFailedException}, or null while
     * healthy.
     */
    public Throwable failure() {
        return failure;
    }

    /** Active tasks on this instance: how the partitions are shared among the instances of one application. */
    public int activeTasks() {
        return streams.metadataForLocalThreads().stream().mapToInt(t -> t.activeTasks().size()).sum();
    }

    /** The current Kafka Streams state. */
    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        closing = true;
        LOG.debug("closing {}", name);
        // Leave the group so a restarted or remaining instance takes over at once instead of after the session
        // timeout (Streams stays in the group on close by default).
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
        metrics.forEach(KafkaStreamsMetrics::close);
    }
}
