package io.raqib.core.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Raqib's one typed configuration: the settings every process shares plus one section per stage. Each setting has
 * a property name ({@code raqib.bootstrap.servers}) and the matching environment variable
 * ({@code RAQIB_BOOTSTRAP_SERVERS}); later sources win: defaults, then a properties file, then the environment,
 * then explicit overrides (command-line options).
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param partitions       partitions of each topic Raqib creates
 * @param replication      replication factor of each topic Raqib creates
 * @param applicationId    prefix of Kafka Streams application ids ({@code <prefix>-enrich}, {@code <prefix>-sink})
 * @param stateDir         Kafka Streams state directory
 * @param instanceId       this process's stable name in the Streams consumer groups (static membership), so a
 *                         restarted instance takes its partitions back at once; empty = dynamic membership
 * @param watchesFile      optional JSON file (array of Watch) the sink loads at start
 * @param maxArticleBytes  largest article (title + body + html, UTF-8) ingest and enrich accept
 * @param maxRecordBytes   largest record Raqib writes to Kafka (an enriched article is about twice its article):
 *                         the producers' {@code max.request.size} and the {@code max.message.bytes} of the topics
 *                         Raqib creates
 * @param httpPort         port of the HTTP API, console, /metrics and /health
 * @param httpHost         address the HTTP server of {@code ingest}, {@code enrich} and {@code sink} listens on
 *                         ({@code 0.0.0.0}: every interface, as a container needs)
 * @param apiTokens        bearer tokens accepted by the HTTP API (comma-separated); empty = API closed
 * @param ingest           the ingest stage's settings (feeds, push, dedup)
 * @param enrich           the enrich stage's settings (operator data, near-duplicate window and thresholds)
 * @param sink             the sink stage's settings (limits)
 * @param kafka            the operator's Kafka client settings ({@code kafka.*}, {@code RAQIB_KAFKA_*}), given to
 *                         every Kafka client over Raqib's defaults
 */
public record RaqibConfig(
        String bootstrapServers,
        int partitions,
        short replication,
        String applicationId,
        Path stateDir,
        Optional<String> instanceId,
        Optional<Path> watchesFile,
        int maxArticleBytes,
        int maxRecordBytes,
        int httpPort,
        String httpHost,
        List<String> apiTokens,
        IngestSettings ingest,
        EnrichSettings enrich,
        SinkSettings sink,
        KafkaSettings kafka) {

    public static final String BOOTSTRAP_SERVERS = "raqib.bootstrap.servers";
    public static final String PARTITIONS = "raqib.partitions";
    public static final String REPLICATION = "raqib.replication";
    public static final String APPLICATION_ID = "raqib.application.id";
    public static final String STATE_DIR = "raqib.state.dir";
    public static final String INSTANCE_ID = "raqib.instance.id";
    public static final String WATCHES_FILE = "raqib.watches.file";
    public static final String MAX_ARTICLE_BYTES = "raqib.max.article.bytes";
    public static final String MAX_RECORD_BYTES = "raqib.max.record.bytes";
    public static final String HTTP_PORT = "raqib.http.port";
    public static final String HTTP_HOST = "raqib.http.host";
    public static final String API_TOKENS = "raqib.api.tokens";

    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry(BOOTSTRAP_SERVERS, "localhost:9092"),
            Map.entry(PARTITIONS, "3"),
            Map.entry(REPLICATION, "1"),
            Map.entry(APPLICATION_ID, "raqib"),
            Map.entry(STATE_DIR, System.getProperty("java.io.tmpdir") + "/raqib-streams"),
            Map.entry(INSTANCE_ID, ""),
            Map.entry(WATCHES_FILE, ""),
            Map.entry(MAX_ARTICLE_BYTES, Integer.toString(1 << 20)),
            Map.entry(MAX_RECORD_BYTES, Integer.toString(8 << 20)),
            Map.entry(HTTP_PORT, "8080"),
            Map.entry(HTTP_HOST, "0.0.0.0"),
            Map.entry(API_TOKENS, ""));

    /** The defaults alone: no file, no environment. */
    public static RaqibConfig defaults() {
        return load(null, Map.of(), Map.of());
    }

    /** Loads from an optional properties file, the process environment and overrides (highest precedence). */
    public static RaqibConfig load(Path propertiesFile, Map<String, String> overrides) {
        return load(propertiesFile, System.getenv(), overrides);
    }

    /** Loads from an optional properties file, the given environment and overrides (highest precedence). */
    public static RaqibConfig load(Path propertiesFile, Map<String, String> env, Map<String, String> overrides) {
        ConfigValues v = ConfigValues.merge(allDefaults(), propertiesFile, env, overrides);
        return new RaqibConfig(
                v.string(BOOTSTRAP_SERVERS),
                v.positiveInt(PARTITIONS),
                replication(v),
                v.string(APPLICATION_ID),
                Path.of(v.string(STATE_DIR)),
                instanceId(v),
                v.path(WATCHES_FILE),
                v.positiveInt(MAX_ARTICLE_BYTES),
                maxRecordBytes(v),
                port(v),
                httpHost(v),
                v.list(API_TOKENS),
                IngestSettings.from(v),
                EnrichSettings.from(v),
                SinkSettings.from(v),
                KafkaSettings.from(v));
    }

    /** The same configuration with another Streams state directory: another instance of the same stages. */
    public RaqibConfig withStateDir(Path dir) {
        return new RaqibConfig(bootstrapServers, partitions, replication, applicationId, dir, instanceId, watchesFile,
                maxArticleBytes, maxRecordBytes, httpPort, httpHost, apiTokens, ingest, enrich, sink, kafka);
    }

    /** The record size limits. */
    public RecordLimits limits() {
        return new RecordLimits(maxArticleBytes, maxRecordBytes);
    }

    /** Every property Raqib reads, in name order. */
    public static List<String> knownProperties() {
        return allDefaults().keySet().stream().sorted().toList();
    }

    private static Map<String, String> allDefaults() {
        Map<String, String> defaults = new HashMap<>(DEFAULTS);
        defaults.putAll(IngestSettings.DEFAULTS);
        defaults.putAll(EnrichSettings.DEFAULTS);
        defaults.putAll(SinkSettings.DEFAULTS);
        return defaults;
    }

    /** The environment variable that sets a property: {@code raqib.state.dir} → {@code RAQIB_STATE_DIR}. */
    public static String envName(String property) {
        return ConfigValues.envName(property);
    }

    /** At least three times the article limit: an enriched article carries its body twice, plus its entities. */
    private static int maxRecordBytes(ConfigValues v) {
        int n = v.positiveInt(MAX_RECORD_BYTES);
        long least = 3L * v.positiveInt(MAX_ARTICLE_BYTES);
        if (n < least) {
            throw v.invalid(MAX_RECORD_BYTES, Integer.toString(n), "at least 3 × " + MAX_ARTICLE_BYTES + " ("
                    + least + ")");
        }
        return n;
    }

    private static String httpHost(ConfigValues v) {
        String host = v.string(HTTP_HOST);
        if (host.isEmpty() || host.contains(" ")) {
            throw v.invalid(HTTP_HOST, host, "an address or host name to listen on, e.g. 0.0.0.0 or 127.0.0.1");
        }
        return host;
    }

    private static int port(ConfigValues v) {
        int n = v.positiveInt(HTTP_PORT);
        if (n > 65_535) {
            throw v.invalid(HTTP_PORT, Integer.toString(n), "a port (1–65535)");
        }
        return n;
    }

    /**
     * Kafka's rule for a group.instance.id (its characters; 249 at most, less the thread suffix Streams appends),
     * checked here so a bad value is named before any client starts.
     */
    private static Optional<String> instanceId(ConfigValues v) {
        String id = v.string(INSTANCE_ID);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        if (id.length() > 200 || !id.matches("[A-Za-z0-9._-]+")) {
            throw v.invalid(INSTANCE_ID, id, "at most 200 of the characters A-Z a-z 0-9 . _ -");
        }
        return Optional.of(id);
    }

    private static short replication(ConfigValues v) {
        int n = v.positiveInt(REPLICATION);
        if (n > Short.MAX_VALUE) {
            throw v.invalid(REPLICATION, Integer.toString(n), "at most " + Short.MAX_VALUE);
        }
        return (short) n;
    }
}
