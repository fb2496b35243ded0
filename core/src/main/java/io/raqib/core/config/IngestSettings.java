package io.raqib.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Settings of the ingest stage, a section of {@link RaqibConfig}.
 *
 * @param feedsFile     the feed list (YAML or JSON) polled by {@code raqib ingest} and edited by {@code raqib feeds}
 * @param feedTimeout   overall time for one feed fetch (connect, headers, body)
 * @param feedMaxBytes  largest feed document fetched or imported
 * @param feedRedirects redirects followed per fetch
 * @param feedThreads   feeds fetched in parallel
 * @param backoffMax    longest wait before retrying a failing feed
 * @param feedAllow     non-public addresses feeds may be fetched from: CIDRs ({@code 10.1.0.0/16}, {@code fd00::/8},
 *                      a single address) and host names; empty = public addresses only
 * @param pushMaxBytes  largest {@code POST /api/articles} body
 * @param ackTimeout    longest wait for Kafka to acknowledge an article (then HTTP 503, a failed poll, a failed file)
 * @param dedupIds      article ids remembered (also read back from the topic at start)
 * @param dedupWindow   recent content hashes remembered
 */
public record IngestSettings(Path feedsFile, Duration feedTimeout, int feedMaxBytes, int feedRedirects,
                             int feedThreads, Duration backoffMax, List<String> feedAllow, int pushMaxBytes,
                             Duration ackTimeout, int dedupIds, int dedupWindow) {

    public static final String FEEDS_FILE = "raqib.feeds.file";
    public static final String FEED_TIMEOUT = "raqib.feed.timeout";
    public static final String FEED_MAX_BYTES = "raqib.feed.max.bytes";
    public static final String FEED_REDIRECTS = "raqib.feed.max.redirects";
    public static final String FEED_THREADS = "raqib.feed.threads";
    public static final String BACKOFF_MAX = "raqib.feed.backoff.max";
    public static final String FEED_ALLOW = "raqib.feed.allow";
    public static final String PUSH_MAX_BYTES = "raqib.push.max.bytes";
    public static final String ACK_TIMEOUT = "raqib.ingest.ack.timeout";
    public static final String DEDUP_IDS = "raqib.ingest.dedup.ids";
    public static final String DEDUP_WINDOW = "raqib.ingest.dedup.hashes";

    /** The default of {@link #ACK_TIMEOUT}: long enough for a busy broker, short enough for an HTTP client. */
    public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(10);
    // Kafka's producer needs room for its linger and request timeouts inside the acknowledgement bound.
    private static final Duration MIN_ACK_TIMEOUT = Duration.ofSeconds(1);

    static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry(FEEDS_FILE, "feeds.yaml"),
            Map.entry(FEED_TIMEOUT, "PT20S"),
            Map.entry(FEED_MAX_BYTES, Integer.toString(10 << 20)),
            Map.entry(FEED_REDIRECTS, "5"),
            Map.entry(FEED_THREADS, "4"),
            Map.entry(BACKOFF_MAX, "PT1H"),
            Map.entry(FEED_ALLOW, ""),
            // Javalin refuses bodies over 1,000,000 bytes by default; stay within it.
            Map.entry(PUSH_MAX_BYTES, "1000000"),
            Map.entry(ACK_TIMEOUT, DEFAULT_ACK_TIMEOUT.toString()),
            Map.entry(DEDUP_IDS, "1000000"),
            Map.entry(DEDUP_WINDOW, "100000"));

    static IngestSettings from(ConfigValues v) {
        return new IngestSettings(Path.of(v.string(FEEDS_FILE)), v.duration(FEED_TIMEOUT),
                v.positiveInt(FEED_MAX_BYTES), v.positiveInt(FEED_REDIRECTS), v.positiveInt(FEED_THREADS),
                v.duration(BACKOFF_MAX), v.list(FEED_ALLOW), v.positiveInt(PUSH_MAX_BYTES), ackTimeout(v),
                v.positiveInt(DEDUP_IDS), v.positiveInt(DEDUP_WINDOW));
    }

    private static Duration ackTimeout(ConfigValues v) {
        Duration d = v.duration(ACK_TIMEOUT);
        if (d.compareTo(MIN_ACK_TIMEOUT) < 0) {
            throw v.invalid(ACK_TIMEOUT, v.string(ACK_TIMEOUT), "at least " + MIN_ACK_TIMEOUT);
        }
        return d;
    }
}
