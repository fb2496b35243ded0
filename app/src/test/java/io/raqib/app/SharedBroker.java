package io.raqib.app;

import io.raqib.core.config.RaqibConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;

/**
 * One embedded broker per test JVM, started on first use and stopped at JVM exit. Besides its plain listener it
 * has a SASL_PLAINTEXT one (SCRAM-SHA-256, {@link #SCRAM}) for the tests of clients of a secured cluster.
 */
final class SharedBroker {

    /** The SCRAM mechanism of the SASL listener. */
    static final String SCRAM = "SCRAM-SHA-256";
    private static EmbeddedBroker broker;

    private SharedBroker() {
    }

    /** The shared broker, started (and its topics created) on first call. */
    static synchronized EmbeddedBroker get() {
        if (broker == null) {
            try {
                broker = EmbeddedBroker.startWithScramListener(SCRAM);
                TopicAdmin.ensureTopics(config("topics"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException("cannot create topics on the embedded broker", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        }
        return broker;
    }

    /** A configuration for the shared broker with an application id and state dir unique to this call. */
    static RaqibConfig config(String testName) {
        return config(testName, Map.of());
    }

    /** The same with the environment {@code env} ({@code RAQIB_*} variables) on top of the defaults. */
    static RaqibConfig config(String testName, Map<String, String> env) {
        try {
            String unique = testName + "-" + UUID.randomUUID().toString().substring(0, 8);
            return RaqibConfig.load(null, env, Map.of(
                    RaqibConfig.BOOTSTRAP_SERVERS, get().bootstrapServers(),
                    RaqibConfig.APPLICATION_ID, unique,
                    RaqibConfig.STATE_DIR, Files.createTempDirectory("raqib-it-").toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A configuration for another instance of {@code first}'s application (same id, its own state dir). */
    static RaqibConfig secondInstance(RaqibConfig first) {
        try {
            return RaqibConfig.load(null, Map.of(), Map.of(
                    RaqibConfig.BOOTSTRAP_SERVERS, first.bootstrapServers(),
                    RaqibConfig.APPLICATION_ID, first.applicationId(),
                    RaqibConfig.STATE_DIR, Files.createTempDirectory("raqib-it-").toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
