package io.raqib.core.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Raqib's one typed configuration. Each setting has a property name ({@code raqib.bootstrap.servers}) and the
 * matching environment variable ({@code RAQIB_BOOTSTRAP_SERVERS}); later sources win: defaults, then a
 * properties file, then the environment, then explicit overrides (command-line options).
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param partitions       partitions of each topic Raqib creates
 * @param replication      replication factor of each topic Raqib creates
 * @param applicationId    prefix of Kafka Streams application ids ({@code <prefix>-enrich}, {@code <prefix>-sink})
 * @param stateDir         Kafka Streams state directory
 * @param watchesFile      optional JSON file (array of Watch) the sink loads at start
 * @param maxArticleBytes  largest article (title + body + html, UTF-8) ingest accepts
 * @param httpPort         port of the HTTP API, console and /metrics
 * @param apiTokens        bearer tokens accepted by the HTTP API (comma-separated); empty = API closed
 */
public record RaqibConfig(
        String bootstrapServers,
        int partitions,
        short replication,
        String applicationId,
        Path stateDir,
        Optional<Path> watchesFile,
        int maxArticleBytes,
        int httpPort,
        List<String> apiTokens) {

    public static final String BOOTSTRAP_SERVERS = "raqib.bootstrap.servers";
    public static final String PARTITIONS = "raqib.partitions";
    public static final String REPLICATION = "raqib.replication";
    public static final String APPLICATION_ID = "raqib.application.id";
    public static final String STATE_DIR = "raqib.state.dir";
    public static final String WATCHES_FILE = "raqib.watches.file";
    public static final String MAX_ARTICLE_BYTES = "raqib.max.article.bytes";
    public static final String HTTP_PORT = "raqib.http.port";
    public static final String API_TOKENS = "raqib.api.tokens";

    private static final Map<String, String> DEFAULTS = Map.of(
            BOOTSTRAP_SERVERS, "localhost:9092",
            PARTITIONS, "3",
            REPLICATION, "1",
            APPLICATION_ID, "raqib",
            STATE_DIR, System.getProperty("java.io.tmpdir") + "/raqib-streams",
            MAX_ARTICLE_BYTES, Integer.toString(1 << 20),
            HTTP_PORT, "8080",
            API_TOKENS, "");

    /** Loads from an optional properties file, the process environment and overrides (highest precedence). */
    public static RaqibConfig load(Path propertiesFile, Map<String, String> overrides) {
        return load(propertiesFile, System.getenv(), overrides);
    }

    /** Loads from an optional properties file, the given environment and overrides (highest precedence). */
    public static RaqibConfig load(Path propertiesFile, Map<String, String> env, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(DEFAULTS);
        if (propertiesFile != null) {
            values.putAll(readProperties(propertiesFile));
        }
        for (String key : knownKeys()) {
            String fromEnv = env.get(envName(key));
            if (fromEnv != null && !fromEnv.isBlank()) {
                values.put(key, fromEnv);
            }
        }
        overrides.forEach((k, v) -> {
            if (v != null) {
                values.put(k, v);
            }
        });
        return fromMap(values);
    }

    /** The environment variable that sets a property: {@code raqib.state.dir} → {@code RAQIB_STATE_DIR}. */
    public static String envName(String property) {
        return property.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** Returns a copy pointing at other bootstrap servers. */
    public RaqibConfig withBootstrapServers(String servers) {
        return new RaqibConfig(servers, partitions, replication, applicationId, stateDir, watchesFile,
                maxArticleBytes, httpPort, apiTokens);
    }

    /** Returns a copy accepting the given API tokens. */
    public RaqibConfig withApiTokens(List<String> tokens) {
        return new RaqibConfig(bootstrapServers, partitions, replication, applicationId, stateDir, watchesFile,
                maxArticleBytes, httpPort, List.copyOf(tokens));
    }

    private static RaqibConfig fromMap(Map<String, String> v) {
        String watches = v.get(WATCHES_FILE);
        return new RaqibConfig(
                v.get(BOOTSTRAP_SERVERS),
                positiveInt(v, PARTITIONS),
                replication(v),
                v.get(APPLICATION_ID),
                Path.of(v.get(STATE_DIR)),
                watches == null || watches.isBlank() ? Optional.empty() : Optional.of(Path.of(watches)),
                positiveInt(v, MAX_ARTICLE_BYTES),
                port(v),
                Arrays.stream(v.get(API_TOKENS).split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList());
    }

    private static int positiveInt(Map<String, String> v, String key) {
        String raw = v.get(key).trim();
        try {
            int n = Integer.parseInt(raw);
            if (n <= 0) {
                throw new IllegalArgumentException(key + " (" + envName(key) + ") must be positive, got " + raw);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " (" + envName(key) + ") must be an integer, got '" + raw + "'");
        }
    }

    private static int port(Map<String, String> v) {
        int n = positiveInt(v, HTTP_PORT);
        if (n > 65_535) {
            throw new IllegalArgumentException(HTTP_PORT + " (" + envName(HTTP_PORT) + ") is not a port: " + n);
        }
        return n;
    }

    private static short replication(Map<String, String> v) {
        int n = positiveInt(v, REPLICATION);
        if (n > Short.MAX_VALUE) {
            throw new IllegalArgumentException(REPLICATION + " (" + envName(REPLICATION) + ") is too large: " + n);
        }
        return (short) n;
    }

    private static String[] knownKeys() {
        return new String[] {BOOTSTRAP_SERVERS, PARTITIONS, REPLICATION, APPLICATION_ID, STATE_DIR, WATCHES_FILE,
            MAX_ARTICLE_BYTES, HTTP_PORT, API_TOKENS};
    }

    private static Map<String, String> readProperties(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration file " + file, e);
        }
        Map<String, String> out = new HashMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }
}
