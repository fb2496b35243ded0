package io.raqib.core.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Properties;
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

    public StreamsService(String name, Topology topology, Properties properties) {
        this.name = name;
        this.streams = new KafkaStreams(topology, properties);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
            if (now == KafkaStreams.State.ERROR && failure == null) {
                failure = new IllegalStateException(name + ": Kafka Streams went from " + before + " to ERROR");
            }
            if (now == KafkaStreams.State.PENDING_SHUTDOWN && !closing && failure == null) {
                failure = new IllegalStateException(name + ": Kafka Streams is shutting down by itself");
            }
        });
        streams.setUncaughtExceptionHandler(e -> {
            failure = e;
            LOG.error("{} stopped on an unexpected error", name, e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    }

    /** Publishes the Kafka Streams client metrics (throughput, lag, state) to {@code registry}. */
    public void bindMetrics(MeterRegistry registry) {
        new KafkaStreamsMetrics(streams, Tags.of("stage", name)).bindTo(registry);
    }

    /** Starts processing in the background. */
    public void start() {
        streams.start();
    }

    /** Waits until the application has joined its group and is processing; false on timeout. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The error that stopped the application (or is stopping it), or null while healthy. */
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
    }
}
