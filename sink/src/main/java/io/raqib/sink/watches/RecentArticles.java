package io.raqib.sink.watches;

import io.raqib.core.config.WatchLimits;
import io.raqib.core.health.ComponentHealth;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.TopicFollower;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Highlight;
import io.raqib.core.model.Watch;
import io.raqib.sink.matching.WatchMatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last articles an API process has seen on {@code raqib.articles.enriched}, for trying a draft watch on real
 * news: a bounded ring fed by a thread of its own that follows the topic from its latest records (no consumer
 * group, nothing committed). A test runs the draft over them newest first and stops at a time limit, so a slow
 * query answers with what it got through. A record that cannot be read is skipped and logged.
 */
public final class RecentArticles implements AutoCloseable {

    /** Articles kept by default. */
    public static final int DEFAULT_CAPACITY = 500;
    /** Matched articles a test lists at most (it counts them all). */
    public static final int MAX_LISTED = 50;
    /** How long a test may run by default before it answers with the articles it got through. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(RecentArticles.class);
    private static final String COMPONENT = "recent-articles";
    private final int capacity;
    private final WatchLimits limits;
    private final Duration timeLimit;
    private final LongSupplier nanoTime;
    /** Oldest first; guarded by itself. */
    private final ArrayDeque<EnrichedArticle> ring = new ArrayDeque<>();
    private final TopicFollower<byte[], byte[]> follower;

    /** The last {@link #DEFAULT_CAPACITY} articles, tested under {@code limits} (those watches are saved under). */
    public RecentArticles(KafkaClients clients, WatchLimits limits) {
        this(new KafkaConsumer<>(clients.consumer(Map.of(ConsumerConfig.CLIENT_ID_CONFIG, "raqib-recent-articles")),
                new ByteArrayDeserializer(), new ByteArrayDeserializer()), DEFAULT_CAPACITY, limits,
                DEFAULT_TIME_LIMIT, System::nanoTime);
    }

    RecentArticles(Consumer<byte[], byte[]> consumer, int capacity, WatchLimits limits, Duration timeLimit,
                   LongSupplier nanoTime) {
        this.capacity = capacity;
        this.limits = limits;
        this.timeLimit = timeLimit;
        this.nanoTime = nanoTime;
        // The latest records only: with one share of the capacity per partition the ring starts nearly full.
        this.follower = new TopicFollower<>("raqib-recent-articles", consumer, Topics.ARTICLES_ENRICHED.name(),
                (c, partitions) -> TopicFollower.last((capacity + partitions.size() - 1)
                        / Math.max(1, partitions.size())).seek(c, partitions),
                Duration.ofMillis(200), records -> records.forEach(this::read));
    }

    /** Starts following the topic in the background. */
    public RecentArticles start() {
        follower.start();
        return this;
    }

    /** Keeps {@code article} as the newest, forgetting the oldest past the capacity. */
    void add(EnrichedArticle article) {
        synchronized (ring) {
            ring.addLast(article);
            if (ring.size() > capacity) {
                ring.removeFirst();
            }
        }
    }

    /** How many articles are held. */
    public int size() {
        synchronized (ring) {
            return ring.size();
        }
    }

    /**
     * Runs {@code watch} over up to {@code limit} of the held articles, newest first, storing nothing; throws
     * {@link InvalidWatchException} for a bad watch, one beyond the limits included.
     */
    public Outcome test(Watch watch, int limit) {
        long deadline = nanoTime.getAsLong() + timeLimit.toNanos();
        List<EnrichedArticle> newestFirst = newestFirst(limit);
        try (WatchRegistry registry = new WatchRegistry(limits)) {
            registry.put(watch);
            int tested = 0;
            int matched = 0;
            List<Found> listed = new ArrayList<>();
            for (EnrichedArticle article : newestFirst) {
                if (nanoTime.getAsLong() > deadline) {
                    return new Outcome(tested, matched, true, listed);
                }
                tested++;
                List<WatchMatch> matches = registry.match(article);
                if (!matches.isEmpty()) {
                    matched++;
                    if (listed.size() < MAX_LISTED) {
                        listed.add(new Found(article.id(), article.title(), article.source(), article.published(),
                                matches.get(0).highlights()));
                    }
                }
            }
            return new Outcome(tested, matched, false, listed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<EnrichedArticle> newestFirst(int limit) {
        List<EnrichedArticle> out = new ArrayList<>(Math.min(limit, capacity));
        synchronized (ring) {
            Iterator<EnrichedArticle> newest = ring.descendingIterator();
            while (newest.hasNext() && out.size() < limit) {
                out.add(newest.next());
            }
        }
        return out;
    }

    /** The error that stopped the reader (articles are no longer followed), or null while it runs. */
    public Throwable failure() {
        return follower.failure();
    }

    /** The reader as component {@code recent-articles}: UP once it holds the latest articles, DOWN once it died. */
    public ComponentHealth health() {
        return follower.health(COMPONENT, () -> size() + " articles held");
    }

    /** Keeps one record's article, or skips it when it cannot be read: no record stops the others. */
    private void read(ConsumerRecord<byte[], byte[]> r) {
        try {
            EnrichedArticle article = r.value() == null ? null
                    : Topics.ARTICLES_ENRICHED.valueSerde().deserializer().deserialize(r.topic(), r.value());
            if (article != null) {
                add(article);
            }
        } catch (RuntimeException e) {
            LOG.warn("skipping article record at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
        }
    }

    /** Stops following the topic. */
    @Override
    public void close() throws InterruptedException {
        follower.close();
    }

    /**
     * What a draft watch made of the recent articles.
     *
     * @param tested  articles it was run on
     * @param matched how many of those it matched
     * @param partial whether the time limit stopped it before the articles asked for were all tested
     * @param matches the first {@link #MAX_LISTED} matched, newest first
     */
    public record Outcome(int tested, int matched, boolean partial, List<Found> matches) {
    }

    /** One matched article with the highlights that show why. */
    public record Found(String articleId, String title, String source, Instant published,
                        List<Highlight> highlights) {
    }
}
