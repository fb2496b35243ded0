package io.raqib.ingest.poll;

import io.raqib.core.health.ComponentHealth;
import io.raqib.core.model.Article;
import io.raqib.ingest.ArticleIntake;
import io.raqib.ingest.FeedArticles;
import io.raqib.ingest.IngestMetrics;
import io.raqib.ingest.feed.FeedException;
import io.raqib.ingest.feed.FeedParser;
import io.raqib.ingest.net.RefusedAddressException;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every feed of the list on its own interval. A feed that fails (network, HTTP error, refused document or
 * address, new articles Kafka did not acknowledge) is retried with exponential backoff and jitter and counted in
 * {@code raqib.ingest.feed.failures}; it never stops or delays the others. Owns its fetcher.
 */
public final class FeedPoller implements AutoCloseable {

    /** What one poll of one feed did; {@code error} is null on success. */
    public record PollResult(int published, int duplicates, int rejected, boolean notModified, String error) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final ArticleIntake intake;
    private final IngestMetrics metrics;
    private final Backoff backoff;
    private final Map<String, FeedFetcher.Validators> validators = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final Map<String, FeedSource> active = new LinkedHashMap<>();
    private final Map<String, ScheduledFuture<?>> scheduled = new HashMap<>();
    /** What killed polling (an error no poll catches, e.g. out of memory), or null. */
    private volatile Throwable death;

    public FeedPoller(FeedFetcher fetcher, FeedParser parser, ArticleIntake intake, IngestMetrics metrics,
                      Backoff backoff, int threads) {
        this.fetcher = fetcher;
        this.parser = parser;
        this.intake = intake;
        this.metrics = metrics;
        this.backoff = backoff;
        this.scheduler = Executors.newScheduledThreadPool(threads, r -> {
            Thread t = new Thread(r, "raqib-feed-poller");
            t.setDaemon(true);
            return t;
        });
    }

    /** Schedules every feed: first poll now, then on its interval (or its backoff after a failure). */
    public void start(List<FeedSource> feeds) {
        update(feeds);
    }

    /**
     * Makes {@code feeds} the polled set: new or changed feeds are polled now, removed ones stop; unchanged feeds
     * keep their schedule, validators and backoff.
     */
    public synchronized void update(List<FeedSource> feeds) {
        Map<String, FeedSource> wanted = new LinkedHashMap<>();
        feeds.forEach(f -> wanted.put(f.url(), f));
        for (String url : List.copyOf(active.keySet())) {
            if (!active.get(url).equals(wanted.get(url))) {
                active.remove(url);
                validators.remove(url);
                failures.remove(url);
                ScheduledFuture<?> next = scheduled.remove(url);
                if (next != null) {
                    next.cancel(false);
                }
            }
        }
        wanted.forEach((url, feed) -> {
            if (!active.containsKey(url)) {
                active.put(url, feed);
                schedule(feed, Duration.ZERO);
            }
        });
    }

    /**
     * Re-reads the feed list every {@code every} and applies changes ({@code raqib feeds add|rm} take effect
     * without a restart); a list that cannot be read is logged and the current feeds keep running.
     */
    public void follow(FeedList list, Duration every) {
        scheduler.scheduleWithFixedDelay(guarded(() -> {
            try {
                update(list.read());
            } catch (IOException | RuntimeException e) {
                LOG.warn("feed list not reloaded: {}", e.getMessage());
            }
        }), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The poller as component {@code feed-poller}: DOWN once an error escaped a poll (that feed is no longer
     * polled: the executor would keep it to itself) or after {@link #close}, UP otherwise.
     */
    public ComponentHealth health() {
        Throwable dead = death;
        if (dead != null) {
            return ComponentHealth.down("feed-poller", "polling died: " + dead);
        }
        return scheduler.isShutdown() ? ComponentHealth.down("feed-poller", "stopped")
                : ComponentHealth.up("feed-poller", "polling " + feeds().size() + " feeds");
    }

    /** What stopped polling for good, or null while it runs. */
    public Throwable failure() {
        return death;
    }

    /** {@code task}, recording what escapes it as the poller's death (a scheduled task's error is otherwise lost). */
    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                if (!scheduler.isShutdown()) {
                    death = e;
                    LOG.error("feed polling died", e);
                }
                throw e;
            }
        };
    }

    /** The feeds being polled. */
    public synchronized List<FeedSource> feeds() {
        return List.copyOf(active.values());
    }

    /**
     * Polls one feed once: fetch (conditional), parse, publish new articles. The feed's validators are kept (for
     * the next conditional GET) only when Kafka acknowledged every new article; otherwise the poll failed and the
     * next one fetches the whole feed again. Never throws.
     */
    public PollResult pollOnce(FeedSource feed) {
        long started = System.nanoTime();
        try {
            FeedFetcher.Response response = fetcher.fetch(feed.url(),
                    validators.getOrDefault(feed.url(), FeedFetcher.Validators.NONE));
            if (response.notModified()) {
                metrics.feedFetch(feed.source(), "not-modified", Duration.ofNanos(System.nanoTime() - started));
                failures.remove(feed.url());
                return new PollResult(0, 0, 0, true, null);
            }
            List<Article> articles = FeedArticles.of(parser.parse(response.body(), response.contentType(),
                    response.url()), feed.source(), feed.language());
            ArticleIntake.Batch batch = intake.offerAll(articles);
            int failed = batch.count(ArticleIntake.Outcome.FAILED);
            if (failed > 0) {
                throw new IOException(failed + " of " + articles.size() + " articles not published ("
                        + batch.reason(ArticleIntake.Outcome.FAILED) + "); the feed is fetched whole again");
            }
            metrics.feedFetch(feed.source(), "ok", Duration.ofNanos(System.nanoTime() - started));
            validators.put(feed.url(), new FeedFetcher.Validators(response.etag(), response.lastModified()));
            failures.remove(feed.url());
            return new PollResult(batch.count(ArticleIntake.Outcome.PUBLISHED),
                    batch.count(ArticleIntake.Outcome.DUPLICATE), batch.count(ArticleIntake.Outcome.REJECTED), false,
                    null);
        } catch (IOException | FeedException | RuntimeException e) {
            metrics.feedFetch(feed.source(), "failed", Duration.ofNanos(System.nanoTime() - started));
            if (e instanceof FeedException) {
                intake.rejectedDocument(feed.source(), "feed-refused");
            } else if (e instanceof RefusedAddressException) {
                metrics.feedRefused(feed.source());
            }
            failures.merge(feed.url(), 1, Integer::sum);
            return new PollResult(0, 0, 0, false, e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage());
        }
    }

    /** When to poll the feed next after {@code result}: its interval, or the backoff while it keeps failing. */
    public Duration nextDelay(FeedSource feed, PollResult result) {
        return result.error() == null ? feed.interval() : backoff.delay(failures.getOrDefault(feed.url(), 1));
    }

    private void cycle(FeedSource feed) {
        PollResult result = pollOnce(feed);
        Duration next = nextDelay(feed, result);
        if (result.error() != null) {
            LOG.warn("feed {} ({}) failed: {}; retrying in {} s", feed.source(), feed.url(), result.error(),
                    next.toSeconds());
        } else {
            LOG.info("feed {}: {} new, {} duplicates, {} rejected{}", feed.source(), result.published(),
                    result.duplicates(), result.rejected(), result.notModified() ? " (not modified)" : "");
        }
        schedule(feed, next);
    }

    private synchronized void schedule(FeedSource feed, Duration delay) {
        // A feed removed or changed while its poll ran is not rescheduled: its replacement has its own cycle.
        if (feed.equals(active.get(feed.url())) && !scheduler.isShutdown()) {
            scheduled.put(feed.url(), scheduler.schedule(guarded(() -> cycle(feed)), delay.toMillis(),
                    TimeUnit.MILLISECONDS));
        }
    }

    /** Stops polling and closes the fetcher. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        fetcher.close();
    }
}
