package io.raqib.core.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's Kafka client settings: every {@code kafka.*} property (file, {@code RAQIB_KAFKA_*} environment,
 * overrides) by its Kafka name ({@code kafka.security.protocol} → {@code security.protocol}), given to every
 * producer, consumer, admin and Kafka Streams client Raqib makes, over Raqib's own defaults. A Kafka Streams prefix
 * ({@code producer.}, {@code main.consumer.}, {@code topic.}, …) keeps its Kafka Streams meaning.
 *
 * <p>Settings Raqib's guarantees rest on are guarded: those it derives from a {@code raqib.*}
 * setting, fixes in code or needs at one value are refused at load; {@code acks} and {@code enable.idempotence}
 * are applied but warned about.
 *
 * @param values the settings, by Kafka name
 */
public record KafkaSettings(Map<String, String> values) {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSettings.class);
    /** Kafka Streams prefixes, longest first: {@code main.consumer.x} is {@code x} for a main consumer. */
    private static final List<String> STREAMS_PREFIXES = List.of("main.consumer.", "restore.consumer.",
            "global.consumer.", "consumer.", "producer.", "admin.", "topic.");
    private static final String FORMATS = "the record formats on Raqib's topics are fixed";
    private static final String DLQ = "a record that cannot be processed goes to raqib.dlq";
    private static final Map<String, Guard> GUARDS = Map.ofEntries(
            Map.entry("bootstrap.servers", Guard.derived(RaqibConfig.BOOTSTRAP_SERVERS)),
            Map.entry("application.id", Guard.derived(RaqibConfig.APPLICATION_ID)),
            Map.entry("group.id", Guard.derived(RaqibConfig.APPLICATION_ID)),
            Map.entry("group.instance.id", Guard.derived(RaqibConfig.INSTANCE_ID)),
            Map.entry("state.dir", Guard.derived(RaqibConfig.STATE_DIR)),
            Map.entry("replication.factor", Guard.derived(RaqibConfig.REPLICATION)),
            Map.entry("max.request.size", Guard.derived(RaqibConfig.MAX_RECORD_BYTES)),
            Map.entry("max.message.bytes", Guard.derived(RaqibConfig.MAX_RECORD_BYTES)),
            Map.entry("transactional.id", Guard.fixed("Kafka Streams gives each producer its own")),
            Map.entry("key.serializer", Guard.fixed(FORMATS)),
            Map.entry("value.serializer", Guard.fixed(FORMATS)),
            Map.entry("key.deserializer", Guard.fixed(FORMATS)),
            Map.entry("value.deserializer", Guard.fixed(FORMATS)),
            Map.entry("default.key.serde", Guard.fixed(FORMATS)),
            Map.entry("default.value.serde", Guard.fixed(FORMATS)),
            Map.entry("deserialization.exception.handler", Guard.fixed(DLQ)),
            Map.entry("default.deserialization.exception.handler", Guard.fixed(DLQ)),
            Map.entry("processing.exception.handler", Guard.fixed(DLQ)),
            Map.entry("production.exception.handler", Guard.fixed(DLQ)),
            Map.entry("default.production.exception.handler", Guard.fixed(DLQ)),
            Map.entry("processing.guarantee", Guard.required(List.of("exactly_once_v2"),
                    "one alert per watch and story needs exactly-once processing")),
            Map.entry("isolation.level", Guard.required(List.of("read_committed"),
                    "records of aborted transactions must not be read (they would alert twice)")),
            Map.entry("enable.auto.commit", Guard.required(List.of("false"),
                    "Raqib commits offsets itself, after it has handled the records")),
            Map.entry("acks", Guard.advised(List.of("all", "-1"),
                    "an article or watch then counts as published before every in-sync replica has it")),
            Map.entry("enable.idempotence", Guard.advised(List.of("true"),
                    "a retried send may then write a record twice")));
    /** Warnings already logged, so that a configuration loaded several times warns once. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    public KafkaSettings {
        values = Map.copyOf(values);
    }

    /** The {@code kafka.*} settings of {@code v}; refuses a guarded setting, warns about an advised one. */
    static KafkaSettings from(ConfigValues v) {
        Map<String, String> values = v.passthrough();
        values.forEach((name, value) -> {
            Guard guard = GUARDS.get(baseName(name));
            if (guard != null && !guard.accepts(value)) {
                String property = ConfigValues.PASSTHROUGH + name;
                String message = property + " (" + ConfigValues.envName(property) + ") " + guard.problem(value);
                if (guard.refuse()) {
                    throw new IllegalArgumentException(message);
                }
                if (WARNED.add(message)) {
                    LOG.warn("{}", message);
                }
            }
        });
        return new KafkaSettings(values);
    }

    /**
     * Whether the operator's settings decide {@code key}: they set it, or, for a key with a Kafka Streams prefix
     * ({@code main.consumer.session.timeout.ms}), they set it without the prefix (which Kafka Streams would
     * otherwise rank below the prefixed default).
     */
    public boolean decides(String key) {
        return values.containsKey(key) || values.containsKey(baseName(key));
    }

    private static String baseName(String key) {
        return STREAMS_PREFIXES.stream().filter(key::startsWith).findFirst()
                .map(prefix -> key.substring(prefix.length())).orElse(key);
    }

    /**
     * What Raqib allows of one Kafka setting.
     *
     * @param allowed the values accepted; empty = none (Raqib sets it)
     * @param refuse  whether any other value stops the configuration from loading (else: a warning)
     * @param why     the reason, or the {@code raqib.*} setting to use instead
     */
    private record Guard(List<String> allowed, boolean refuse, String why) {

        static Guard derived(String raqibProperty) {
            return new Guard(List.of(), true, "is set by Raqib: use " + raqibProperty + " ("
                    + ConfigValues.envName(raqibProperty) + ") instead");
        }

        static Guard fixed(String why) {
            return new Guard(List.of(), true, "is set by Raqib: " + why);
        }

        static Guard required(List<String> allowed, String why) {
            return new Guard(allowed, true, "but must be " + String.join(" or ", allowed) + ": " + why);
        }

        static Guard advised(List<String> allowed, String why) {
            return new Guard(allowed, false, "not " + String.join(" or ", allowed) + ": " + why);
        }

        boolean accepts(String value) {
            return allowed.contains(value.toLowerCase(Locale.ROOT));
        }

        String problem(String value) {
            return allowed.isEmpty() ? why : "is '" + value + "', " + why;
        }
    }
}
