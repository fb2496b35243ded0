package io.raqib.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Settings of the ingest service, read like {@code RaqibConfig}: defaults, then the properties file, then
 * {@code RAQIB_*} environment variables.
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

    private static final Map<String, String> DEFAULTS = Map.of(
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

    /** Loads from an optional properties file and the given environment (which wins). */
    public static IngestSettings load(Path propertiesFile, Map<String, String> env) {
        Map<String, String> v = new HashMap<>(DEFAULTS);
        if (propertiesFile != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read configuration file " + propertiesFile, e);
            }
            DEFAULTS.keySet().forEach(k -> {
                if (p.getProperty(k) != null) {
                    v.put(k, p.getProperty(k));
                }
            });
        }
        DEFAULTS.keySet().forEach(k -> {
            String fromEnv = env.get(k.replace('.', '_').toUpperCase(Locale.ROOT));
            if (fromEnv != null && !fromEnv.isBlank()) {
                v.put(k, fromEnv);
            }
        });
        return new IngestSettings(Path.of(v.get(FEEDS_FILE)), duration(v, FEED_TIMEOUT), positive(v, FEED_MAX_BYTES),
                positive(v, FEED_REDIRECTS), positive(v, FEED_THREADS), duration(v, BACKOFF_MAX),
                positive(v, PUSH_MAX_BYTES), positive(v, DEDUP_IDS), positive(v, DEDUP_WINDOW));
    }

    private static int positive(Map<String, String> v, String key) {
        try {
            int n = Integer.parseInt(v.get(key).strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a positive integer, got '" + v.get(key) + "'");
    }

    private static Duration duration(Map<String, String> v, String key) {
        try {
            return Duration.parse(v.get(key).strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as PT20S, got '" + v.get(key)
                    + "'");
        }
    }
}
