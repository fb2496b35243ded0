package io.raqib.app.faults;

import io.raqib.core.json.RaqibJson;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Article;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A steady load on a running cluster: articles (the corpus again and again under new ids) written to
 * {@code raqib.articles.raw} at a fixed rate for a fixed time, every process's memory sampled every 10 s; then the
 * backlog is drained and every article must have come out of enrich exactly once.
 */
final class Soak {

    private static final String PREFIX = "soak";

    private Soak() {
    }

    /** Feeds {@code rate} articles/s for {@code duration}, then drains and reports. */
    static void run(FaultRun run, Duration duration, int rate, FaultReport report) throws Exception {
        report.section(String.format("Soak: %d articles/s for %d min", rate, duration.toMinutes()));
        int total = (int) (duration.toSeconds() * rate);
        List<Article> base = FaultInput.load(Math.min(total, 30_000), PREFIX);
        int exitsBefore = run.cluster().unexpectedExits().size();
        long started = System.nanoTime();
        try (MemorySampler memory = new MemorySampler(() -> run.cluster().current(), Duration.ofSeconds(10));
             KafkaProducer<String, byte[]> producer = producer(run.cluster().bootstrapServers())) {
            for (int i = 0; i < total; i++) {
                long due = started + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                Article a = base.get(i % base.size()).withId(PREFIX + "-" + i);
                producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), a.id(),
                        RaqibJson.write(a).getBytes(StandardCharsets.UTF_8)));
                if (i % rate == 0) {
                    run.cluster().supervise();
                }
            }
            producer.flush();
            double fed = (System.nanoTime() - started) / 1e9;
            long behind = run.lag("enrich", Topics.ARTICLES_RAW.name());
            report.line(String.format("fed %d articles in %.0f s (%.0f/s); enrich had consumed all but %d of them "
                    + "(%.0f/s)", total, fed, total / fed, behind, (total - behind) / fed));
            MemoryReport.print(memory, report);
        }
        boolean drained = run.drain("soak");
        double all = (System.nanoTime() - started) / 1e9;
        Map<String, Integer> enriched = run.observer().enriched();
        long once = enriched.entrySet().stream().filter(e -> e.getKey().startsWith(PREFIX + "-"))
                .filter(e -> e.getValue() == 1).count();
        report.check("every soak article enriched exactly once",
                drained && once == total && countSoak(enriched) == total,
                String.format("%d of %d exactly once, %d distinct; backlog drained %.0f s after the feed began "
                        + "(%.0f articles/s overall)", once, total, countSoak(enriched), all, total / all));
        List<String> exits = run.cluster().unexpectedExits();
        report.check("no process exited by itself during the soak", exits.size() == exitsBefore,
                String.join("\n", exits.subList(exitsBefore, exits.size())));
    }

    private static long countSoak(Map<String, Integer> enriched) {
        return enriched.keySet().stream().filter(k -> k.startsWith(PREFIX + "-")).count();
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }
}
