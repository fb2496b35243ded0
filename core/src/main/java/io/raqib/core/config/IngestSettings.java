package io.raqib.core.config;

import java.nio.file.Path;
import java.time.Duration;
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
 * @param pushMaxBytes  largest {@code POST /api/articles} body
 * @param dedupIds      article ids remembered (also read back from the topic at start)
 * @param dedupWindow   recent content hashes remembered
 */
public record IngestSettings(Path feedsFile, Duration feedTimeout, int feedMaxBytes, int feedRedirects,
                             int feedThreads, Duration backoffMax, int pushMaxBytes, int dedupIds, int dedupWindow) {

    public static final String FEEDS_FILE = "raqib.feeds.file";
    public static final String FEED_TIMEOUT = "raqib.feed.timeout";
    public static final String FEED_MAX_BYTES = "raqib.feed.max.bytes";
    public static final String FEED_REDIRECTS = "raqib.feed.max.redirects";
    public static final String FEED_THREADS = "raqib.feed.threads";
    public static final String BACKOFF_MAX = "raqib.feed.backoff.max";
    public static final String PUSH_MAX_BYTES = "raqib.push.max.bytes";
    public static final String DEDUP_IDS = "raqib.ingest.dedup.ids";
    public static final String DEDUP_WINDOW = "raqib.ingest.dedup.hashes";

    static final Map<String, String> DEFAULTS = Map.of(
            FEEDS_FILE, "feeds.yaml",
            FEED_TIMEOUT, "PT20S",
            FEED_MAX_BYTES, Integer.toString(10 << 20),
            FEED_REDIRECTS, "5",
            FEED_THREADS, "4",
            BACKOFF_MAX, "PT1H",
            // Javalin refuses bodies over 1,000,000 bytes by default; stay within it.
            PUSH_MAX_BYTES, "1000000",
            DEDUP_IDS, "1000000",
            DEDUP_WINDOW, "100000");

    static IngestSettings from(ConfigValues v) {
        return new IngestSettings(Path.of(v.string(FEEDS_FILE)), v.duration(FEED_TIMEOUT), v.positiveInt(FEED_MAX_BYTES),
                v.positiveInt(FEED_REDIRECTS), v.positiveInt(FEED_THREADS), v.duration(BACKOFF_MAX),
                v.positiveInt(PUSH_MAX_BYTES), v.positiveInt(DEDUP_IDS), v.positiveInt(DEDUP_WINDOW));
    }
}
