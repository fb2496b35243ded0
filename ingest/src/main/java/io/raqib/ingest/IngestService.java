package io.raqib.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.raqib.core.config.IngestSettings;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.health.ServiceHealth;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.ingest.feed.FeedParser;
import io.raqib.ingest.net.AddressPolicy;
import io.raqib.ingest.poll.Backoff;
import io.raqib.ingest.poll.FeedFetcher;
import io.raqib.ingest.poll.FeedList;
import io.raqib.ingest.poll.FeedPoller;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The ingest stage as a service: one publisher to {@code raqib.articles.raw}, the intake every source goes
 * through (duplicates remembered from the topic at start), the feed poller following the feed list, and the
 * {@code POST /api/articles} endpoint for the process's HTTP server. Meters: {@code raqib.ingest.*},
 * {@code raqib.stage.records{stage=ingest}} and the producer's Kafka client metrics.
 */
public final class IngestService implements AutoCloseable {

    /** How often the feed list is read again. */
    public static final Duration FEED_LIST_CHECK = Duration.ofSeconds(30);
    private static final Duration LOAD_IDS_TIMEOUT = Duration.ofMinutes(2);
    private final RaqibConfig config;
    private final Optional<FeedList> feedList;
    private final DuplicateFilter duplicates;
    private final ArticlePublisher publisher;
    private final KafkaClientMetrics producerMetrics;
    private final ArticleIntake intake;
    private final FeedPoller poller;

    /**
     * The ingest service of {@code config}, polling the feeds of {@code feedList} (none: push only); nothing runs
     * before {@link #start}.
     */
    public IngestService(RaqibConfig config, Optional<FeedList> feedList, MeterRegistry metrics) {
        IngestSettings settings = config.ingest();
        this.config = config;
        this.feedList = feedList;
        duplicates = new DuplicateFilter(settings.dedupIds(), settings.dedupWindow());
        publisher = new ArticlePublisher(config, metrics);
        producerMetrics = publisher.bindMetrics(metrics);
        IngestMetrics ingestMetrics = new IngestMetrics(metrics);
        intake = new ArticleIntake(new ArticleValidator(config.maxArticleBytes()), duplicates, publisher,
                ingestMetrics, settings.ackTimeout());
        poller = new FeedPoller(new FeedFetcher(settings.feedTimeout(), settings.feedMaxBytes(),
                settings.feedRedirects(), AddressPolicy.allowing(IngestSettings.FEED_ALLOW, settings.feedAllow())),
                new FeedParser(settings.feedMaxBytes()), intake, ingestMetrics,
                new Backoff(Duration.ofSeconds(30), settings.backoffMax(), RandomGenerator.getDefault()),
                settings.feedThreads());
    }

    /**
     * Connects the publisher, remembers the ids already on {@code raqib.articles.raw}, then polls the feeds and
     * follows the feed list; throws when the list cannot be read.
     */
    public void start() throws IOException {
        publisher.connect();
        duplicates.rememberIds(PublishedIds.load(new KafkaClients(config), config.ingest().dedupIds(),
                LOAD_IDS_TIMEOUT));
        if (feedList.isPresent()) {
            poller.start(feedList.get().read());
            poller.follow(feedList.get(), FEED_LIST_CHECK);
        }
    }

    /** The {@code POST /api/articles} endpoint publishing through this service's intake. */
    public ArticlePushEndpoint pushEndpoint() {
        return new ArticlePushEndpoint(intake, config.ingest().pushMaxBytes());
    }

    /** The publisher to {@code raqib.articles.raw} (one-shot file ingest shares it). */
    public ArticlePublisher publisher() {
        return publisher;
    }

    /** Ids remembered as published. */
    public int rememberedIds() {
        return duplicates.rememberedIds();
    }

    /** Feeds being polled. */
    public int feeds() {
        return poller.feeds().size();
    }

    /** What stopped the service for good (feed polling died), or null while it runs. */
    public Throwable failure() {
        return poller.failure();
    }

    /** Live while feed polling runs; ready once the publisher reached the cluster (and while its sends succeed). */
    public ServiceHealth health() {
        return ServiceHealth.of("ingest", publisher.health(), poller.health());
    }

    @Override
    public void close() {
        poller.close();
        publisher.close();
        producerMetrics.close();
    }
}
