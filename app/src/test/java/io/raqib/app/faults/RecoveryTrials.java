package io.raqib.app.faults;

import io.raqib.app.faults.PipelineCluster.Stage;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Alert;
import io.raqib.core.model.Article;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Recovery times measured with a steady trickle of probe articles (20/s, spread over the raw partitions): after a
 * kill -9 of an enrich or sink instance, how long until articles sent after the kill come out of that stage again,
 * on the first input partition and on every one. The killed instance is either restarted at once (same state
 * folder and instance id), or left dead while a second instance of the stage takes its partitions over.
 */
final class RecoveryTrials implements AutoCloseable {

    private static final int PER_SECOND = 20;
    private static final String SERIES = "recovery";
    private final FaultRun run;
    private final FaultReport report;
    private final int partitions;
    /** Probe id → {raw partition, nanos sent}. */
    private final Map<String, long[]> sent = new ConcurrentHashMap<>();
    /** Output topic → raw partition → nanos of the latest output of a probe. */
    private final Map<String, Map<Integer, Long>> latest = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final KafkaProducer<String, byte[]> producer;
    private final ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fault-recovery-feeder");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, List<String>> figures = new ConcurrentHashMap<>();
    private volatile Trial trial;

    /** One kill: when, and the first output per raw partition of a probe sent after it. */
    private record Trial(String output, long killed, Map<Integer, Long> firsts) {
    }

    /** Starts feeding probes into the running cluster of {@code run} ({@code partitions} raw partitions). */
    RecoveryTrials(FaultRun run, FaultReport report, int partitions) {
        this.run = run;
        this.report = report;
        this.partitions = partitions;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, run.cluster().bootstrapServers());
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        run.observer().listen(this::arrived);
        feeder.scheduleAtFixedRate(this::send, 0, 1_000 / PER_SECOND, TimeUnit.MILLISECONDS);
    }

    private void send() {
        Article probe = FaultInput.probe(SERIES, next.getAndIncrement(), "الرياض");
        long now = System.nanoTime();
        producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), probe.id(),
                RaqibJson.write(probe).getBytes(StandardCharsets.UTF_8)), (metadata, error) -> {
                    if (error == null) {
                        sent.put(probe.id(), new long[] {metadata.partition(), now});
                    }
                });
    }

    private void arrived(ConsumerRecord<byte[], byte[]> r) {
        String id = probeId(r);
        long[] probe = id == null ? null : sent.get(id);
        if (probe == null) {
            return;
        }
        long now = System.nanoTime();
        latest.computeIfAbsent(r.topic(), t -> new ConcurrentHashMap<>()).put((int) probe[0], now);
        Trial t = trial;
        if (t != null && t.output().equals(r.topic()) && probe[1] > t.killed()) {
            t.firsts().putIfAbsent((int) probe[0], now);
        }
    }

    private static String probeId(ConsumerRecord<byte[], byte[]> r) {
        if (r.topic().equals(Topics.ARTICLES_ENRICHED.name()) && r.key() != null) {
            return new String(r.key(), StandardCharsets.UTF_8);
        }
        if (r.topic().equals(Topics.ALERTS.name())) {
            try {
                Alert a = Topics.ALERTS.valueSerde().deserializer().deserialize(r.topic(), r.value());
                return a.data().articleId();
            } catch (RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * Kills {@code instance} of {@code stage} once probes come out of every partition, restarts it at once when
     * {@code restart}, and reports how long until probes sent after the kill came out again.
     */
    void measure(String instance, Stage stage, boolean restart) throws Exception {
        String output = stage == Stage.ENRICH ? Topics.ARTICLES_ENRICHED.name() : Topics.ALERTS.name();
        String label = instance + (restart ? " restarted" : " not restarted, a second instance takes over");
        if (!run.awaitCondition(() -> flowing(output), FaultRun.STALL)) {
            report.check(label + ": probes flowing before the kill", false, run.cluster().diagnostics());
            return;
        }
        Trial t = new Trial(output, System.nanoTime(), new ConcurrentHashMap<>());
        trial = t;
        run.cluster().kill(instance);
        String ready = "";
        if (restart) {
            run.cluster().restart(instance);
            run.cluster().awaitReady(instance);
            ready = String.format(", restarted process ready after %.1f s", (System.nanoTime() - t.killed()) / 1e9);
        }
        boolean resumed = run.awaitCondition(() -> t.firsts().size() == partitions, FaultRun.STALL);
        if (!resumed) {
            report.check(label + ": probes from every partition come out again", false, "only partitions "
                    + t.firsts().keySet() + " within " + FaultRun.STALL.toMinutes() + " min");
            return;
        }
        double first = (t.firsts().values().stream().min(Long::compare).orElseThrow() - t.killed()) / 1e9;
        double all = (t.firsts().values().stream().max(Long::compare).orElseThrow() - t.killed()) / 1e9;
        report.line(String.format("kill -9 %s: first output %.1f s, every partition %.1f s after the kill%s (%s)",
                label, first, all, ready, FaultReport.load()));
        figures.computeIfAbsent(stage.command() + (restart ? ", restarted" : ", failover"), k -> new ArrayList<>())
                .add(String.format("%.1f/%.1f", first, all));
    }

    /** Whether probes came out of {@code output} from every partition within the last 3 seconds. */
    private boolean flowing(String output) {
        Map<Integer, Long> last = latest.getOrDefault(output, Map.of());
        long now = System.nanoTime();
        return last.size() == partitions && last.values().stream().allMatch(t -> now - t < 3_000_000_000L);
    }

    /** One line per stage and mode: every trial's "first / every partition" seconds. */
    void summarize() {
        figures.forEach((what, list) -> report.line("recovery " + what + " (first / every partition, s): "
                + String.join(", ", list)));
    }

    @Override
    public void close() throws InterruptedException {
        feeder.shutdownNow();
        feeder.awaitTermination(10, TimeUnit.SECONDS);
        producer.close(Duration.ofSeconds(10));
    }
}
