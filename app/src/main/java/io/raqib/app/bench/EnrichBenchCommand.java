package io.raqib.app.bench;

import io.raqib.app.EmbeddedBroker;
import io.raqib.app.TopicAdmin;
import io.raqib.core.config.EnrichSettings;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Article;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.enrich.ArticleEnricher;
import io.raqib.enrich.EnrichService;
import io.raqib.enrich.LanguageDetector;
import io.raqib.enrich.story.InMemorySignatureStore;
import io.raqib.ingest.ArticlePublisher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code raqib bench enrich}: enrich throughput on SaudiNewsNet, single-threaded. First in process (analysis =
 * cleaning, language, entities, topics, signatures; then the duplicate/story verdict), then — unless
 * {@code --no-broker} — the real enrich topology on one stream thread against the embedded broker, exactly once,
 * RocksDB window stores and changelogs included. The last line is machine-readable.
 */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = {"Measure enrich throughput on SaudiNewsNet articles: in process, then through the enrich "
                + "topology on one stream thread on the embedded broker.",
            "Last line: raqib-enrich articles/s/thread=<float> startup-s=<float> analyze/s=<float> articles=<n> "
                + "duplicates=<n>"})
public final class EnrichBenchCommand implements Callable<Integer> {

    private static final Duration BROKER_TIMEOUT = Duration.ofMinutes(10);

    @Option(names = "--corpus", required = true, paramLabel = "DIR", description = "SaudiNewsNet folder of .zip files.")
    Path corpus;

    @Option(names = "--articles", defaultValue = "3000", paramLabel = "N",
            description = "Articles measured (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--warmup", defaultValue = "500", paramLabel = "W",
            description = "Articles enriched first in process, not measured (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--no-broker", description = "Measure in process only.")
    boolean noBroker;

    @Override
    public Integer call() throws Exception {
        List<CorpusArticles.Item> items = CorpusArticles.read(corpus, warmup + articles);
        if (items.size() < warmup + articles) {
            throw new IllegalArgumentException("corpus has only " + items.size() + " articles");
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Article> warm = toArticles(items.subList(0, warmup), run + "-w");
        List<Article> measured = toArticles(items.subList(warmup, warmup + articles), run);
        ArticleEnricher enricher = new ArticleEnricher(new LanguageDetector(), EnrichSettings.defaults());
        System.out.printf("raqib bench enrich: %d SaudiNewsNet articles (+%d warm-up), one thread%n", articles,
                warmup);

        warm.forEach(enricher::analyze);
        List<ArticleEnricher.Analysis> analyses = new ArrayList<>(measured.size());
        long start = System.nanoTime();
        for (Article a : measured) {
            analyses.add(enricher.analyze(a));
        }
        double analyzeRate = rate(measured.size(), start);
        InMemorySignatureStore store = new InMemorySignatureStore(enricher.settings().window());
        int duplicates = 0;
        long now = Instant.now().toEpochMilli();
        start = System.nanoTime();
        for (ArticleEnricher.Analysis a : analyses) {
            if (enricher.detector().assess(a.article().id(), a.signature(), now, store).duplicateOf() != null) {
                duplicates++;
            }
        }
        double verdictRate = rate(analyses.size(), start);
        System.out.printf(Locale.ROOT, "in process: analyze %.1f articles/s, duplicate/story verdict %.1f articles/s,"
                + " %d near-duplicates (%.1f%%)%n", analyzeRate, verdictRate, duplicates,
                100.0 * duplicates / analyses.size());

        TopologyRate topology = noBroker ? new TopologyRate(Double.NaN, Double.NaN)
                : throughBroker(enricher, warm.get(0), measured);
        System.out.printf(Locale.ROOT, "raqib-enrich articles/s/thread=%.1f startup-s=%.1f analyze/s=%.1f articles=%d "
                + "duplicates=%d%n", topology.rate(), topology.startupSeconds(), analyzeRate, measured.size(), duplicates);
        return 0;
    }

    /**
     * The enrich topology on one stream thread.
     *
     * @param rate           articles/s published to the running topology and read back enriched
     * @param startupSeconds from {@code start()} (group join, tasks, stores) until a first article was enriched
     */
    private record TopologyRate(double rate, double startupSeconds) {
    }

    private static TopologyRate throughBroker(ArticleEnricher enricher, Article probe, List<Article> measured)
            throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(null)) {
            RaqibConfig config = RaqibConfig.load(null, Map.of(), Map.of(
                    RaqibConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                    RaqibConfig.APPLICATION_ID, "raqib-bench-" + UUID.randomUUID().toString().substring(0, 8),
                    RaqibConfig.STATE_DIR, Files.createTempDirectory("raqib-bench-").toString()));
            TopicAdmin.ensureTopics(config);
            try (EnrichService service = new EnrichService(config, enricher);
                 ArticlePublisher publisher = new ArticlePublisher(config)) {
                long start = System.nanoTime();
                service.start();
                publisher.publish(probe);
                publisher.awaitAcknowledged();
                awaitEnriched(config, List.of(probe));
                double startup = (System.nanoTime() - start) / 1e9;
                long t0 = System.nanoTime();
                measured.forEach(publisher::publish);
                publisher.awaitAcknowledged();
                awaitEnriched(config, measured);
                TopologyRate rate = new TopologyRate(rate(measured.size(), t0), startup);
                System.out.printf(Locale.ROOT, "enrich topology (1 stream thread, exactly_once_v2, embedded broker): "
                        + "%.1f articles/s published to the running topology and read back enriched (%d articles; "
                        + "start-up until a first article was enriched: %.1f s)%n", rate.rate(), measured.size(),
                        startup);
                return rate;
            }
        }
    }

    /** Reads {@code raqib.articles.enriched} until every one of {@code articles} is there. */
    private static void awaitEnriched(RaqibConfig config, List<Article> articles) {
        Set<String> waiting = new HashSet<>();
        articles.forEach(a -> waiting.add(a.id()));
        try (KafkaConsumer<String, EnrichedArticle> consumer = new KafkaConsumer<>(
                new KafkaClients(config).consumer(Map.of()),
                Topics.ARTICLES_ENRICHED.keySerde().deserializer(),
                Topics.ARTICLES_ENRICHED.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ARTICLES_ENRICHED.name()).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + BROKER_TIMEOUT.toNanos();
            while (!waiting.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(waiting.size() + " articles not enriched within " + BROKER_TIMEOUT);
                }
                for (ConsumerRecord<String, EnrichedArticle> r : consumer.poll(Duration.ofMillis(50))) {
                    waiting.remove(r.key());
                }
            }
        }
    }

    private static List<Article> toArticles(List<CorpusArticles.Item> items, String prefix) {
        List<Article> out = new ArrayList<>(items.size());
        Instant now = Instant.now();
        for (int i = 0; i < items.size(); i++) {
            CorpusArticles.Item item = items.get(i);
            out.add(new Article("bench-" + prefix + "-" + i, item.url(), item.source(), item.title(), item.content(),
                    null, null, null, now));
        }
        return out;
    }

    private static double rate(int count, long startNanos) {
        return count / ((System.nanoTime() - startNanos) / 1e9);
    }
}
