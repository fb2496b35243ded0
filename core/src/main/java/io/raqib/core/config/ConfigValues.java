package io.raqib.core.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The raw settings of one process, merged from defaults, a properties file, the environment and overrides (later
 * wins), with typed reads. Every error names the property and its environment variable, so an operator sees which
 * line of which source to fix. Besides the known {@code raqib.*} keys, every key under {@link #PASSTHROUGH} ({@code
 * kafka.*}) is kept as given, from the file, the environment ({@code RAQIB_KAFKA_*}) and the overrides alike.
 */
final class ConfigValues {

    /** The open-ended section: any key under it is accepted (Kafka client settings, passed through). */
    static final String PASSTHROUGH = "kafka.";
    private static final String ENV_PREFIX = "RAQIB_";

    private final Map<String, String> values;

    private ConfigValues(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Merges {@code defaults} (which also lists every known key), the optional properties file, the environment
     * variables of the known keys and of {@link #PASSTHROUGH} keys, and {@code overrides}. A {@code raqib.*} key in
     * the file that is not known is an error: a misspelt setting must not be ignored silently.
     */
    static ConfigValues merge(Map<String, String> defaults, Path propertiesFile, Map<String, String> env,
                              Map<String, String> overrides) {
        Map<String, String> v = new HashMap<>(defaults);
        if (propertiesFile != null) {
            Map<String, String> fromFile = readProperties(propertiesFile);
            fromFile.keySet().stream().filter(k -> k.startsWith("raqib.") && !defaults.containsKey(k)).sorted()
                    .findFirst().ifPresent(k -> {
                        throw new IllegalArgumentException(propertiesFile + ": unknown setting " + k
                                + " (the README's Configuration section lists them all)");
                    });
            v.putAll(fromFile);
        }
        for (String key : defaults.keySet()) {
            String fromEnv = env.get(envName(key));
            if (fromEnv != null && !fromEnv.isBlank()) {
                v.put(key, fromEnv);
            }
        }
        String passthroughEnv = envName(PASSTHROUGH);
        env.forEach((name, value) -> {
            if (name.startsWith(passthroughEnv) && value != null && !value.isBlank()) {
                v.put(PASSTHROUGH + name.substring(passthroughEnv.length()).toLowerCase(Locale.ROOT).replace('_', '.'),
                        value);
            }
        });
        overrides.forEach((k, value) -> {
            if (value != null) {
                v.put(k, value);
            }
        });
        return new ConfigValues(v);
    }

    /**
     * The environment variable that sets a property: {@code raqib.state.dir} → {@code RAQIB_STATE_DIR},
     * {@code kafka.security.protocol} → {@code RAQIB_KAFKA_SECURITY_PROTOCOL}.
     */
    static String envName(String property) {
        String name = property.replace('.', '_').toUpperCase(Locale.ROOT);
        return name.startsWith(ENV_PREFIX) ? name : ENV_PREFIX + name;
    }

    /** The non-blank values of the {@link #PASSTHROUGH} keys, by their name without that prefix. */
    Map<String, String> passthrough() {
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, value) -> {
            if (k.startsWith(PASSTHROUGH) && value != null && !value.isBlank()) {
                out.put(k.substring(PASSTHROUGH.length()), value.strip());
            }
        });
        return out;
    }

    /** The value of {@code key}, stripped; empty string when unset. */
    String string(String key) {
        String v = values.get(key);
        return v == null ? "" : v.strip();
    }

    /** The comma-separated values in {@code key}, stripped, blanks left out. */
    List<String> list(String key) {
        return Arrays.stream(string(key).split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    /** The path in {@code key}, empty when unset or blank. */
    Optional<Path> path(String key) {
        String v = string(key);
        return v.isEmpty() ? Optional.empty() : Optional.of(Path.of(v));
    }

    /** The positive integer in {@code key}. */
    int positiveInt(String key) {
        return parse(key, Integer::parseInt, n -> n > 0, "a positive integer");
    }

    /** The positive ISO-8601 duration in {@code key} ({@code PT72H}). */
    Duration duration(String key) {
        return parse(key, Duration::parse, d -> !d.isNegative() && !d.isZero(),
                "a positive ISO-8601 duration such as PT72H");
    }

    /** The number above 1 in {@code key} (a factor that must raise what it multiplies). */
    double factor(String key) {
        return parse(key, Double::parseDouble, d -> d > 1 && d < 1e6, "a number above 1");
    }

    /** The number in (0, 1] in {@code key}. */
    double fraction(String key) {
        return parse(key, Double::parseDouble, d -> d > 0 && d <= 1, "a number in (0, 1]");
    }

    private <T> T parse(String key, Function<String, T> parser, Predicate<T> valid, String what) {
        String raw = string(key);
        try {
            T value = parser.apply(raw);
            if (valid.test(value)) {
                return value;
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            // reported below with the names
        }
        throw invalid(key, raw, what);
    }

    /** An error saying that {@code key} must be {@code what}. */
    IllegalArgumentException invalid(String key, String raw, String what) {
        return new IllegalArgumentException(key + " (" + envName(key) + ") must be " + what + ", got '" + raw + "'");
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
