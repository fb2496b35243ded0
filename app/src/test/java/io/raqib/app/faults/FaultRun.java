package io.raqib.app.faults;

import io.raqib.app.PipelineProgress;
import io.raqib.app.faults.PipelineCluster.Stage;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.Topics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * A fresh cluster of processes ({@link PipelineCluster}) with an observer on its output topics, and the steps a
 * fault run takes on it: start everything at once, import chunks while killing a process per chunk, wait until
 * everything is processed. Each fault's recovery time is measured: from the kill to the first record of the killed
 * stage's output topic that did not exist at the kill.
 */
final class FaultRun implements AutoCloseable {

    /** What to kill while a chunk is being processed. */
    enum Victim { ENRICH, SINK, BROKER }

    static final String ENRICH = "enrich-a";
    static final String SINK = "sink-a";
    /** No new output for this long, while work is pending, means the pipeline is stuck. */
    static final Duration STALL = Duration.ofMinutes(3);

    private final Path dir;
    private final FaultReport report;
    private final PipelineCluster cluster;
    private final List<Duration> recoveries = new ArrayList<>();
    private TopicObserver observer;
    private Admin admin;
    private PipelineProgress progress;

    FaultRun(Path dir, Path watchesFile, FaultReport report, boolean staticMembership) throws IOException {
        this.dir = dir;
        this.report = report;
        this.cluster = new PipelineCluster(dir, watchesFile, staticMembership);
    }

    /**
     * Starts the broker, then enrich, sink and the import of {@code firstChunk} at the same moment (each creates
     * the missing topics), and checks that all of them came up.
     */
    void start(Path firstChunk) throws Exception {
        cluster.startBroker();
        cluster.startStage(ENRICH, Stage.ENRICH);
        cluster.startStage(SINK, Stage.SINK);
        RaqibProcess importer = startImport(firstChunk, 0);
        // A stage that fails to start is restarted by supervise() (and recorded), as an orchestrator would.
        boolean up = awaitCondition(() -> cluster.ready(ENRICH) && cluster.ready(SINK), PipelineCluster.START_TIMEOUT);
        long imported = importer.awaitExit(PipelineCluster.START_TIMEOUT).orElse(-1);
        report.check("start-up: enrich, sink and import started together on a fresh broker all run",
                up && imported == 0 && cluster.unexpectedExits().isEmpty(), (imported == 0 ? ""
                : "import exited with " + imported + ": " + importer.stderrTail(5) + "; ")
                + String.join("; ", cluster.unexpectedExits()));
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        admin = Admin.create(p);
        observer = new TopicObserver(cluster.bootstrapServers());
        progress = new PipelineProgress(RaqibConfig.load(null, Map.of(),
                Map.of(RaqibConfig.BOOTSTRAP_SERVERS, cluster.bootstrapServers())));
    }

    /** Imports {@code chunk} (article ids {@code ids}) and kills {@code victim} once its output has begun. */
    void importWithFault(Path chunk, int number, Set<String> ids, Victim victim) throws Exception {
        RaqibProcess importer = startImport(chunk, number);
        switch (victim) {
            case ENRICH -> killAndRestart(ENRICH, ids, () -> observer.enrichedAny(ids),
                    Topics.ARTICLES_ENRICHED.name());
            case SINK -> killAndRestart(SINK, ids, () -> observer.alertedAny(ids), Topics.ALERTS.name());
            case BROKER -> restartBroker(importer, ids);
        }
        boolean imported = importer.awaitExit(PipelineCluster.START_TIMEOUT).orElse(-1) == 0;
        if (!imported) {
            report.check("import of chunk " + number, false, importer.stderrTail(10));
        }
    }

    private void killAndRestart(String instance, Set<String> ids, BooleanSupplier outputBegun, String output)
            throws Exception {
        if (!awaitCondition(outputBegun, STALL)) {
            report.check(instance + ": output of chunk began before the kill", false, cluster.diagnostics());
            return;
        }
        TopicObserver.Probe probe = observer.probe(output, highWatermarks(output));
        long killed = System.nanoTime();
        cluster.kill(instance);
        cluster.restart(instance);
        cluster.awaitReady(instance);
        long ready = System.nanoTime();
        long arrived = probe.await(STALL);
        recordRecovery("kill -9 " + instance + ", restart", killed, ready, arrived, output);
    }

    private void restartBroker(RaqibProcess importer, Set<String> ids) throws Exception {
        importer.awaitExit(PipelineCluster.START_TIMEOUT);
        if (!awaitCondition(() -> observer.enrichedAny(ids), STALL)) {
            report.check("broker: output of chunk began before the kill", false, cluster.diagnostics());
            return;
        }
        String output = Topics.ALERTS.name();
        TopicObserver.Probe probe = observer.probe(output, highWatermarks(output));
        long killed = System.nanoTime();
        cluster.killBroker();
        cluster.startBroker();
        long ready = System.nanoTime();
        long arrived = probe.await(STALL);
        recordRecovery("kill -9 broker, restart on the same data and port", killed, ready, arrived, output);
    }

    private void recordRecovery(String what, long killed, long ready, long arrived, String output) {
        double readyS = (ready - killed) / 1e9;
        if (arrived == 0) {
            report.check(what + ": new output on " + output, false, "none within " + STALL.toSeconds()
                    + " s (restarted process ready after " + String.format("%.1f s", readyS) + ")\n"
                    + cluster.diagnostics());
            return;
        }
        Duration recovery = Duration.ofNanos(arrived - killed);
        recoveries.add(recovery);
        report.line(String.format("%s: first new record on %s %.1f s after the kill (process ready after %.1f s; %s)",
                what, output, recovery.toMillis() / 1e3, readyS, FaultReport.load()));
    }

    /**
     * Waits until every stage has consumed all its input and the observer has read all output; false (with a
     * failed check) when nothing new came out for {@link #STALL} while work was pending.
     */
    boolean drain(String phase) throws Exception {
        Exception last = null;
        while (true) {
            cluster.supervise();
            try {
                Map<TopicPartition, Long> ends = new HashMap<>(progress.awaitDrained(Duration.ofSeconds(20)));
                ends.putAll(committedEnds(Topics.DLQ.name()));
                ends.putAll(committedEnds(Topics.ARTICLES_ENRICHED.name()));
                if (awaitCondition(() -> observer.reached(ends), Duration.ofMinutes(1))) {
                    return true;
                }
            } catch (Exception e) {
                last = e;
            }
            if (observer.sinceLastRecord().compareTo(STALL) > 0) {
                report.check(phase + ": everything processed", false, "no new output for " + STALL.toMinutes()
                        + " min (last: " + (last == null ? "-" : last.getMessage()) + ")\n" + cluster.diagnostics());
                return false;
            }
        }
    }

    /** Records of {@code topic} that the Streams application of {@code stage} has not committed yet. */
    long lag(String stage, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("raqib-" + stage)
                .partitionsToOffsetAndMetadata().get();
        return committedEnds(topic).entrySet().stream().mapToLong(e -> e.getValue()
                - (committed.get(e.getKey()) == null ? 0 : committed.get(e.getKey()).offset())).sum();
    }

    private Map<Integer, Long> highWatermarks(String topic) throws Exception {
        Map<Integer, Long> out = new HashMap<>();
        offsets(topic, IsolationLevel.READ_UNCOMMITTED).forEach((tp, offset) -> out.put(tp.partition(), offset));
        return out;
    }

    private Map<TopicPartition, Long> committedEnds(String topic) throws Exception {
        return offsets(topic, IsolationLevel.READ_COMMITTED);
    }

    private Map<TopicPartition, Long> offsets(String topic, IsolationLevel isolation) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                .forEach(i -> latest.put(new TopicPartition(topic, i.partition()), OffsetSpec.latest()));
        Map<TopicPartition, Long> out = new HashMap<>();
        admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all().get()
                .forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    /** Polls {@code condition} (restarting crashed stages meanwhile) until true or {@code timeout}. */
    boolean awaitCondition(BooleanSupplier condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            cluster.supervise();
            Thread.sleep(100);
        }
        return true;
    }

    private RaqibProcess startImport(Path chunk, int number) throws Exception {
        return RaqibProcess.start("import-" + number, dir.resolve("logs"),
                Map.of("RAQIB_BOOTSTRAP_SERVERS", cluster.bootstrapServers()),
                List.of("import", "--no-progress", chunk.toString()));
    }

    /** The cluster the run works on. */
    PipelineCluster cluster() {
        return cluster;
    }

    /** The observer of the output topics (after {@link #start}). */
    TopicObserver observer() {
        return observer;
    }

    /** The recovery time of every fault so far. */
    List<Duration> recoveries() {
        return List.copyOf(recoveries);
    }

    @Override
    public void close() throws Exception {
        if (observer != null) {
            observer.close();
        }
        if (progress != null) {
            progress.close();
        }
        if (admin != null) {
            admin.close();
        }
        cluster.close();
    }
}
